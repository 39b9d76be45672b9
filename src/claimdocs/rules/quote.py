"""Quotations: every quotation on a page is verbatim from the article.

``quote``
    A quotation (straight or typographic marks) is not a contiguous verbatim span
    of its claim (in a marker of a quote or term claim), of its claim's evidence or
    of a quotation of the article (quotation marks inside a marker of another kind),
    or of any quotation of the article (in prose; see :mod:`claimdocs.rules.unbacked`,
    which also reports the article's narration set in quotation marks).

    In the claims: a quote claim's text holds an elision that stands for more than
    the attribution of a quotation split around it (“The first half,” Levi said,
    “and the rest.”, claimed as "The first half, … and the rest."): each piece must
    end, or start, its quotation of the article, and the pieces lie in quotations one
    right after the other with nothing but their attribution between them
    (:func:`claimdocs.rules.conventions.joined`); or a term claim's text is not inside
    quotation marks of the article.

Quote styles, apostrophes and whitespace are folded; case is not. A leading or
trailing comma or period may differ, also beside an elision. Elisions are written
"…" or "..." and each piece must be verbatim, in order: a page may mark the two
halves of a split quotation with one claim each, or the whole with an elision. What
counts as a quotation mark, and what closes it, is :func:`claimdocs.lexicon.quotations`.
"""

from __future__ import annotations

import re

from claimdocs.findings import RuleId
from claimdocs.lexicon import QUOTE_CHARS, fold, quotations, shorten, strip_quotes
from claimdocs.model import Assertion, Event, Quantity, Quote, Role, Stance, Statement, Term
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.conventions import joined, reading_of
from claimdocs.rules.rule import Rule, on_claim, on_mark
from claimdocs.rules.view import Mark, View

QUOTE = Rule(
    RuleId.QUOTE, "A quotation is not a verbatim span of the article or of its claim.", "both", kinds=("quote", "term")
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


@on_mark(QUOTE, kinds=(Quote, Term))
def quotation_marker(ctx: PageContext, view: View, mark: Mark, claim: Quote | Term) -> None:
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


def elided(text: str) -> list[str]:
    """The pieces of a claim's text around its elisions (folded, ends trimmed); one piece without any."""
    return [p for p in (piece.strip(EDGE) for piece in _ELISION.split(fold(strip_quotes(text)))) if p]


#: What an elision in a quote claim may stand for, in messages.
_SPLIT = ("an elision in a quote claim stands only for the attribution between the two parts of a split quotation "
          "(“The first half,” Levi said, “and the rest.” is claimed as \"The first half, … and the rest.\"), "
          "never for words left out")


@on_claim(QUOTE, kinds=(Quote,))
def split_quotation(ctx: SourceContext, claim: Quote, start: int, end: int) -> None:
    """An elision in a quote claim stands for the attribution of a split quotation, nothing else."""
    pieces = elided(claim.text)
    article = ctx.article
    if len(pieces) < 2 or fold(strip_quotes(claim.text)) in fold(article.text[start:end]):
        return  # no elision, or the article writes it itself
    reading = reading_of(article)
    inner = {i: fold(article.text[q.start : q.end]).strip(EDGE) for i, q in enumerate(reading.quotes)
             if q.close > start and q.open < end}
    at: int | None = None
    for n, piece in enumerate(pieces):
        holders = [i for i in sorted(inner) if piece in inner[i] and (at is None or i > at)]
        if not holders:
            ctx.report(claim.id, QUOTE, f"claim {claim.id}: {shorten(piece, 60)!r} is not inside a quotation of its "
                       f"evidence (after the pieces before it); {_SPLIT}")
            return
        i = holders[0] if at is None else at + 1
        whole = i in inner and (n == 0 or inner[i].startswith(piece)) and (n == len(pieces) - 1 or inner[i].endswith(piece))
        if not whole or (at is not None and not joined(reading, at, ctx.lexicon.speech_re)):
            ctx.report(claim.id, QUOTE, f"claim {claim.id}: the elision beside {shorten(piece, 60)!r} leaves words out "
                       f"of the article's quotation, or more than its attribution; {_SPLIT}")
            return
        at = i


@on_claim(QUOTE, kinds=(Term,))
def term_in_quotation_marks(ctx: SourceContext, claim: Term, start: int, end: int) -> None:
    """A term is words the article itself sets in quotation marks."""
    article = ctx.article
    text = fold(strip_quotes(claim.text)).strip(EDGE)
    reading = reading_of(article)
    if any(q.close > start and q.open < end and text in fold(article.text[q.start : q.end]) for q in reading.quotes):
        return
    ctx.report(claim.id, QUOTE,
               f"claim {claim.id}: the article does not put {shorten(text, 60)!r} in quotation marks; a term claim is "
               "for words the article itself quotes (scare quotes, a coined term, a title)")


RULES = (QUOTE,)
CHECKS = (quotation_marker, quotation_in_other_marker, split_quotation, term_in_quotation_marks)
