"""The command line: findings one a line, four formats, exit codes 0 / 1 / 2, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, set_field


def test_check_on_the_real_project_is_clean(cli) -> None:
    run = cli(ROOT, "check")
    assert (run.code, run.out) == (0, "")
    assert "0 finding(s)" in run.err


def test_source_only_check_is_clean_and_reports_coverage(cli) -> None:
    run = cli(ROOT, "check", "--source-only")
    assert run.code == 0
    assert "coverage: 100.0%" in run.err


def test_claims_json_lists_every_claim_with_its_evidence(cli) -> None:
    run = cli(ROOT, "claims", "--json")
    assert run.code == 0
    doc = json.loads(run.out)
    assert doc["format"] == "claimdocs/1"
    assert doc["source"]["sha256"] == "f0838d9be5c366aff830f230c00dbfbf9b19f22e9315bb862f797f4ca0686635"
    article = (ROOT / "seeds" / "000_47ef2131506feb3b.txt").read_text(encoding="utf-8")
    ids = [c["id"] for c in doc["claims"]]
    assert ids == sorted(ids)
    for c in doc["claims"]:
        assert {"id", "kind", "value", "hedge", "evidence"} <= set(c)
        ev = c["evidence"]
        assert article[ev["start"] : ev["end"]] == ev["exact"] or ev["exact"].replace('"', "\u201c") in article
        if c["kind"] == "quote":
            assert c["speaker"]
        if c["kind"] == "stance":
            assert c["actors"]
    by_id = {c["id"]: c for c in doc["claims"]}
    assert (by_id["gaza-deaths"]["value"], by_id["gaza-deaths"]["hedge"]) == (65000, "approximate")


def test_claims_json_is_deterministic(cli) -> None:
    assert cli(ROOT, "claims", "--json").out == cli(ROOT, "claims", "--json").out


def _broken(site: Path) -> None:
    set_field(site / "claims" / "context.yaml", "gaza-deaths", "value", "66000")


def test_findings_exit_1_with_path_line_col_rule(cli, site: Path) -> None:
    _broken(site)
    run = cli(site, "check", "--source-only")
    assert run.code == 1
    [line] = run.lines
    assert line.startswith("claims/context.yaml:")
    assert line.endswith("[claims.value]")
    assert ": error: claim gaza-deaths: value differs from the source" in line


def test_json_format(cli, site: Path) -> None:
    _broken(site)
    run = cli(site, "check", "--source-only", "--format", "json")
    data = json.loads(run.out)
    [f] = data["findings"]
    # the rule as every format names it (text, GitHub annotations, SARIF): claims.<id>
    assert (f["path"], f["rule"], f["claim"], f["severity"]) == ("claims/context.yaml", "claims.value", "gaza-deaths",
                                                                 "error")
    assert data["summary"]["claims"] > 0


def test_github_format(cli, site: Path) -> None:
    _broken(site)
    run = cli(site, "check", "--source-only", "--format", "github")
    [line] = run.lines
    assert line.startswith("::error file=claims/context.yaml,line=")
    assert ",title=claims.value::claim gaza-deaths: value differs" in line


def test_sarif_format(cli, site: Path, tmp_path: Path) -> None:
    _broken(site)
    out = tmp_path / "claims.sarif"
    run = cli(site, "check", "--source-only", "--format", "sarif", "-o", str(out))
    assert run.code == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "claims.value"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "claims/context.yaml"
    assert loc["region"]["startLine"] > 1
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "claims.value" in rules


def test_sarif_links_rules_to_the_site_where_its_address_is_set(cli, site: Path, tmp_path: Path) -> None:
    pyproject = site / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        "[tool.claimdocs]\n", '[tool.claimdocs]\nhtml_baseurl = "https://example.org/restatement/"\n'), encoding="utf-8")
    out = tmp_path / "claims.sarif"
    assert cli(site, "check", "--source-only", "--format", "sarif", "-o", str(out)).code == 0
    driver = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/restatement/checking.html"
    rule = next(r for r in driver["rules"] if r["id"] == "claims.value")
    assert rule["helpUri"] == "https://example.org/restatement/checking.html#rule-value"
    assert rule["fullDescription"]["text"].startswith("In the claims:")


def test_claims_json_sorts_keys(cli) -> None:
    """``claimdocs claims --json``: keys by name at every level (claims by id), as the README says."""
    run = cli(ROOT, "claims", "--json")
    assert run.code == 0
    data = json.loads(run.out)
    assert run.out == json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    assert list(data) == ["claims", "entities", "format", "source"]
    assert [c["id"] for c in data["claims"]] == sorted(c["id"] for c in data["claims"])


def test_clean_sarif_has_no_results(cli, tmp_path: Path) -> None:
    out = tmp_path / "clean.sarif"
    assert cli(ROOT, "check", "--format", "sarif", "-o", str(out)).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--format", "xml"], "invalid choice: 'xml'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required"),
    ],
)
def test_bad_arguments_exit_2(cli, args: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as exc:
        cli(ROOT, *args)
    assert exc.value.code == 2


def test_no_configuration_exits_2(cli, tmp_path: Path) -> None:
    run = cli(tmp_path, "check")
    assert run.code == 2
    assert "pyproject.toml: not found" in run.err


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[tool.claimdocs\n", "invalid TOML"),
        ("[project]\nname = 'x'\n", "no [tool.claimdocs] table"),
        ("[tool.claimdocs]\narticel = 'x'\n", "unknown setting(s) articel"),
        ("[tool.claimdocs]\narticle = 3\n", "'article' must be a string path"),
        ("[tool.claimdocs]\nhtml_baseurl = 'example.org/site'\n", "must be an absolute http(s) URL"),
    ],
)
def test_bad_configuration_exits_2(cli, tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    run = cli(tmp_path, "check")
    assert run.code == 2
    assert message in run.err
    assert "Traceback" not in run.err


def test_anchor_prints_an_evidence_block(cli) -> None:
    run = cli(ROOT, "anchor", "approximately 65,000")
    assert run.code == 0
    assert run.out.splitlines()[1:] == ['  exact: "approximately 65,000"', "  start: 5966", "  end: 5986"]
    assert cli(ROOT, "anchor", "nearly two years").code == 1


def test_schema_check_passes_on_the_committed_schema(cli) -> None:
    assert cli(ROOT, "schema", "--check").code == 0


def test_schema_check_fails_when_the_schema_drifts(cli, site: Path) -> None:
    (site / "claims" / "schema.json").write_text("{}", encoding="utf-8")
    run = cli(site, "schema", "--check")
    assert run.code == 1
    assert "the schema is out of date" in run.out


def test_the_module_runs_as_a_program() -> None:
    proc = subprocess.run([sys.executable, "-m", "claimdocs", "--root", str(ROOT), "check", "--source-only"],
                          capture_output=True, text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------- outputs and standard output


def _ascii(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimdocs", "--root", str(site), *args], capture_output=True,
                          text=True, encoding="ascii", check=False, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "ascii:strict", "LC_ALL": "C"})


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_on_a_strict_ascii_stdout_stays_valid_json(site: Path, fmt: str) -> None:
    (site / "docs" / "zz.md").write_text("# Z\n\nHe said \u201chell\u201d on \U0001f600.\n", encoding="utf-8")
    proc = _ascii(site, "check", "--format", fmt)
    assert proc.returncode == 1, proc.stderr
    text = json.dumps(json.loads(proc.stdout), ensure_ascii=False)
    assert "\u201chell\u201d" in text and "Traceback" not in proc.stderr


def test_text_and_claims_on_a_strict_ascii_stdout(site: Path) -> None:
    (site / "docs" / "zz.md").write_text("# Z\n\nHe said \u201chell\u201d.\n", encoding="utf-8")
    proc = _ascii(site, "check")
    assert proc.returncode == 1 and "\\u201chell\\u201d" in proc.stdout and "Traceback" not in proc.stderr
    claims = _ascii(ROOT, "claims", "--json")
    assert claims.returncode == 0 and json.loads(claims.stdout)["format"] == "claimdocs/1"


def test_the_report_is_written_whole(cli, site: Path, tmp_path: Path) -> None:
    _broken(site)
    out = tmp_path / "report.txt"
    out.write_text("an older, longer report\n" * 100, encoding="utf-8")
    run = cli(site, "check", "--source-only", "-o", str(out))
    assert run.code == 1
    assert out.read_text(encoding="utf-8") == cli(site, "check", "--source-only").out
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".report")) == []


@pytest.mark.parametrize(
    "target",
    ["claims/context.yaml", "claims/new.json", "docs/figures.md", "docs/new.txt", "seeds/000_47ef2131506feb3b.txt",
     "seeds/report.txt", "pyproject.toml", "conf.py", "claims"],
)
def test_an_output_is_never_an_input(cli, site: Path, target: str) -> None:
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    run = cli(site, "check", "-o", str(site / target))
    assert run.code == 2
    assert run.out == "" and len(run.err.strip().splitlines()) == 1
    assert f"--output {site / target}" in run.err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_an_output_through_a_linked_folder_into_the_claims_is_refused(cli, site: Path, tmp_path: Path) -> None:
    os.symlink(site / "claims", tmp_path / "reports")
    run = cli(site, "check", "-o", str(tmp_path / "reports" / "context.yaml"))
    assert run.code == 2 and "it is an input of the project" in run.err


def test_an_output_in_a_project_whose_pages_are_its_root(cli, rootdir: Path, tmp_path: Path) -> None:
    """With docs = "." (the pages at the top), a report beside them is fine; a page or claims file is not."""
    project = tmp_path / "p"
    shutil.copytree(rootdir / "test-claims", project)
    assert cli(project, "check", "-o", str(project / "report.txt")).code in (0, 1)
    assert (project / "report.txt").exists()
    for target in ("index.md", "new.md", "claims/more.yaml", "article.txt"):
        assert cli(project, "check", "-o", str(project / target)).code == 2, target


def test_schema_check_does_not_block_on_a_fifo(cli, site: Path) -> None:
    (site / "claims" / "schema.json").unlink()
    os.mkfifo(site / "claims" / "schema.json")
    run = cli(site, "schema", "--check")
    assert run.code == 1 and "the schema is out of date" in run.out


def test_rules_writes_the_readme_catalogue_between_its_markers(tmp_path: Path, cli) -> None:
    from claimdocs.cli import README_END, README_START
    from claimdocs.rules.registry import catalogue_markdown

    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{README_START}stale\n{README_END}\n\nAfter.\n", encoding="utf-8")
    run = cli(tmp_path, "rules", "--readme", str(readme))
    assert run.code == 0
    assert readme.read_text(encoding="utf-8") == f"# Title\n\n{README_START}{catalogue_markdown()}{README_END}\n\nAfter.\n"
    bare = tmp_path / "NOTES.md"
    bare.write_text("no markers\n", encoding="utf-8")
    refused = cli(tmp_path, "rules", "--readme", str(bare))
    assert refused.code == 2 and "no generated rules section" in refused.err
    assert bare.read_text(encoding="utf-8") == "no markers\n"
