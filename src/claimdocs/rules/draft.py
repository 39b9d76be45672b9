"""Drafts: claims and entities proposed by ``claimdocs init`` that no one has reviewed yet.

``draft``
    A claim or an entity says ``draft: true``: ``claimdocs init`` proposed it from
    what the grammar and the lexicon found in the article, and an editor has not
    reviewed it. Reported at its line in its YAML file, with what to review for its
    kind (a figure's hedge, unit, what it counts and its source; a quotation's
    speaker and form; what a date dates; an entity's kind, name and aliases).
    Removing ``draft: true`` is the review: from then on the claim is checked like
    any other.

Until then a draft claim counts for coverage (so the coverage rule names only what
the scaffold missed) and its evidence is checked (``evidence``, ``offsets``: a
draft covers the text its offsets say), but the other rules hold their findings
on it (:func:`held`) and it is never reported unused: a draft is a proposal, and
its one finding says so. A page may cite a draft; the page is checked as usual.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimdocs.findings import Finding, RuleId
from claimdocs.model import AnyClaim, Assertion, Entity, Event, Quantity, Quote
from claimdocs.project import Project
from claimdocs.rules.context import SourceContext
from claimdocs.rules.rule import Rule, on_project

DRAFT = Rule(RuleId.DRAFT, "A claim or entity is a draft that no one has reviewed yet.", "article")

#: The rules that still report a draft claim: its evidence must cover what its offsets say.
CHECKED_IN_DRAFT = frozenset({RuleId.DRAFT, RuleId.EVIDENCE, RuleId.OFFSETS})
_DONE = "then delete `draft: true`, and every rule checks it"


def review(claim: AnyClaim) -> str:
    """What an editor reviews in a draft claim of this kind."""
    if isinstance(claim, Quantity):
        return ("review the figure's hedge and unit, what it counts (`counts`, `summary`) and who gives it "
                "(`according_to`), and widen the evidence to the words it rests on")
    if isinstance(claim, Quote):
        return ("review the speaker (found beside a speech verb, or the speaker of the quotation before; "
                "`unknown-speaker` where none was found) and the form (full or partial)")
    if isinstance(claim, Event):
        return "review what the date or time dates (`what`, `summary`) and whether it is absolute or relative"
    if isinstance(claim, Assertion):
        return "review who asserts it (`asserted_by`), what they assert (`statement`) and whether the article contests it"
    return "review every field against its evidence"


def review_entity(entity: Entity) -> str:
    return (f"review its kind (a guess: {entity.kind.value}), its name and aliases (the names pages may use), "
            "and whether two drafts are one entity")


@on_project(DRAFT, needs_article=False)
def drafts(ctx: SourceContext) -> None:
    for claim in ctx.project.claims.values():
        if claim.draft:
            ctx.report(claim.id, DRAFT, f"claim {claim.id} is a draft {claim.kind} claim: {review(claim)}; {_DONE}")
    for entity in ctx.project.entities.values():
        if entity.draft:
            ctx.report(entity.id, DRAFT, f"entity {entity.id} is a draft: {review_entity(entity)}; {_DONE}")


def draft_ids(project: Project) -> frozenset[str]:
    """The ids of the draft claims."""
    return frozenset(ident for ident, claim in project.claims.items() if claim.draft)


def held(project: Project, findings: Iterable[Finding]) -> list[Finding]:
    """The findings without those the other rules made on a draft claim (its draft finding stands for them)."""
    drafts_ = draft_ids(project)
    if not drafts_:
        return list(findings)
    return [f for f in findings if f.claim not in drafts_ or f.rule in CHECKED_IN_DRAFT]


RULES = (DRAFT,)
CHECKS = (drafts,)
