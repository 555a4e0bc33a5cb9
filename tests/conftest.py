"""Shared fixtures: the seed fixtures, and a whole site built from a corpus in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative POSIX path, with its bytes: two builds compare equal or not."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_site(corpus: Path, workdir: Path, env: dict[str, str] | None = None) -> Path:
    """Build ``corpus`` with the project's mkdocs.yml and static docs (the plugin converts); returns site/.

    ``env`` adds environment variables (``SITE_URL``, ``OFFLINE_COPY_URL``); nothing else of the caller's leaks in.
    """
    shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", workdir / "overrides")  # mkdocs.yml's theme.custom_dir
    # Everything the converter generates is made again from the corpus (links.GENERATED_DIRS and the rest).
    generated = ("briefings", "index.md", "speakers", "topics", "data", "data.md", "feed.xml", "atom.xml")
    shutil.copytree(ROOT / "docs", workdir / "docs", ignore=shutil.ignore_patterns(*generated))
    shutil.copytree(corpus, workdir / "corpus")
    result = mkdocs_build(workdir, env)
    assert result.returncode == 0, result.stdout + result.stderr
    return workdir / "site"


def mkdocs_build(workdir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``workdir``, with this environment's MkDocs."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "--strict"], cwd=workdir, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **(env or {})}, check=False,
    )


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus folder holding the two seed transcripts."""
    corpus = tmp_path_factory.mktemp("corpus")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    return corpus


@pytest.fixture(scope="session")
def seed_site(seed_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the seed corpus with ``mkdocs build --strict``."""
    return build_site(seed_corpus, tmp_path_factory.mktemp("site"))


# A small corpus of several layouts for the client checks (tests/test_clients.py): an English briefing with
# topics, a Spanish one, a mid.ru page and a plain transcript without a TOC. Small pages keep the link check fast.
CLIENT_CORPUS = (
    SEEDS / "002_6419208406f8e03b.txt",
    FIXTURES / "spanish" / "2017-03-01-rueda.txt",
    FIXTURES / "midru" / "2017-04-12-numbered-divider.txt",
    FIXTURES / "plain" / "2012-03-15-no-toc.txt",
)
# A project site below the domain root, as GitHub Pages serves one: every absolute URL must keep the subpath.
PUBLIC_URL = "https://example.github.io/briefings/"
OFFLINE_COPY_URL = "https://github.com/example/briefings/releases/download/offline-site/briefings-site.zip"


@pytest.fixture(scope="session")
def client_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("client-corpus")
    for path in CLIENT_CORPUS:
        shutil.copy(path, corpus / path.name)
    return corpus


@pytest.fixture(scope="session")
def public_site(client_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The client corpus built as the Pages workflow builds it: SITE_URL and OFFLINE_COPY_URL set."""
    env = {"SITE_URL": PUBLIC_URL, "OFFLINE_COPY_URL": OFFLINE_COPY_URL}
    return build_site(client_corpus, tmp_path_factory.mktemp("public-site"), env)


@pytest.fixture(scope="session")
def local_site(client_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The client corpus built as `make site` builds it on a maintainer's machine: no public address."""
    return build_site(client_corpus, tmp_path_factory.mktemp("local-site"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the expected .json/.md files beside each fixture"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
