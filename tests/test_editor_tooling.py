"""The editor and CI tooling says what the project does: workflow, pre-commit, nox, schema modelines."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimdocs.model import schema_json

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
NOXFILE = ROOT / "noxfile.py"
CLAIMS = ROOT / "claims"
MODELINE = "# yaml-language-server: $schema=schema.json"
#: Files whose bytes are pinned (by sha256) and must never be rewritten by a fixer.
PINNED = ["seeds/000_47ef2131506feb3b.txt", "tests/roots/test-claims/article.txt"]
FIXERS = {"end-of-file-fixer", "trailing-whitespace", "mixed-line-ending", "fix-byte-order-marker"}


def _load(path: Path) -> Any:
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- GitHub Actions


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return _load(WORKFLOW)


def _steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def _runs(workflow: dict[str, Any], job: str) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow, job))


def test_workflow_runs_on_push_and_pull_request(workflow: dict[str, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)


@pytest.mark.parametrize("job", ["lint", "tests", "docs"])
def test_workflow_job_runs_its_nox_session_on_python_311(workflow: dict[str, Any], job: str) -> None:
    spec = workflow["jobs"][job]
    assert spec["runs-on"] == "ubuntu-latest"
    setup = [s for s in spec["steps"] if str(s.get("uses", "")).startswith("actions/setup-python@")]
    image = spec.get("container", "")
    image = image.get("image", "") if isinstance(image, dict) else image
    versions = {str(s.get("with", {}).get("python-version")) for s in setup}
    assert versions == {"3.11"} or (not setup and image.startswith("python:3.11")), (versions, image)
    runs = _runs(workflow, job)
    assert re.search(r"pip install [\"']?nox\[uv\]", runs), runs
    assert re.search(rf"\bnox -s {job}\b", runs), runs


def test_workflow_installs_chromium_before_the_tests(workflow: dict[str, Any]) -> None:
    runs = [step.get("run", "") for step in _steps(workflow, "tests")]
    install = next(i for i, run in enumerate(runs) if re.search(r"apt-get install .*\bchromium\b", run))
    tests = next(i for i, run in enumerate(runs) if "nox -s tests" in run)
    assert install < tests


def test_workflow_uploads_the_test_artifacts(workflow: dict[str, Any]) -> None:
    uploads = [s for s in _steps(workflow, "tests") if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    assert any(str(s["with"]["path"]).rstrip("/") == "test-artifacts" for s in uploads), uploads
    assert all("always()" in str(s.get("if", "")) for s in uploads)


def test_workflow_reports_claims_as_annotations_and_sarif(workflow: dict[str, Any]) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"(claimdocs check|nox -s check --) --format github\b", text)
    assert re.search(r"(claimdocs check|nox -s check --) --format sarif -o claims\.sarif\b", text)
    jobs = workflow["jobs"].values()
    uploads = [s for job in jobs for s in job["steps"]
               if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    assert len(uploads) == 1, uploads
    assert uploads[0]["with"]["sarif_file"] == "claims.sarif"
    assert "always()" in uploads[0]["if"]
    job = next(job for job in jobs if uploads[0] in job["steps"])
    assert job.get("permissions", {}).get("security-events") == "write"


# ---------------------------------------------------------------- pre-commit


@pytest.fixture(scope="module")
def pre_commit() -> dict[str, Any]:
    return _load(PRE_COMMIT)


def _hooks(config: dict[str, Any]) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    return {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_runs_the_claims_check(pre_commit: dict[str, Any]) -> None:
    hooks = [hook for repo, hook in _hooks(pre_commit).values() if repo["repo"] == "local"]
    check = next(hook for hook in hooks if hook["entry"].split()[:2] == ["claimdocs", "check"])
    assert check["entry"] == "claimdocs check"
    assert check["language"] == "system"
    assert check["pass_filenames"] is False
    files = re.compile(check["files"])
    for path in ("docs/figures.md", "docs/disputes/qatar-strike.md", "claims/people.yaml", PINNED[0]):
        assert files.search(path), path
    for path in ("src/claimdocs/cli.py", "README.md", "tests/test_cli.py"):
        assert not files.search(path), path


def test_pre_commit_runs_ruff_at_a_pinned_version(pre_commit: dict[str, Any]) -> None:
    repos = [repo for repo in pre_commit["repos"] if repo["repo"] == "https://github.com/astral-sh/ruff-pre-commit"]
    assert len(repos) == 1
    assert re.fullmatch(r"v\d+\.\d+\.\d+", str(repos[0]["rev"])), repos[0]["rev"]
    assert {hook["id"] for hook in repos[0]["hooks"]} & {"ruff", "ruff-check"}


def test_pre_commit_checks_yaml_and_spares_the_pinned_article(pre_commit: dict[str, Any]) -> None:
    hooks = _hooks(pre_commit)
    assert "check-yaml" in hooks
    for repo in pre_commit["repos"]:
        if repo["repo"] != "local":
            assert re.fullmatch(r"v\d+\.\d+\.\d+", str(repo["rev"])), repo
    for hook_id in FIXERS & set(hooks):
        exclude = re.compile(hooks[hook_id][1].get("exclude", "(?!)"))
        for path in PINNED:
            assert exclude.search(path), f"{hook_id} would rewrite {path}, whose bytes are pinned"


# ---------------------------------------------------------------- nox


def _sessions() -> dict[str, dict[str, Any]]:
    """Every @nox.session in noxfile.py, by name, with its keyword arguments (read, not run)."""
    tree = ast.parse(NOXFILE.read_text(encoding="utf-8"))
    found: dict[str, dict[str, Any]] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            call = deco if isinstance(deco, ast.Call) else None
            target = call.func if call else deco
            if ast.unparse(target) != "nox.session":
                continue
            kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in (call.keywords if call else [])
                      if isinstance(kw.value, ast.Constant)}
            found[kwargs.get("name", node.name)] = kwargs
    return found


def _default_sessions() -> list[str]:
    tree = ast.parse(NOXFILE.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(ast.unparse(t) == "nox.options.sessions" for t in node.targets):
            return ast.literal_eval(node.value)
    return []


def test_noxfile_defines_the_sessions() -> None:
    sessions = _sessions()
    assert {"docs", "docs-live", "tests", "lint", "check", "bench", "fuzz"} <= set(sessions), sorted(sessions)
    assert sessions["docs-live"].get("default") is False
    for name in ("docs", "tests", "lint"):
        assert sessions[name].get("default", True) is not False, name
    defaults = _default_sessions()
    assert {"docs", "tests", "lint"} <= set(defaults), defaults
    assert "docs-live" not in defaults


def test_nox_registry_agrees_when_nox_is_installed() -> None:
    registry = pytest.importorskip("nox.registry")
    import importlib.util

    spec = importlib.util.spec_from_file_location("_noxfile_under_test", NOXFILE)
    assert spec and spec.loader
    before = dict(registry.get())
    try:
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
        found = registry.get()
        names = set(found)
        live = getattr(found.get("docs-live"), "default", False)
    finally:
        registry._REGISTRY.clear()
        registry._REGISTRY.update(before)
    assert set(_sessions()) <= names
    assert live is False


# ---------------------------------------------------------------- claims files and their schema


@pytest.mark.parametrize("path", sorted(CLAIMS.glob("*.yaml")), ids=lambda p: p.name)
def test_claims_file_points_its_editor_at_the_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE, f"{path.name} begins {first!r}"


def test_schema_file_is_a_json_schema_and_in_sync_with_the_model() -> None:
    text = (CLAIMS / "schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert isinstance(schema["$defs"], dict) and schema["$defs"]
    refs = set(re.findall(r'"\$ref": "#/\$defs/([^"]+)"', text))
    assert refs <= set(schema["$defs"]), sorted(refs - set(schema["$defs"]))
    assert text == schema_json(), "claims/schema.json is out of date: run `claimdocs schema > claims/schema.json`"


def test_schema_is_valid_for_its_metaschema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((CLAIMS / "schema.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
