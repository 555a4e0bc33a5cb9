"""The GitHub Actions workflows: schema-valid, clean under zizmor, and shaped as promised.

ci.yml runs ``make test`` on pull requests; pages.yml tests, builds and deploys the site from main.
Every check here is also run against a deliberately broken copy, so a check that can no longer fail
shows up as a failing test instead of passing quietly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
CI = WORKFLOWS / "ci.yml"
PAGES = WORKFLOWS / "pages.yml"

# The tools are installed in the same virtualenv as pytest (the `dev` extra). Not resolved: .venv/bin/python
# is a symlink to the system interpreter, and the tools live beside the link.
BIN = Path(sys.executable).parent
# --strict-collection: a workflow zizmor cannot parse fails the run instead of being skipped with a warning.
ZIZMOR_FLAGS = [
    "--offline",
    "--strict-collection",
    "--min-severity",
    "medium",
    "--format",
    "plain",
    "--color",
    "never",
]

PAGES_PATHS = [
    "corpus/**",
    "converter/**",
    "docs/**",
    "mkdocs.yml",
    "pyproject.toml",
    "requirements.lock",
    ".github/workflows/pages.yml",
]
CHROME = "/usr/bin/google-chrome"
# `uses: owner/repo@<full commit SHA> # vX.Y.Z`
PINNED_USES = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed beside {sys.executable}; run `make test` (installs '.[dev]')")
    return path


def run(args: list[str | Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    return run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files])


def zizmor(*inputs: Path) -> subprocess.CompletedProcess[str]:
    return run([tool("zizmor"), *ZIZMOR_FLAGS, *inputs])


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict), "a workflow is a mapping"
    # YAML 1.1 reads the bare key `on` as the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def broken_copy(tmp_path: Path, source: Path, *replacements: tuple[str, str]) -> Path:
    """A copy of ``source`` in ``tmp_path`` with each (old, new) replaced once."""
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} is no longer in {source.name}; update the breakage"
        text = text.replace(old, new, 1)
    copy = tmp_path / source.name
    copy.write_text(text, encoding="utf-8")
    return copy


# --- the structural promises, as a function that lists what is wrong -------------------------------------


def uses_of(job: dict[str, Any]) -> list[str]:
    return [str(step["uses"]).split("@", 1)[0] for step in job.get("steps", []) if "uses" in step]


def step_using(job: dict[str, Any], action: str) -> dict[str, Any] | None:
    return next((s for s in job.get("steps", []) if str(s.get("uses", "")).startswith(action + "@")), None)


def runs_make(job: dict[str, Any], command: str) -> bool:
    return any(str(s.get("run", "")).strip() == command for s in job.get("steps", []))


def make_test_problems(name: str, job: dict[str, Any]) -> list[str]:
    problems = []
    if not runs_make(job, f"make test CHROMIUM={CHROME}"):
        problems.append(f"{name}: does not run `make test CHROMIUM={CHROME}`")
    if (job.get("env") or {}).get("BRIEFINGS_CHROMIUM") != CHROME:
        problems.append(f"{name}: BRIEFINGS_CHROMIUM is not {CHROME}")
    return problems


def checkout_and_python_problems(name: str, job: dict[str, Any]) -> list[str]:
    problems = []
    checkout = step_using(job, "actions/checkout")
    if checkout is None or (checkout.get("with") or {}).get("persist-credentials") is not False:
        problems.append(f"{name}: no actions/checkout with persist-credentials: false")
    python = step_using(job, "actions/setup-python")
    settings = (python or {}).get("with") or {}
    wanted = {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements.lock"}
    if {key: str(settings.get(key)) for key in wanted} != wanted:
        problems.append(f"{name}: no actions/setup-python 3.11 with the pip cache keyed on requirements.lock")
    return problems


# The permissions each writing job needs, exactly: deploy publishes to Pages, offline replaces a release asset.
WRITERS = {
    "deploy": {"pages": "write", "id-token": "write"},
    "offline": {"contents": "write"},
}
# Read scopes a job may have besides contents: read (build reads the Pages site's address with configure-pages).
READERS = {"build": {"contents", "pages"}}


def least_privilege_problems(workflow: str, wf: dict[str, Any], writers: set[str]) -> list[str]:
    """Top level grants nothing (or contents: read); only jobs in ``writers`` write, each exactly as WRITERS says."""
    problems = []
    if wf.get("permissions") not in ({}, {"contents": "read"}):
        problems.append(f"{workflow}: top-level permissions are {wf.get('permissions')!r}")
    for name, job in wf["jobs"].items():
        perms = job.get("permissions")
        if name in writers:
            if perms != WRITERS[name]:
                problems.append(f"{workflow}/{name}: permissions {perms!r}, not exactly {WRITERS[name]!r}")
        elif not isinstance(perms, dict) or any(perms.get(k) not in (None, "read") for k in perms):
            problems.append(f"{workflow}/{name}: permissions {perms!r} are not read-only")
        elif set(perms) - READERS.get(name, {"contents"}):
            problems.append(f"{workflow}/{name}: permissions {perms!r} ask for more than they need to read")
        if "timeout-minutes" not in job:
            problems.append(f"{workflow}/{name}: no timeout-minutes")
    return problems


def ci_problems(wf: dict[str, Any]) -> list[str]:
    problems = least_privilege_problems("ci", wf, writers=set())
    if "pull_request" not in wf["on"]:
        problems.append("ci: not run on pull_request")
    concurrency = wf.get("concurrency") or {}
    if not concurrency.get("group") or concurrency.get("cancel-in-progress") is not True:
        problems.append("ci: no concurrency group that cancels superseded runs")
    for name, job in wf["jobs"].items():
        problems += make_test_problems(f"ci/{name}", job) + checkout_and_python_problems(f"ci/{name}", job)
    return problems


def pages_problems(wf: dict[str, Any]) -> list[str]:
    problems = least_privilege_problems("pages", wf, writers={"deploy", "offline"})
    on = wf["on"]
    push = on.get("push") or {}
    if push.get("branches") != ["main"]:
        problems.append(f"pages: push branches are {push.get('branches')!r}, not [main]")
    missing = [p for p in PAGES_PATHS if p not in (push.get("paths") or [])]
    if missing:
        problems.append(f"pages: push paths lack {missing}")
    if "workflow_dispatch" not in on:
        problems.append("pages: no workflow_dispatch")
    if wf.get("concurrency") != {"group": "pages", "cancel-in-progress": False}:
        problems.append(f"pages: concurrency is {wf.get('concurrency')!r}, not group pages, no cancelling")

    jobs = wf["jobs"]
    if set(jobs) != {"test", "build", "deploy", "offline"}:
        return [*problems, f"pages: jobs are {sorted(jobs)}, not test/build/deploy/offline"]
    problems += make_test_problems("pages/test", jobs["test"])
    problems += checkout_and_python_problems("pages/test", jobs["test"])
    problems += checkout_and_python_problems("pages/build", jobs["build"])

    build, deploy = jobs["build"], jobs["deploy"]
    if build.get("needs") not in ("test", ["test"]):
        problems.append("pages/build: does not need test")
    if not runs_make(build, "make site"):
        problems.append("pages/build: does not run `make site`")
    problems += public_address_problems(build)
    upload = step_using(build, "actions/upload-pages-artifact")
    if upload is None or str((upload.get("with") or {}).get("path", "")).rstrip("/") != "site":
        problems.append("pages/build: does not upload site/ with actions/upload-pages-artifact")

    if deploy.get("needs") not in ("build", ["build"]):
        problems.append("pages/deploy: does not need build")
    if uses_of(deploy) != ["actions/deploy-pages"]:
        problems.append(f"pages/deploy: steps use {uses_of(deploy)}, not only actions/deploy-pages")
    step = step_using(deploy, "actions/deploy-pages") or {}
    environment = deploy.get("environment") or {}
    if environment.get("name") != "github-pages":
        problems.append("pages/deploy: environment is not github-pages")
    if "id" not in step or environment.get("url") != f"${{{{ steps.{step['id']}.outputs.page_url }}}}":
        problems.append("pages/deploy: environment url is not the deploy step's page_url output")
    if step_using(deploy, "actions/checkout") is not None:
        problems.append("pages/deploy: checks out the repository, which it does not need")
    return problems + offline_problems(build, jobs["offline"])


def public_address_problems(build: dict[str, Any]) -> list[str]:
    """`make site` gets SITE_URL from configure-pages' base_url (the deployment's address, subpath included)."""
    configure = step_using(build, "actions/configure-pages") or {}
    site = next((s for s in build.get("steps", []) if str(s.get("run", "")).strip() == "make site"), {})
    wanted = f"${{{{ steps.{configure.get('id')}.outputs.base_url }}}}"
    if not configure.get("id") or (site.get("env") or {}).get("SITE_URL") != wanted:
        return ["pages/build: `make site` does not get SITE_URL from actions/configure-pages' base_url"]
    if "OFFLINE_COPY_URL" not in (site.get("env") or {}):
        return ["pages/build: `make site` is not told the offline copy's address (OFFLINE_COPY_URL)"]
    return []


def offline_problems(build: dict[str, Any], offline: dict[str, Any]) -> list[str]:
    """The zip of the site leaves the Pages artifact and becomes the release asset the site links to."""
    problems = []
    upload = (step_using(build, "actions/upload-artifact") or {}).get("with") or {}
    download = (step_using(offline, "actions/download-artifact") or {}).get("with") or {}
    if not upload.get("name") or download.get("name") != upload.get("name"):
        problems.append("pages/offline: does not download the zip that pages/build uploads")
    if offline.get("needs") not in ("deploy", ["deploy"]):
        problems.append("pages/offline: does not wait for the deploy")
    script = " ".join(str(s.get("run", "")) for s in offline.get("steps", []))
    site = next((s for s in build.get("steps", []) if str(s.get("run", "")).strip() == "make site"), {})
    asset = str((site.get("env") or {}).get("OFFLINE_COPY_URL", ""))
    release, _, name = asset.rpartition("/releases/download/")[2].partition("/")
    if not name or f"gh release upload {release} {name} --clobber" not in script:
        problems.append("pages/offline: does not replace the release asset that OFFLINE_COPY_URL names")
    if str(upload.get("path")) != name:
        problems.append("pages/build: uploads another file than the release asset")
    return problems


def unpinned_uses(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "uses:" in line and not PINNED_USES.match(line)]


# --- the tests -----------------------------------------------------------------------------------------


def test_both_workflows_exist() -> None:
    assert CI.is_file() and PAGES.is_file(), [p.name for p in workflow_files()]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_workflow_matches_github_schema(path: Path) -> None:
    result = check_jsonschema(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    copy = broken_copy(tmp_path, CI, ("runs-on:", "runs_on:"))
    result = check_jsonschema(copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "runs-on" in result.stdout, result.stdout + result.stderr


def test_zizmor_reports_nothing() -> None:
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, f"zizmor {' '.join(ZIZMOR_FLAGS)}:\n{result.stdout}{result.stderr}"
    assert "No findings" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("replacements", "audit"),
    [
        # Top-level write-all alone is suppressed while every job sets its own permissions,
        # so the test job also loses its own (and inherits write-all).
        pytest.param(
            [
                ("permissions: {}\n", "permissions: write-all\n"),
                (
                    "    timeout-minutes: 30\n    permissions:\n      contents: read\n",
                    "    timeout-minutes: 30\n",
                ),
            ],
            "excessive-permissions",
            id="write-all",
        ),
        pytest.param(
            [("    permissions:\n      contents: read\n", "    permissions: write-all\n")],
            "excessive-permissions",
            id="job-write-all",
        ),
        pytest.param(
            [("deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5", "deploy-pages@v4")],
            "unpinned-uses",
            id="tag-pin",
        ),
        pytest.param(
            [("        with:\n          persist-credentials: false\n", "")],
            "artipacked",
            id="persisted-credentials",
        ),
        pytest.param(
            [
                (
                    "      - run: make site\n",
                    '      - run: make site TITLE="${{ github.event.head_commit.message }}"\n',
                )
            ],
            "template-injection",
            id="template-injection",
        ),
    ],
)
def test_zizmor_flags_a_broken_workflow(
    tmp_path: Path, replacements: list[tuple[str, str]], audit: str
) -> None:
    result = zizmor(broken_copy(tmp_path, PAGES, *replacements))
    # 1 is zizmor's own failure; 10 and up say the highest severity found.
    assert result.returncode >= 10, result.stdout + result.stderr
    assert f"[{audit}]" in result.stdout, result.stdout + result.stderr


def test_ci_structure() -> None:
    assert ci_problems(load(CI.read_text(encoding="utf-8"))) == []


def test_pages_structure() -> None:
    assert pages_problems(load(PAGES.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "      pages: read # configure-pages reads the site's public address\n",
            "      pages: write\n",
            "pages/build: permissions",
        ),
        (
            "      contents: write # to replace the release asset\n",
            "      contents: write\n      pages: write\n",
            "pages/offline: permissions",
        ),
        ("          SITE_URL: ${{ steps.pages.outputs.base_url }}\n", "", "SITE_URL from actions/configure-pages"),
        ("          name: offline-site\n          path:", "          name: site-zip\n          path:",
         "does not download the zip"),
        ("gh release upload offline-site briefings-site.zip", "gh release upload offline-site site.zip",
         "does not replace the release asset"),
        ("    needs: deploy\n", "    needs: build\n", "pages/offline: does not wait for the deploy"),
        ("      pages: write # to deploy to Pages\n", "", "pages/deploy: permissions"),
        ("permissions: {}\n", "permissions:\n  id-token: write\n", "pages: top-level permissions"),
        ("  group: pages\n", "  group: site\n", "pages: concurrency"),
        ('      - "corpus/**"\n', "", "pages: push paths lack ['corpus/**']"),
        ("          path: site/\n", "          path: docs/\n", "does not upload site/"),
        ("actions/upload-pages-artifact@", "actions/upload-artifact@", "does not upload site/"),
        ("actions/deploy-pages@", "actions/deploy-page@", "not only actions/deploy-pages"),
        ("      url: ${{ steps.deployment.outputs.page_url }}\n", "", "environment url"),
        ("    needs: build\n", "", "pages/deploy: does not need build"),
    ],
    ids=[
        "build-writes-pages",
        "offline-writes-pages",
        "no-site-url",
        "other-artifact",
        "other-asset",
        "offline-before-deploy",
        "deploy-lacks-pages-write",
        "top-level-id-token",
        "concurrency-group",
        "paths-lack-corpus",
        "uploads-docs",
        "upload-artifact-instead",
        "deploy-action",
        "environment-url",
        "deploy-needs",
    ],
)
def test_pages_structure_check_can_fail(old: str, new: str, problem: str) -> None:
    text = PAGES.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in pages.yml; update the breakage"
    problems = pages_problems(load(text.replace(old, new, 1)))
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("  cancel-in-progress: true\n", "  cancel-in-progress: false\n", "ci: no concurrency group"),
        ("      contents: read\n", "      contents: write\n", "are not read-only"),
        ("      BRIEFINGS_CHROMIUM: /usr/bin/google-chrome\n", "", "BRIEFINGS_CHROMIUM"),
        ("          cache-dependency-path: requirements.lock\n", "", "pip cache keyed on requirements.lock"),
        ("    timeout-minutes: 30\n", "", "no timeout-minutes"),
    ],
    ids=["no-cancel", "contents-write", "no-chrome-env", "cache-key", "no-timeout"],
)
def test_ci_structure_check_can_fail(old: str, new: str, problem: str) -> None:
    text = CI.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in ci.yml; update the breakage"
    problems = ci_problems(load(text.replace(old, new, 1)))
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_actions_pinned_to_a_commit_with_its_version(path: Path) -> None:
    assert unpinned_uses(path.read_text(encoding="utf-8")) == []


def test_pin_check_can_fail() -> None:
    assert unpinned_uses("      - uses: actions/checkout@v5\n") == ["- uses: actions/checkout@v5"]
    assert unpinned_uses("      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8\n")
