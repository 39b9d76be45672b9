"""The editor and CI tooling says what the project does: workflow, pre-commit, nox, schema modelines."""

from __future__ import annotations

import ast
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
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


#: The first major of each action that runs on Node 24 (Node 20, which the older ones run on, is
#: deprecated on GitHub's runners), or the current major where that came later.
ACTION_MAJORS = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/cache": 5,
    "actions/upload-artifact": 6,
    "github/codeql-action/upload-sarif": 4,
}


def _uses(workflow: dict[str, Any]) -> list[str]:
    return [str(step["uses"]) for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]


def test_workflow_actions_are_on_current_majors(workflow: dict[str, Any]) -> None:
    uses = _uses(workflow)
    assert any(u.startswith("actions/upload-artifact@") for u in uses), uses
    for use in uses:
        name, _, ref = use.partition("@")
        assert name in ACTION_MAJORS, f"{use}: an action this test does not know; add its current major"
        match = re.fullmatch(r"v(\d+)(?:\.\d+){0,2}", ref)
        assert match, f"{use}: pin a release tag (vN), not {ref!r}"
        assert int(match.group(1)) >= ACTION_MAJORS[name], f"{use}: older than v{ACTION_MAJORS[name]}"


def test_every_job_has_a_timeout(workflow: dict[str, Any]) -> None:
    for name, job in workflow["jobs"].items():
        minutes = job.get("timeout-minutes")
        assert isinstance(minutes, int) and 0 < minutes <= 60, f"job {name}: timeout-minutes is {minutes!r}"


# A small evaluator of GitHub Actions expressions, enough for this workflow's `if:` and `concurrency`:
# literals, context paths, ==, !=, !, &&, || (with GitHub's value semantics), parentheses, calls.
_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<op>==|!=|&&|\|\||[!(),])|(?P<word>[A-Za-z_][\w.-]*))")


def _tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    text = text.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        assert match and match.end() > pos, f"cannot read the expression at {text[pos:]!r}"
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        pos = match.end()
    return out


def evaluate(expression: str, context: dict[str, Any], functions: dict[str, Any]) -> Any:
    """Evaluate ``expression`` (with or without ``${{ }}``) against ``context`` (github.*)."""
    text = expression.strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    tokens = _tokens(text)
    pos = 0

    def peek() -> str:
        return tokens[pos][1] if pos < len(tokens) else ""

    def take() -> tuple[str, str]:
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def equal(a: Any, b: Any) -> bool:
        if isinstance(a, str) and isinstance(b, str):
            return a.casefold() == b.casefold()  # GitHub compares strings ignoring case
        return a == b

    def primary() -> Any:
        kind, value = take()
        if value == "(":
            result = either()
            assert take()[1] == ")"
            return result
        if value == "!":
            return not primary()
        if kind == "str":
            return value[1:-1].replace("''", "'")
        if value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        if peek() == "(":
            take()
            args = []
            while peek() != ")":
                args.append(either())
                if peek() == ",":
                    take()
            take()
            return functions[value.lower()](*args)
        found: Any = context
        for part in value.split("."):
            found = found.get(part) if isinstance(found, dict) else None
        return found

    def comparison() -> Any:
        left = primary()
        while peek() in ("==", "!="):
            op = take()[1]
            right = primary()
            left = equal(left, right) if op == "==" else not equal(left, right)
        return left

    def both() -> Any:
        left = comparison()
        while peek() == "&&":
            take()
            right = comparison()
            left = right if left else left
        return left

    def either() -> Any:
        left = both()
        while peek() == "||":
            take()
            right = both()
            left = left if left else right
        return left

    result = either()
    assert pos == len(tokens), f"unread: {tokens[pos:]}"
    return result


REPO = "owner/claimdocs"
EVENTS = {
    "push to main": {"event_name": "push", "ref": "refs/heads/main", "repository": REPO, "event": {}},
    "push to a branch": {"event_name": "push", "ref": "refs/heads/feature", "repository": REPO, "event": {}},
    "manual run": {"event_name": "workflow_dispatch", "ref": "refs/heads/main", "repository": REPO, "event": {}},
    "pull request from this repository": {
        "event_name": "pull_request", "ref": "refs/pull/7/merge", "repository": REPO,
        "event": {"pull_request": {"head": {"repo": {"full_name": REPO}}}}},
    "pull request from a fork": {
        "event_name": "pull_request", "ref": "refs/pull/8/merge", "repository": REPO,
        "event": {"pull_request": {"head": {"repo": {"full_name": "someone/claimdocs"}}}}},
}


def _functions(files: bool = True) -> dict[str, Any]:
    return {"always": lambda: True, "success": lambda: True, "failure": lambda: False,
            "hashfiles": lambda *patterns: "0f1e" if files else ""}


def test_the_expression_evaluator_reads_what_github_reads() -> None:
    context = {"github": EVENTS["pull request from a fork"]}
    assert evaluate("github.event_name == 'PULL_REQUEST'", context, _functions()) is True
    assert evaluate("${{ github.ref != 'refs/heads/main' }}", context, _functions()) is True
    assert evaluate("always() && hashFiles('x') != ''", context, _functions(files=False)) is False
    assert evaluate("!(github.event_name == 'push') && (false || 'x')", context, _functions()) == "x"
    assert evaluate("github.event.no.such.thing == null", context, _functions()) is True


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_sarif_is_uploaded_only_where_the_token_may_write_it(workflow: dict[str, Any], event: str) -> None:
    """Pushes, manual runs and pull requests from this repository upload SARIF; a pull request from a fork,
    whose token cannot write security events, neither writes nor uploads it (its job would fail)."""
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    write = next(s for s in steps if "--format sarif" in s.get("run", ""))
    context = {"github": EVENTS[event]}
    permitted = event != "pull request from a fork"
    for step in (write, upload):
        assert bool(evaluate(step.get("if", "success()"), context, _functions())) is permitted, (step["name"], event)
    # and never without the report to upload
    assert not evaluate(upload["if"], context, _functions(files=False)), "uploads a SARIF file that is not there"


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_concurrency_never_cancels_a_run_on_main(workflow: dict[str, Any], event: str) -> None:
    concurrency = workflow["concurrency"]
    context = {"github": {**EVENTS[event], "workflow": "CI"}}
    assert "github.ref" in concurrency["group"], "one group for every branch would cancel across branches"
    cancel = concurrency["cancel-in-progress"]
    got = evaluate(cancel, context, _functions()) if isinstance(cancel, str) else cancel
    assert got is (EVENTS[event]["ref"] != "refs/heads/main"), f"{event}: cancel-in-progress is {got!r}"


def test_workflow_runs_pre_commit(workflow: dict[str, Any]) -> None:
    """Every hook on every file in CI: directly, or through the lint session, which runs them."""
    runs = "\n".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    direct = re.search(r"\bpre-commit run\b.*--all-files", runs)
    via_nox = re.search(r"\bnox -s lint\b", runs) and _pre_commit_in_lint()
    assert direct or via_nox, runs


# ---------------------------------------------------------------- pre-commit


@pytest.fixture(scope="module")
def pre_commit() -> dict[str, Any]:
    return _load(PRE_COMMIT)


def _hooks(config: dict[str, Any]) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    return {hook["id"]: (repo, hook) for repo in config["repos"] for hook in repo["hooks"]}


_PIN = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\d+(?:\.\d+)*)")
HYGIENE = {
    "check-yaml": "check-yaml", "check-toml": "check-toml", "check-json": "check-json",
    "check-merge-conflict": "check-merge-conflict", "check-added-large-files": "check-added-large-files",
    "end-of-file-fixer": "end-of-file-fixer", "trailing-whitespace": "trailing-whitespace-fixer",
    "mixed-line-ending": "mixed-line-ending",
}


def _pins(hook: dict[str, Any]) -> dict[str, str]:
    pins = {}
    for dep in hook.get("additional_dependencies", []):
        match = _PIN.fullmatch(str(dep))
        assert match, f"hook {hook['id']}: {dep!r} is not pinned as name==version"
        pins[match.group("name").lower().replace("_", "-")] = match.group("version")
    return pins


def test_pre_commit_has_only_local_repos(pre_commit: dict[str, Any]) -> None:
    """Nothing to clone: `pre-commit run` fetches nothing but the pinned packages from PyPI."""
    assert pre_commit["repos"], "no hooks"
    for repo in pre_commit["repos"]:
        assert repo["repo"] == "local", f"{repo['repo']}: a remote hook repository is cloned before any hook runs"
        assert "rev" not in repo


def test_every_hook_runs_from_pinned_pypi_packages(pre_commit: dict[str, Any]) -> None:
    for hook_id, (_repo, hook) in _hooks(pre_commit).items():
        assert hook["language"] == "python", f"{hook_id}: language {hook['language']!r} needs what a clone lacks"
        assert _pins(hook), f"{hook_id}: no pinned package to run from"


def _lint_calls() -> list[tuple[str, list[str]]]:
    """The session.install / session.run calls of noxfile.py's lint session, with their string arguments."""
    tree = ast.parse(NOXFILE.read_text(encoding="utf-8"))
    lint = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "lint")
    calls = []
    for node in ast.walk(lint):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and ast.unparse(node.func.value) == "session":
            args = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            calls.append((node.func.attr, args))
    return calls


def _pre_commit_in_lint() -> bool:
    return any(name == "run" and args[:2] == ["pre-commit", "run"] and "--all-files" in args
               for name, args in _lint_calls())


def test_ruff_is_the_same_in_nox_and_pre_commit(pre_commit: dict[str, Any]) -> None:
    installed = [arg for name, args in _lint_calls() if name == "install" for arg in args]
    nox_ruff = [arg for arg in installed if re.match(r"ruff\b", arg)]
    assert len(nox_ruff) == 1 and _PIN.fullmatch(nox_ruff[0]), f"nox's lint installs {nox_ruff}: pin ruff==X.Y.Z"
    hooks = [hook for _repo, hook in _hooks(pre_commit).values() if "ruff" in _pins(hook)]
    assert len(hooks) == 1 and hooks[0]["entry"].split()[:2] == ["ruff", "check"], hooks
    assert f"ruff=={_pins(hooks[0])['ruff']}" == nox_ruff[0], "nox and pre-commit run different ruffs"


def test_lint_session_runs_every_hook_on_every_file(pre_commit: dict[str, Any]) -> None:
    assert _pre_commit_in_lint(), _lint_calls()
    installed = [arg for name, args in _lint_calls() if name == "install" for arg in args]
    pinned = [arg for arg in installed if arg.startswith("pre-commit")]
    assert len(pinned) == 1 and _PIN.fullmatch(pinned[0]), f"nox's lint installs {pinned}: pin pre-commit==X.Y.Z"
    from packaging.version import Version

    assert Version(pinned[0].split("==")[1]) >= Version(str(pre_commit["minimum_pre_commit_version"]))


def test_pre_commit_runs_the_claims_check(pre_commit: dict[str, Any]) -> None:
    check = next(hook for _repo, hook in _hooks(pre_commit).values() if "claimdocs" in hook["entry"])
    assert check["pass_filenames"] is False
    files = re.compile(check["files"])
    for path in ("docs/figures.md", "docs/disputes/qatar-strike.md", "claims/people.yaml", PINNED[0],
                 "src/claimdocs/page_rules.py", "pyproject.toml"):
        assert files.search(path), path
    for path in ("README.md", "tests/test_cli.py", "bench/run.py"):
        assert not files.search(path), path


def test_the_claims_hook_pins_the_project_dependencies(pre_commit: dict[str, Any]) -> None:
    """The hook's environment holds every dependency of the project, at versions pyproject.toml allows."""
    from packaging.requirements import Requirement

    check = next(hook for _repo, hook in _hooks(pre_commit).values() if "claimdocs" in hook["entry"])
    pins = _pins(check)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for spec in project["dependencies"]:
        req = Requirement(spec)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"the claims hook does not install {req.name}"
        assert req.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside pyproject's {spec!r}"


def test_the_claims_hook_checks_with_this_checkouts_code(pre_commit: dict[str, Any], tmp_path: Path) -> None:
    """The hook's entry, run as pre-commit runs it (from the top of the checkout, with the hook
    environment's python), checks this site clean with src/'s code: a decoy ``claimdocs`` placed
    ahead of every installed package on the path is never imported."""
    check = next(hook for _repo, hook in _hooks(pre_commit).values() if "claimdocs" in hook["entry"])
    argv = [*shlex.split(check["entry"]), *check.get("args", [])]
    assert argv[0] == "python", argv
    decoy = tmp_path / "claimdocs"
    decoy.mkdir()
    (decoy / "__init__.py").write_text("raise ImportError('an installed claimdocs, not src/')\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run([sys.executable, *argv[1:]], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "0 finding(s)" in out, out


def test_hygiene_hooks_come_from_one_pinned_pre_commit_hooks(pre_commit: dict[str, Any]) -> None:
    hooks = _hooks(pre_commit)
    versions = set()
    for hook_id, entry in HYGIENE.items():
        assert hook_id in hooks, f"no {hook_id} hook"
        hook = hooks[hook_id][1]
        assert hook["entry"].split()[0] == entry, f"{hook_id} runs {hook['entry']!r}, not {entry}"
        pins = _pins(hook)
        assert set(pins) == {"pre-commit-hooks"}, f"{hook_id}: {pins}"
        versions.add(pins["pre-commit-hooks"])
    assert len(versions) == 1, f"several pre-commit-hooks versions: {versions}"


def test_pre_commit_checks_yaml_and_spares_the_pinned_article(pre_commit: dict[str, Any]) -> None:
    hooks = _hooks(pre_commit)
    assert "check-yaml" in hooks
    for hook_id in FIXERS & set(hooks):
        exclude = re.compile(hooks[hook_id][1].get("exclude", "(?!)"))
        for path in PINNED:
            assert exclude.search(path), f"{hook_id} would rewrite {path}, whose bytes are pinned"


def _tracked() -> list[str]:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [p for p in done.stdout.decode().split("\0") if p]


def test_no_fixer_would_change_a_tracked_file(pre_commit: dict[str, Any]) -> None:
    """What end-of-file-fixer, trailing-whitespace and mixed-line-ending would rewrite, found here without
    pre-commit: a text file ends in exactly one newline, no line ends in blanks (a Markdown hard break of
    two spaces aside), no CRLF. The pinned articles are left as they are."""
    hooks = _hooks(pre_commit)
    spared = re.compile(hooks["end-of-file-fixer"][1]["exclude"])
    found = []
    for rel in _tracked():
        path = ROOT / rel
        if spared.search(rel) or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary
        if data and (not data.endswith(b"\n") or data.endswith(b"\n\n")):
            found.append(f"{rel}: end-of-file-fixer would rewrite its end")
        if b"\r\n" in data:
            found.append(f"{rel}: CRLF line endings")
        for n, line in enumerate(data.split(b"\n"), 1):
            stripped = line.rstrip(b" \t\r")
            if stripped != line.rstrip(b"\r") and not (rel.endswith(".md") and line.endswith(b"  ")
                                                         and line[:-2].rstrip() == line[:-2]):
                found.append(f"{rel}:{n}: trailing whitespace")
                break
    assert not found, "\n".join(found)


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
