"""Specification of claims.reference, claims.name, claims.syntax, claims.unknown-id and claims.unused
(:mod:`claimdocs.rules.reference`).

In the claims, every entity id exists. On a page, every marker is well formed and
names a claim or entity that exists, ``{person}`` text is one of the entity's names,
``{nofact}`` is counted, and every use of a claim is recorded (place, text, role);
a claim no page uses is reported at its line in the YAML.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.project import Project
from claimdocs.rules.engine import Use, check_page
from claimdocs.rules.reference import check_unused
from conftest import set_field

from .helpers import check, clean, findings_for, loc, only

# ---------------------------------------------------------------- the article to the claims


def test_unknown_reference_suggests_the_nearest_id(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    set_field(path, "gaza-deaths", "according_to", "health-oficials")
    [f] = [f for f in findings_for(site) if f.rule == "reference"]
    assert f.claim == "gaza-deaths"
    assert "unknown entity 'health-oficials' (did you mean 'health-officials'?)" in f.message


# ---------------------------------------------------------------- the claims to the pages


def test_use_records_place_text_and_role(project: Project) -> None:
    text = "Per Gaza health officials,\n{claim}`about 65,000 <gaza-deaths>` died; {person}`zamir` spoke.\n"
    result = check_page(project, "docs/x.md", text)
    assert Use("gaza-deaths", "docs/x.md", 2, 1, "about 65,000", "claim") in result.uses
    assert Use("zamir", "docs/x.md", *loc(text, "{person}"), "Eyal Zamir", "person") in result.uses


def test_nofact_is_counted(project: Project) -> None:
    result = check_page(project, "docs/p.md", "# Part {nofact}`2`\n\nStep {nofact}`3` and {nofact}`4`.\n")
    assert result.findings == []
    assert result.nofact == 3


def test_nofact_takes_no_id(project: Project) -> None:
    only(project, "Step {nofact}`3 <gaza-deaths>`.\n", "syntax", "{nofact}")


def test_statement_bare_form_is_a_use_with_the_claims_own_words(project: Project) -> None:
    result = check_page(project, "docs/s.md", "{claim}`minimal-opposition`\n")
    summary = project.claims["minimal-opposition"].summary
    assert Use("minimal-opposition", "docs/s.md", 1, 1, summary, "claim") in result.uses


@pytest.mark.parametrize(
    ("text", "rule", "words"),
    [
        ("Some {claim}`approximately 65,000` died.\n", "syntax", "<gaza-deaths>"),
        ("Some {claim}`x <>` died.\n", "syntax", "empty claim id"),
        ("Some {claim}`<gaza-deaths>` died.\n", "syntax", "own words"),
        ("Some {claim}`gaza-death` died.\n", "unknown-id", "did you mean gaza-deaths?"),
        ("Some {claim}`about 65,000 <gaza-deahts>` died.\n", "unknown-id", "did you mean gaza-deaths?"),
        ("Some {person}`zamri` spoke.\n", "unknown-id", "did you mean zamir?"),
        ("Some {person}`Eyal Zamir` spoke.\n", "syntax", "{person}`Eyal Zamir <zamir>`"),
        ("Some {person}`Zamir Eyal <zamir>` spoke.\n", "name", '"Eyal Zamir"'),
        ("```{claim-quote} plesner-eraa\n```\n", "unknown-id", "did you mean plesner-era?"),
    ],
)
def test_references(project: Project, text: str, rule: str, words: str) -> None:
    (f,) = check(project, text)
    assert f.rule == rule
    assert words in f.message
    assert (f.line, f.col) == loc(text, "{")


def test_malformed_role(project: Project) -> None:
    text = "Some {claim} `x <y>` died.\n"
    f = only(project, text, "syntax", "{claim}")
    assert "malformed" in f.message


@pytest.mark.parametrize("written", ["Eyal Zamir", "General Zamir", "zamir", "Lt. Gen. Eyal Zamir", "Zamir’s", "ZAMIR"])
def test_person_names_and_aliases(project: Project, written: str) -> None:
    clean(project, f"Then {{person}}`{written} <zamir>` spoke.\n")


def test_claim_quote_directive_is_a_use(project: Project) -> None:
    result = check_page(project, "docs/q.md", "```{claim-quote} plesner-era\n```\n")
    assert result.findings == []
    assert {u.claim for u in result.uses} == {"plesner-era", "plesner-president"}


def test_unused_claims_are_located_in_the_yaml(project: Project) -> None:
    used = set(project.claims) - {"fled", "gravity"}
    found = check_unused(project, used)
    assert [f.claim for f in found] == ["fled", "gravity"]
    for f in found:
        assert f.rule == "unused"
        where = project.where[f.claim]
        assert (f.path, f.line, f.col) == (where.path, where.line, where.col)
        assert f.path == "claims/claims.yaml"
