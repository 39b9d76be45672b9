"""Evidence: every claim is anchored, exactly once, in the pinned article.

``evidence``
    A claim's (or an entity's) evidence is not found in the article, or found more
    than once (add a prefix or suffix), or the claim's text (a figure, a date, a
    quotation, an office as written) is not inside its evidence. The message gives
    the nearest text of the article. A quotation split around its attribution is
    claimed with an elision ("The first half, … and the rest."): its pieces are
    inside the evidence, in order (what the elision may stand for is
    :mod:`claimdocs.rules.quote`'s).
``offsets``
    The evidence is found, but not at the claim's ``start``/``end`` (character
    offsets into the article decoded as UTF-8, end exclusive).

Comparison folds only typographic quotes, apostrophes and whitespace
(:func:`claimdocs.lexicon.fold`); nothing is fuzzy, so a claim can never re-attach
to another passage. Only a claim anchored here is checked further by the other
families (their ``on_claim`` checks), at the place found.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import fold, shorten
from claimdocs.rules.context import SourceContext
from claimdocs.rules.quote import verbatim
from claimdocs.rules.rule import Rule, on_project

EVIDENCE = Rule(RuleId.EVIDENCE, "A claim's evidence is not a verbatim span found exactly once in the article.", "article")
OFFSETS = Rule(RuleId.OFFSETS, "A claim's evidence offsets do not point at its text in the article.", "article")


@on_project(EVIDENCE, OFFSETS)
def anchored(ctx: SourceContext) -> None:
    article = ctx.article
    for claim in ctx.project.claims.values():
        ev = claim.evidence
        where = article.anchor(ev.exact, ev.prefix, ev.suffix)
        if isinstance(where, str):
            ctx.report(claim.id, EVIDENCE, f"claim {claim.id}: {where}")
            continue
        start, end = where
        if (start, end) != (ev.start, ev.end):
            ctx.report(
                claim.id, OFFSETS,
                f"claim {claim.id}: evidence offsets differ: claim says {ev.start}-{ev.end}, "
                f"the text is at {start}-{end} in the article",
            )
        written = claim.written
        ev_text = article.text[start:end]
        if written is not None and not _inside(written, ev_text):
            ctx.report(
                claim.id, EVIDENCE,
                f"claim {claim.id}: text {written!r} is not inside its evidence {shorten(fold(ev_text), 90)!r}",
            )
            continue
        ctx.spans[claim.id] = (start, end)
    for entity in ctx.project.entities.values():
        if entity.evidence is None:
            continue
        ev = entity.evidence
        where = article.anchor(ev.exact, ev.prefix, ev.suffix)
        if isinstance(where, str):
            ctx.report(entity.id, EVIDENCE, f"entity {entity.id}: {where}")
        elif where != (ev.start, ev.end):
            ctx.report(
                entity.id, OFFSETS,
                f"entity {entity.id}: evidence offsets differ: says {ev.start}-{ev.end}, the text is at {where[0]}-{where[1]}",
            )


def _inside(written: str, evidence: str) -> bool:
    """Is a claim's text inside its evidence: whole, or (with an elision) each piece, in order?"""
    target = fold(evidence).lower()
    if fold(written).lower() in target:
        return True
    return ("\u2026" in written or "..." in written) and verbatim(written.lower(), target)


RULES = (EVIDENCE, OFFSETS)
CHECKS = (anchored,)
