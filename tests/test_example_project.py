"""The example project (examples/norvalia-hospitals, an invented article): built, checked, mutated.

It runs on the same package as the main site, with no special case: it builds with
Sphinx with no warning, ``claimdocs check`` finds nothing, and its mutation suite
changes each form of the number grammar on its pages (a currency, a scale, a unit, a
range end, a fraction, an ordinal, a multiplier, a hedge class, a sign, a decade, a
time), each edit caught at its line by a rule meant for its form; while harmless edits (another spelling of the same
unit, another hedge word of the same class) raise nothing. The suite prints its counts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimdocs.config import Config
from claimdocs.project import Project, load_project
from claimdocs.rules.engine import check_page
from conftest import ROOT
from test_site import build

EXAMPLE = ROOT / "examples" / "norvalia-hospitals"


@pytest.fixture(scope="module")
def example() -> Project:
    return load_project(Config.from_pyproject(EXAMPLE))


def test_the_example_builds_with_sphinx_without_a_warning(tmp_path: Path) -> None:
    result = build(EXAMPLE, tmp_path)
    assert result.warnings == ""
    assert "invented" in (result.html / "index.html").read_text(encoding="utf-8")
    exported = json.loads((result.html / "claims.json").read_text(encoding="utf-8"))
    assert len(exported["claims"]) == 48 and all(claim["uses"] for claim in exported["claims"])


def test_the_example_checks_clean(cli) -> None:
    run = cli(EXAMPLE, "check")
    assert (run.code, run.lines) == (0, [])
    # 40 figures, times and quotations; "the next decade" inside Vance's quotation is waived, with its reason
    assert "coverage: 97.5% of 40" in run.err and "claims: 48" in run.err and "waived: 1" in run.err


def test_the_example_says_it_is_invented(example: Project) -> None:
    assert example.meta is not None and "INVENTED ARTICLE, NOT NEWS" in example.meta.description
    assert "invented" in example.meta.title
    assert (EXAMPLE / "docs" / "index.md").read_text(encoding="utf-8").count("invented") >= 2
    assert "**The article here is invented.**" in (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert example.article is not None and example.article.text.rstrip().endswith("are fictional.")


# ---------------------------------------------------------------- the mutation suite


@dataclass(frozen=True)
class Edit:
    form: str
    claim: str  # the marker of this claim (its first on the site) is edited
    new: str  # the marker's new text; "" removes the markup, leaving the text unmarked


#: Wrong edits: each must be reported at the marker's line.
WRONG = [
    Edit("currency", "cost-21bn", "€21bn"),
    Edit("currency", "cost-21bn", "£21bn"),
    Edit("currency", "calder-loan", "6bn dollars"),
    Edit("currency", "calder-loan", "6bn pounds"),
    Edit("currency", "westmoor-pledge", "$10.8bn"),
    Edit("currency", "ashgrove-grant", "€5m"),
    Edit("currency", "ashgrove-grant", "5m"),
    Edit("scale", "cost-21bn", "$21m"),
    Edit("scale", "ashgrove-grant", "US$5bn"),
    Edit("scale", "westmoor-pledge", "£10.8m"),
    Edit("unit", "prices-climbed-6", "climbed 6 percentage points"),
    Edit("unit", "vance-borrowing-limit", "no more than 2.5%"),
    Edit("unit", "wait-19-weeks", "19 months"),
    Edit("unit", "calder-three-years", "three months"),
    Edit("unit", "spending-ten-years", "ten weeks"),
    Edit("value", "federation-nurses", "roughly 4,000"),
    Edit("value", "public-hospitals-48", "84"),
    Edit("range end", "replace-10-to-15", "between 10 and 16"),
    Edit("range end", "replace-10-to-15", "between 9 and 15"),
    Edit("range end", "replace-10-to-15", "between 10 and 15 percent"),
    Edit("fraction", "third-built-1990s", "about a quarter"),
    Edit("fraction", "third-built-1990s", "about two-thirds"),
    Edit("fraction", "theatres-one-in-four", "one in five"),
    Edit("fraction", "theatres-one-in-four", "one in three"),
    Edit("fraction", "health-one-tenth", "roughly one-fifth"),
    Edit("ordinal", "brenholm-third-time", "fourth"),
    Edit("ordinal", "first-hospital-brenholm", "second"),
    Edit("ordinal", "spokesperson-second-opinion", "third"),
    Edit("ordinal", "second-estimate", "first"),
    Edit("multiplier", "cost-more-than-double", "more than triple"),
    Edit("multiplier", "cost-more-than-double", "more than threefold"),
    Edit("multiplier", "cost-more-than-double", "more than half"),
    Edit("hedge class", "wait-14-or-less", "14 weeks or more"),
    Edit("hedge class", "wait-14-or-less", "14 weeks"),
    Edit("hedge class", "overrun-25-or-more", "25% or less"),
    Edit("hedge class", "overrun-25-or-more", "25%"),
    Edit("hedge class", "cost-more-than-double", "nearly double"),
    Edit("hedge class", "cost-more-than-double", "double"),
    Edit("hedge class", "third-built-1990s", "a third"),
    Edit("hedge class", "federation-nurses", "over 40,000"),
    Edit("hedge class", "vance-borrowing-limit", "at least 2.5 percentage points"),
    Edit("hedge class", "health-one-tenth", "one-tenth"),
    Edit("sign", "spending-fell-3", "rose 3%"),
    Edit("sign", "prices-climbed-6", "fell 6%"),
    Edit("decade", "built-1990s", "1980s"),
    Edit("time", "review-earlier-this-month", "earlier this year"),
    Edit("time", "launch-late-last-year", "early last year"),
    Edit("time", "prices-since-mid-2024", "mid-2023"),
    Edit("time", "brenholm-open-2029", "2028"),
    Edit("time", "timetable-next-spring", "next autumn"),
    Edit("unmarked", "cost-21bn", ""),
    Edit("unmarked", "replace-10-to-15", ""),
    Edit("unmarked", "theatres-one-in-four", ""),
]

#: The rules each form of wrong edit is meant to trigger: a finding of another rule at the line is not a catch.
MEANT = {
    **dict.fromkeys(("currency", "scale", "unit", "value", "range end", "fraction", "ordinal", "multiplier", "sign",
                     "decade", "time"), frozenset({"value"})),
    "hedge class": frozenset({"hedge"}),
    "unmarked": frozenset({"unbacked"}),
}

#: Harmless edits: another spelling of the same unit or currency, another hedge word of the same class.
HARMLESS = [
    Edit("unit spelling", "prices-climbed-6", "climbed 6 per cent"),
    Edit("unit spelling", "prices-climbed-6", "climbed 6 percent"),
    Edit("unit spelling", "spending-fell-3", "fell 3 per cent"),
    Edit("unit spelling", "overrun-25-or-more", "25 per cent or more"),
    Edit("scale spelling", "cost-21bn", "$21 billion"),
    Edit("scale spelling", "ashgrove-grant", "US$5 million"),
    Edit("scale spelling", "calder-loan", "6 billion euros"),
    Edit("scale spelling", "westmoor-pledge", "£10.8 billion"),
    Edit("number spelling", "calder-three-years", "3 years"),
    Edit("number spelling", "wait-19-weeks", "nineteen weeks"),
    Edit("hedge word", "third-built-1990s", "roughly a third"),
    Edit("hedge word", "federation-nurses", "about 40,000"),
    Edit("hedge word", "health-one-tenth", "about one-tenth"),
    Edit("hedge word", "vance-borrowing-limit", "at most 2.5 percentage points"),
    Edit("hedge word", "wait-14-or-less", "14 weeks or fewer"),
    Edit("hedge word", "overrun-25-or-more", "25% or above"),
]

_MARKER = re.compile(r"\{claim\}`(?P<text>[^`<]*?)\s*<(?P<id>[a-z0-9-]+)>`")


def _pages() -> dict[str, str]:
    return {p.relative_to(EXAMPLE).as_posix(): p.read_text(encoding="utf-8") for p in sorted((EXAMPLE / "docs").glob("*.md"))}


def apply(edit: Edit) -> tuple[str, str, int]:
    """The page holding the claim's first marker, edited: (path, text, the marker's line)."""
    for path, text in _pages().items():
        for m in _MARKER.finditer(text):
            if m.group("id") == edit.claim:
                new = edit.new if not edit.new else f"{{claim}}`{edit.new} <{edit.claim}>`"
                if not edit.new:
                    new = m.group("text")
                line = text.count("\n", 0, m.start()) + 1
                return path, text[: m.start()] + new + text[m.end() :], line
    raise AssertionError(f"no marker of {edit.claim} on the example's pages")


_FOUND: dict[tuple[int, Edit], tuple[int, list[tuple[str, int, str]]]] = {}


def _findings(example: Project, edit: Edit) -> tuple[int, list[tuple[str, int, str]]]:
    """The edit's line and the page's findings, checked once an edit (the counts reuse them)."""
    key = (id(example), edit)
    if key not in _FOUND:
        path, text, line = apply(edit)
        found = check_page(example, path, text).findings
        _FOUND[key] = line, [(str(f.rule), f.line, f.message) for f in found]
    return _FOUND[key]


def _caught_by(example: Project, edit: Edit) -> list[str]:
    """The rules meant for the edit's form that report it at its line."""
    line, found = _findings(example, edit)
    return sorted({rule for rule, at, _message in found if at == line and rule in MEANT[edit.form]})


@pytest.mark.parametrize("edit", WRONG, ids=lambda e: f"{e.form}:{e.claim}:{e.new or 'unmarked'}")
def test_a_wrong_edit_is_caught_at_its_line(example: Project, edit: Edit) -> None:
    assert _caught_by(example, edit), (edit, MEANT[edit.form], _findings(example, edit))


@pytest.mark.parametrize("edit", HARMLESS, ids=lambda e: f"{e.form}:{e.claim}:{e.new}")
def test_a_harmless_edit_raises_nothing(example: Project, edit: Edit) -> None:
    _line, found = _findings(example, edit)
    assert found == [], (edit, found)


def test_the_mutation_suite_counts(example: Project) -> None:
    """Every form is exercised, and has the rules it is meant to trigger; prints what caught each wrong edit
    and the false alarms. Whether each edit is caught, or raises nothing, the two tests above say: not again here.
    """
    assert {e.form for e in WRONG} >= {"currency", "scale", "unit", "range end", "fraction", "ordinal", "multiplier",
                                        "hedge class", "sign", "decade", "time", "unmarked"}
    assert {e.form for e in WRONG} <= MEANT.keys()
    caught: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for edit in WRONG:
        rules = _caught_by(example, edit)
        caught[edit.form] += bool(rules)
        by_rule.update(rules)
    alarms = [edit for edit in HARMLESS if _findings(example, edit)[1]]
    print(f"\nexample mutation suite: {len(WRONG)} wrong edits, {sum(caught.values())} caught at their line")
    for form, n in sorted(caught.items()):
        print(f"  {form:12} {n:3}")
    print("  by rule: " + ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items())))
    print(f"harmless edits: {len(HARMLESS)}, false alarms: {len(alarms)}")
