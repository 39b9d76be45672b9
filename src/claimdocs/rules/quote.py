"""Quotations: every quotation on a page is verbatim from the article.

``quote``
    A quotation (straight or typographic marks) is not a contiguous verbatim span
    of its claim (in a marker of a quote claim), of its claim's evidence or of a
    quotation of the article (quotation marks inside a marker of another kind), or
    of any quotation of the article (in prose; see :mod:`claimdocs.rules.unbacked`,
    which also reports the article's narration set in quotation marks).

Quote styles, apostrophes and whitespace are folded; case is not. A leading or
trailing comma or period may differ, also beside an elision. Elisions are written
"…" or "..." and each piece must be verbatim, in order. What counts as a quotation
mark, and what closes it, is :func:`claimdocs.lexicon.quotations`.
"""

from __future__ import annotations

import re

from claimdocs.findings import RuleId
from claimdocs.lexicon import QUOTE_CHARS, fold, quotations, shorten
from claimdocs.model import Assertion, Event, Quantity, Quote, Role, Stance, Statement
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_mark
from claimdocs.rules.view import Mark, View

QUOTE = Rule(
    RuleId.QUOTE, "A quotation is not a verbatim span of the article or of its claim.", "both", kinds=("quote",)
)

_ELISION = re.compile(r"\s*(?:\u2026|\.\.\.)\s*")
#: What may differ at the ends of a quoted piece.
EDGE = " \t\n,."


def quoted_pieces(written: str) -> list[str]:
    """The quoted parts of a marker's text, or the whole text if it has no quotation marks."""
    if not any(c in QUOTE_CHARS for c in written):
        return [written]
    return [written[q.start : q.end] for q in quotations(written)]


def verbatim(piece: str, target: str) -> bool:
    """Is ``piece`` (elisions marked) a contiguous verbatim span of folded ``target``, in order?"""
    parts = [p.strip(EDGE) for p in _ELISION.split(fold(piece).strip(EDGE))]
    parts = [p for p in parts if p]
    if not parts:
        return False
    at = 0
    for part in parts:
        found = target.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def quote_claims_holding(ctx: PageContext, pieces: list[str]) -> list[str]:
    """The quote claims whose text holds every piece verbatim."""
    return [ident for ident, text in ctx.tables.quotes.items() if all(verbatim(p, text) for p in pieces)]


def not_in_article(ctx: PageContext, written: str) -> str:
    """A hint, "; nearest text in the source is ...", when ``written`` is not in the article."""
    if not ctx.tables.article_folded or fold(written).strip() in ctx.tables.article_folded:
        return ""
    near = ctx.nearest(written)
    return f'; nearest text in the source is "{near}"' if near else ""


@on_mark(QUOTE, kinds=(Quote,))
def quotation_marker(ctx: PageContext, view: View, mark: Mark, claim: Quote) -> None:
    """The marker's quoted pieces are verbatim in the claim's quotation."""
    target = ctx.tables.quotes.get(claim.id, "")
    for piece in quoted_pieces(mark.written):
        if verbatim(piece, target):
            continue
        shown = " ".join(piece.split())
        if not shown.strip(EDGE + "\u2026"):
            ctx.at(mark, QUOTE, f"empty quotation in the marker of claim {claim.id}")
            return
        others = [i for i in quote_claims_holding(ctx, [piece]) if i != claim.id]
        hint = f"; did you mean {others[0]}?" if others else not_in_article(ctx, shown)
        ctx.at(
            mark, QUOTE,
            f'quotation differs from the source: page says "{shown}", claim {claim.id} says "{shorten(target)}"{hint}',
        )
        return


@on_mark(QUOTE, kinds=(Quantity, Role, Stance, Event, Assertion, Statement))
def quotation_in_other_marker(
    ctx: PageContext, view: View, mark: Mark, claim: Quantity | Role | Stance | Event | Assertion | Statement
) -> None:
    """Quotation marks inside a marker of another kind: verbatim in its evidence or in a quotation."""
    if not any(c in QUOTE_CHARS for c in mark.written):
        return
    evidence = fold(claim.evidence.exact)
    for q in quotations(mark.written):
        piece = mark.written[q.start : q.end]
        if not piece.strip(EDGE) or verbatim(piece, evidence) or quote_claims_holding(ctx, [piece]):
            continue
        ctx.at(
            mark, QUOTE,
            f'quotation "{" ".join(piece.split())}" in the marker of claim {claim.id} is not in its evidence '
            f"nor a quotation of the article{not_in_article(ctx, piece)}",
        )
        return


RULES = (QUOTE,)
CHECKS = (quotation_marker, quotation_in_other_marker)
