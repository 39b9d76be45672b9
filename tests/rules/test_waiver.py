"""Specification of claims.waiver and of waiving (:mod:`claimdocs.rules.waiver`).

A waiver names a rule and gives a reason: on a page, a ``% claims: ignore[rule] reason``
comment before the line; on a claim, ``waive: [{rule, reason}]``; in the article, a
``waivers:`` entry with the exact text. What it waives leaves the findings and is listed,
with its reason, among the waived; a waiver without a rule or a reason, of an unknown
rule or of one that cannot be waived, or that waives nothing, is a finding itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimdocs.findings import Waived
from claimdocs.project import Project
from claimdocs.rules.engine import PageResult, check_page, source_result, unused_claims

from .helpers import load
from .quoting import build

#: A quotation whose speaker the page does not name: a claims.speaker finding on line 2 (when the waiver is line 1).
UNNAMED = "Someone said {claim}`“The bridge is not safe.” <levi-unsafe>`.\n"
NAMED = "Levi said {claim}`“The bridge is not safe.” <levi-unsafe>`.\n"
REASON = "the heading above names the mayor"


def page(project: Project, text: str, *, tracing: bool = False) -> PageResult:
    return check_page(project, "docs/p.md", text, tracing=tracing)


def found(result: PageResult) -> list[tuple[str, int, str]]:
    return [(f.rule, f.line, f.message) for f in result.findings]


# ---------------------------------------------------------------- on a page


def test_a_page_waiver_moves_the_finding_to_the_waived_with_its_reason(quoting: Project) -> None:
    plain = page(quoting, UNNAMED)
    assert [f.rule for f in plain.findings] == ["speaker"] and plain.waived == []
    waived = page(quoting, f"% claims: ignore[speaker] {REASON}\n{UNNAMED}")
    assert waived.findings == []
    [w] = waived.waived
    assert isinstance(w, Waived)
    assert (w.finding.rule, w.finding.line, w.reason, w.path, w.line) == ("speaker", 2, REASON, "docs/p.md", 1)
    assert w.finding.message == plain.findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        f"% claims: ignore[claims.speaker] {REASON}\n{UNNAMED}",  # the rule by its name
        f"% claims: ignore[quote, speaker] {REASON}\n% another comment\n{UNNAMED}",  # two rules, a comment between
        f"% claims: ignore-block[speaker] {REASON}\n| who | words |\n|---|---|\n| Levi | x |\n| {UNNAMED.strip()} | y |\n",
        f":::{{note}}\n% claims: ignore[speaker] {REASON}\n{UNNAMED}:::\n",  # inside a directive's body
    ],
)
def test_page_waiver_forms(quoting: Project, text: str) -> None:
    result = page(quoting, text)
    assert [w.finding.rule for w in result.waived] == ["speaker"]
    # the second rule of "quote, speaker" waives nothing: that part is stale
    assert found(result) == ([("waiver", 1, "the waiver of claims.quote waives nothing on line 3: remove it")]
                             if "quote, speaker" in text else [])


def test_a_page_waiver_applies_to_the_next_line_only(quoting: Project) -> None:
    result = page(quoting, f"% claims: ignore[speaker] {REASON}\n{NAMED}{UNNAMED}")
    assert [(r, line) for r, line, _m in found(result)] == [("waiver", 1), ("speaker", 3)]
    assert result.waived == []


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("% claims: ignore[speaker]", "the waiver gives no reason; write '% claims: ignore[rule] why the finding is wrong here'"),
        ("% claims: ignore[speaker] 42", "the waiver gives no reason; write '% claims: ignore[rule] why the finding is wrong here'"),
        (f"% claims: ignore[] {REASON}", "the waiver names no rule; write '% claims: ignore[rule] why the finding is wrong here'"),
        (f"% claims: ignore[speakr] {REASON}",
         "the waiver names unknown rule 'speakr' (did you mean claims.speaker?); write '% claims: ignore[rule] why the "
         "finding is wrong here'"),
        (f"% claims: ignore speaker {REASON}",
         "a waiver is written '% claims: ignore[rule] why the finding is wrong here' (or ignore-block[...]): "
         "'claims: ignore speaker the heading above names the mayor'"),
        (f"% claims: ignore[waiver] {REASON}", "the waiver cannot waive claims.waiver: a waiver cannot waive a waiver; fix what it reports"),
        (f"% claims: ignore[page] {REASON}", "the waiver cannot waive claims.page: it says a check could not run at all; fix what it reports"),
        (f"% claims: ignore[yaml] {REASON}", "the waiver cannot waive claims.yaml: it says a check could not run at all; fix what it reports"),
        (f"% claims: ignore[speaker] {REASON}\n", "the line after the waiver is blank: put it right before the line it waives"),
    ],
)
def test_a_malformed_page_waiver_is_a_finding_and_waives_nothing(quoting: Project, comment: str, message: str) -> None:
    result = page(quoting, f"{comment}\n{UNNAMED}")
    assert ("waiver", 1, message) in found(result)
    assert "speaker" in [r for r, _line, _m in found(result)]  # the finding stays
    assert result.waived == []


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("speaker", "the waiver of claims.speaker waives nothing on line 2: remove it"),
        ("coverage", 'the waiver of claims.coverage waives nothing: claims.coverage is reported in the article: waive it '
                     'by its text, with waivers: [{rule: coverage, text: "<the exact text>", reason: "why"}]'),
        ("unused", 'the waiver of claims.unused waives nothing: claims.unused is reported at claims: waive it on the '
                   'claim, with waive: [{rule: <rule>, reason: "why the finding is wrong here"}]'),
    ],
)
def test_a_page_waiver_that_waives_nothing_is_a_finding(quoting: Project, rule: str, message: str) -> None:
    assert found(page(quoting, f"% claims: ignore[{rule}] {REASON}\n{NAMED}")) == [("waiver", 1, message)]


def test_a_waiver_of_a_rule_whose_checks_did_not_run_is_not_judged(quoting: Project) -> None:
    text = f"% claims: ignore[support] {REASON}\n{NAMED}"
    assert found(page(quoting, text)) == []  # the sentence checks (support ...) are off: nothing to judge by
    words = "Levi said {claim}`“The bridge is not safe.” <levi-unsafe>` with great sorrow.\n"
    assert [f.rule for f in page(quoting, words, tracing=True).findings] == ["support"]
    traced = page(quoting, f"% claims: ignore[support] {REASON}\n{words}", tracing=True)
    assert (traced.findings, [w.finding.rule for w in traced.waived]) == ([], ["support"])


def test_a_waiver_cannot_waive_the_findings_about_waivers(quoting: Project) -> None:
    # the stale waiver's own finding is reported, whatever a second waiver says
    result = page(quoting, f"% claims: ignore[waiver] {REASON}\n% claims: ignore[speaker] {REASON}\n{NAMED}")
    assert [m for _r, _line, m in found(result)] == [
        "the waiver cannot waive claims.waiver: a waiver cannot waive a waiver; fix what it reports",
        "the waiver of claims.speaker waives nothing on line 3: remove it",
    ]


# ---------------------------------------------------------------- on a claim


def _source(root: Path) -> tuple[list[str], list[Waived]]:
    result = source_result(load(root))
    return [f"{f.rule}: {f.message}" for f in result.findings], result.waived


def _waive(rule: str = "speaker", reason: str = REASON) -> list[dict[str, Any]]:
    return [{"rule": rule, "reason": reason}]


def test_a_claim_waiver_moves_its_finding_to_the_waived(tmp_path: Path) -> None:
    plain, none = _source(build(tmp_path / "plain", change={"levi-unsafe": {"speaker": "ortiz"}}))
    assert [m.split(":")[0] for m in plain] == ["speaker"] and none == []
    findings, [w] = _source(build(tmp_path / "waived", change={"levi-unsafe": {"speaker": "ortiz", "waive": _waive()}}))
    assert findings == []
    assert (w.finding.rule, w.finding.claim, w.reason, w.path) == ("speaker", "levi-unsafe", REASON, "claims/claims.yaml")
    assert w.line == w.finding.line  # the claim's line


@pytest.mark.parametrize(
    ("waiver", "message"),
    [
        ({"rule": "speaker"}, 'a waiver gives no reason; write waive: [{rule: <rule>, reason: "why the finding is wrong here"}]'),
        ({"reason": REASON}, 'a waiver names no rule; write waive: [{rule: <rule>, reason: "why the finding is wrong here"}]'),
        ({"rule": "spekaer", "reason": REASON}, "a waiver names unknown rule 'spekaer' (did you mean claims.speaker?)"),
        ({"rule": "schema", "reason": REASON}, "a waiver cannot waive claims.schema: it says a check could not run at all"),
        ({"rule": "evidence", "reason": REASON}, "a waiver cannot waive claims.evidence"),
        ({"rule": "claims.source", "reason": REASON}, "a waiver cannot waive claims.source"),
        ({"rule": "waiver", "reason": REASON}, "a waiver cannot waive claims.waiver: a waiver cannot waive a waiver"),
        ({"rule": "speaker", "reason": REASON}, "the waiver of claims.speaker waives nothing (no such finding at this claim)"),
        ({"rule": "support", "reason": REASON}, "the waiver of claims.support waives nothing: claims.support is reported on "
                                                "pages: waive it on the page, with % claims: ignore[support]"),
    ],
)
def test_a_bad_or_stale_claim_waiver_is_a_finding_and_the_claim_stays(tmp_path: Path, waiver: dict, message: str) -> None:
    root = build(tmp_path, change={"levi-unsafe": {"waive": [waiver]}})
    findings, waived = _source(root)
    assert len(findings) == 1 and findings[0].startswith(f"waiver: claim levi-unsafe: {message}"), findings
    assert waived == []
    assert "levi-unsafe" in load(root).claims  # lenient fields: a bad waiver never drops its claim


def test_a_claim_may_waive_being_unused_and_the_waiver_is_judged_once_the_pages_are(tmp_path: Path) -> None:
    project = load(build(tmp_path, change={"levi-unsafe": {"waive": _waive("unused", "quoted on the print edition only")}}))
    assert source_result(project).findings == []  # no page was checked: not judged yet
    others = [c for c in project.claims if c != "levi-unsafe"]
    unused = unused_claims(project, others)
    assert unused.findings == []
    assert [(w.finding.rule, w.reason) for w in unused.waived] == [("unused", "quoted on the print edition only")]
    stale = unused_claims(project, list(project.claims))
    assert [f.message for f in stale.findings] == [
        "claim levi-unsafe: the waiver of claims.unused waives nothing (no such finding at this claim): remove it"
    ]


def test_load_time_findings_cannot_be_waived(tmp_path: Path) -> None:
    # a claim the schema refuses cannot carry a waiver of its own schema finding: it is not loaded at all
    root = build(tmp_path, change={"levi-unsafe": {"form": "whole", "waive": _waive("schema")}})
    findings, waived = _source(root)
    assert "schema" in [m.split(":")[0] for m in findings] and waived == []


# ---------------------------------------------------------------- in the article


def test_an_uncovered_text_of_the_article_is_waived_by_its_text(tmp_path: Path) -> None:
    reason = "scare quotes the restatement leaves out"
    plain, _ = _source(build(tmp_path / "plain", drop=("savings",)))
    assert [m.split(":")[0] for m in plain] == ["coverage"]
    for text in ("savings", "“savings”"):  # with or without its quotation marks
        root = build(tmp_path / text, drop=("savings",), waivers=[{"rule": "coverage", "text": text, "reason": reason}])
        findings, [w] = _source(root)
        assert findings == []
        assert (w.finding.rule, w.finding.path, w.reason, w.path) == ("coverage", "seeds/article.txt", reason, "claims/claims.yaml")


@pytest.mark.parametrize(
    ("waiver", "message"),
    [
        ({"rule": "coverage", "text": "savings", "reason": REASON}, "the waiver of claims.coverage for 'savings' waives nothing: remove it"),
        ({"rule": "coverage", "text": "no such words", "reason": REASON}, "the waiver's text: evidence not found in the article"),
        ({"rule": "coverage", "text": "the", "reason": REASON}, "the waiver's text: evidence found"),
        ({"rule": "coverage", "reason": REASON}, "the waiver names no text of the article"),
        ({"rule": "coverage", "text": "savings"}, "the waiver gives no reason"),
    ],
)
def test_a_bad_or_stale_article_waiver_is_a_finding(tmp_path: Path, waiver: dict, message: str) -> None:
    findings, waived = _source(build(tmp_path, waivers=[waiver]))
    assert len(findings) == 1 and findings[0].startswith(f"waiver: {message}"), findings
    assert waived == []


# ---------------------------------------------------------------- every report


def test_the_command_line_counts_and_lists_what_is_waived(site: Path, cli) -> None:
    page = site / "docs" / "checking.md"
    waiver = "% claims: ignore[unbacked] a count of this site's own pages, not a fact of the article\n"
    page.write_text(page.read_text(encoding="utf-8") + "\nThis site has 15 pages.\n", encoding="utf-8")
    assert cli(site, "check").code == 1
    text = page.read_text(encoding="utf-8").replace("\nThis site has 15", f"\n{waiver}This site has 15")
    page.write_text(text, encoding="utf-8")
    run = cli(site, "check")
    assert (run.code, run.out) == (0, "")
    assert "waived: 1" in run.err
    data = json.loads(cli(site, "check", "--format", "json").out)
    assert data["findings"] == [] and data["summary"]["waived"] == 1
    [w] = data["waived"]
    assert (w["rule"], w["path"], w["reason"]) == ("claims.unbacked", "docs/checking.md",
                                                    "a count of this site's own pages, not a fact of the article")
    assert w["waiver"] == {"path": "docs/checking.md", "line": w["line"] - 1}
    sarif = json.loads(cli(site, "check", "--format", "sarif").out)
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "claims.unbacked"
    assert result["suppressions"][0]["justification"] == w["reason"]
    assert cli(site, "check", "--source-only").code == 0


def test_a_file_a_page_includes_carries_its_own_waivers(tmp_path: Path) -> None:
    from claimdocs.rules.engine import check_pages

    root = build(tmp_path)
    (root / "parts").mkdir()
    (root / "parts" / "quote.txt").write_text(f"% claims: ignore[speaker] {REASON}\n{UNNAMED}", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Quotations\n\n```{include} ../parts/quote.txt\n```\n", encoding="utf-8")
    result = check_pages(load(root), jobs=1)
    assert [f for f in result.findings if f.rule in ("speaker", "waiver")] == []
    [w] = result.waived
    assert (w.finding.path, w.finding.line, w.path, w.line, w.reason) == ("parts/quote.txt", 2, "parts/quote.txt", 1, REASON)
    assert result.summary["waived"] == 1


@pytest.mark.parametrize("text", ["", "one line", "a\nb\n", "a\n\nccc\nd", "\n\n"])
def test_a_line_and_column_is_the_offset_the_old_rescan_found(text: str) -> None:
    """The line starts, found once, give each finding's offset as a scan from the start did."""
    from claimdocs.rules.waiver import _line_starts, _offset

    def rescan(line: int, col: int) -> int:
        at = 0
        for _ in range(line - 1):
            nl = text.find("\n", at)
            if nl < 0:
                break
            at = nl + 1
        return at + col - 1

    starts = _line_starts(text)
    for line in range(0, text.count("\n") + 4):
        for col in (1, 2, 5):
            assert _offset(starts, line, col) == rescan(line, col), (line, col)
