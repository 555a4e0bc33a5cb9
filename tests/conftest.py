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


def build_site(corpus: Path, workdir: Path) -> Path:
    """Build ``corpus`` with the project's mkdocs.yml and static docs (the plugin converts); returns site/."""
    shutil.copy(ROOT / "mkdocs.yml", workdir / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", workdir / "overrides")  # mkdocs.yml's theme.custom_dir
    # Everything the converter generates is made again from the corpus (links.GENERATED_DIRS and the rest).
    generated = ("briefings", "index.md", "speakers", "topics", "data", "data.md", "feed.xml", "atom.xml")
    shutil.copytree(ROOT / "docs", workdir / "docs", ignore=shutil.ignore_patterns(*generated))
    shutil.copytree(corpus, workdir / "corpus")
    result = mkdocs_build(workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    return workdir / "site"


def mkdocs_build(workdir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``workdir``, with this environment's MkDocs."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return subprocess.run(
        [str(mkdocs), "build", "--strict"], cwd=workdir, capture_output=True, text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}, check=False,
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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite the expected .json/.md files beside each fixture"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
