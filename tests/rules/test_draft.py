"""Specification of claims.draft (:mod:`claimdocs.rules.draft`).

A claim or entity marked ``draft: true`` is reported once, at its line, with what to
review for its kind; until then the other rules hold their findings on it (its evidence
is still checked) and it is never reported unused. Without ``draft: true`` it is
checked like any other claim.
"""

from __future__ import annotations

from pathlib import Path

from claimdocs.findings import RuleId
from claimdocs.model import Entity, EntityKind
from claimdocs.rules.draft import held, review, review_entity
from conftest import edit, line_of, set_field

from .helpers import findings_for

CONTEXT = "claims/context.yaml"


def _draft(site: Path, claim: str) -> None:
    edit(site / CONTEXT, f"  - id: {claim}\n", f"  - id: {claim}\n    draft: true\n")


def test_a_draft_claim_is_one_finding_at_its_line_saying_what_to_review(site: Path) -> None:
    _draft(site, "gaza-deaths")
    found = findings_for(site)
    assert [(f.rule, f.path, f.line, f.col, f.claim) for f in found] == [
        ("draft", CONTEXT, line_of(site / CONTEXT, "id: gaza-deaths"), 5, "gaza-deaths")
    ]
    message = found[0].message
    assert message.startswith("claim gaza-deaths is a draft quantity claim: review the figure's hedge and unit")
    assert "`according_to`" in message and "delete `draft: true`" in message


def test_the_other_rules_hold_their_findings_on_a_draft_until_it_is_reviewed(site: Path) -> None:
    _draft(site, "gaza-deaths")
    set_field(site / CONTEXT, "gaza-deaths", "value", "66000")
    set_field(site / CONTEXT, "gaza-deaths", "according_to", "nobody-at-all")
    assert [f.rule for f in findings_for(site)] == ["draft"]
    edit(site / CONTEXT, "    draft: true\n", "")  # the review: now checked like any other claim
    assert sorted(f.rule for f in findings_for(site)) == ["reference", "value"]


def test_a_draft_keeps_its_evidence_checked(site: Path) -> None:
    _draft(site, "gaza-deaths")
    set_field(site / CONTEXT, "gaza-deaths", "start", "5967")
    # its offsets are what it covers: moved, the figure they missed is uncovered
    assert sorted(f.rule for f in findings_for(site)) == ["coverage", "draft", "offsets"]


def test_a_draft_entity_is_reported_with_its_guessed_kind(site: Path) -> None:
    path = site / "claims" / "entities.yaml"
    edit(path, "  - id: zamir\n", "  - id: zamir\n    draft: true\n")
    [f] = findings_for(site)
    assert (f.rule, f.path, f.line, f.claim) == ("draft", "claims/entities.yaml", line_of(path, "id: zamir"), "zamir")
    assert "entity zamir is a draft: review its kind (a guess: person)" in f.message


def test_a_draft_is_never_reported_unused(site: Path, cli) -> None:
    (site / "claims" / "extra.yaml").write_text(
        "claims:\n  - id: draft-figure\n    draft: true\n    kind: quantity\n    text: \"approximately 65,000\"\n"
        "    value: 65000\n    hedge: approximate\n    counts: deaths\n    summary: s\n    evidence:\n"
        "      exact: \"approximately 65,000\"\n      start: 5966\n      end: 5986\n",
        encoding="utf-8",
    )
    run = cli(site, "check")
    assert run.code == 1
    assert [line.rsplit("[", 1)[1] for line in run.lines] == ["claims.draft]"]
    assert run.lines[0].startswith("claims/extra.yaml:2:5: error: claim draft-figure is a draft quantity claim")
    edit(site / "claims" / "extra.yaml", "    draft: true\n", "")
    assert [line.rsplit("[", 1)[1] for line in cli(site, "check").lines] == ["claims.unused]"]


def test_what_to_review_names_each_kind(real_project) -> None:
    by_kind = {c.kind: c for c in real_project.claims.values()}
    assert "speaker" in review(by_kind["quote"])
    assert "`what`" in review(by_kind["event"])
    assert "`asserted_by`" in review(by_kind["assertion"])
    assert review(by_kind["role"]) == "review every field against its evidence"
    place = Entity(id="riverton", kind=EntityKind.PLACE, name="Riverton", draft=True)
    assert "a guess: place" in review_entity(place)


def test_held_keeps_every_finding_when_nothing_is_a_draft(real_project) -> None:
    from claimdocs.findings import Finding

    finding = Finding("claims/x.yaml", 1, 1, RuleId.VALUE, "m", claim="gaza-deaths")
    assert held(real_project, [finding]) == [finding]
