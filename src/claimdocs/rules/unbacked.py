"""Unbacked facts: nothing factual is written in prose without the claim behind it.

``unbacked``
    Unmarked in prose: a figure (digits, number words, dozens, hundreds,
    thousands, millions, half a million, a majority, an ordinal, money, a share; not
    the quantities of :attr:`claimdocs.lexicon.Lexicon.neutral_vague`: many, several,
    a few, nor an ordinal counting the site's own parts, "the second section", nor an
    ordinal written as an order word, "first", "second": the polarity rule holds those), a date
    or relative time, a quotation of the article, or a quotation that runs partly
    outside its marker. The message suggests the claim to mark. (Unmarked offices
    are found by :mod:`claimdocs.rules.office`.)
``quote`` (in prose)
    A quotation in prose that is the article's narration, not a quotation in the
    article, or that is not in the article at all ("nearest text in the source is ...").

Prose is every block a reader sees: paragraphs, headings, table cells, list items,
directive titles and bodies (admonitions, cards, tabs, dropdowns). Code spans, code
blocks, literal directives and roles other than the claim roles never are (see
:mod:`claimdocs.pages`). Figures inside a quotation are the quotation's.
"""

from __future__ import annotations

import bisect
import re

from claimdocs.findings import RuleId
from claimdocs.lexicon import QUOTE_CHARS, quotations, shorten
from claimdocs.quantities import Hedge
from claimdocs.rules.context import PageContext
from claimdocs.rules.quote import QUOTE, quote_claims_holding, verbatim
from claimdocs.rules.rule import Rule, on_block
from claimdocs.rules.view import MASK, View

UNBACKED = Rule(RuleId.UNBACKED, "A page states a figure, date or quotation without claim markup.", "pages")


def _first(ids: list[str] | None) -> str | None:
    return ids[0] if ids else None


def _no_claim_hint(ids: list[str] | None, text: str) -> str:
    if ids:
        return ""
    return f"; no claim says it: drop it, or write {{nofact}}`{text}` if it states no fact"


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _next_word(text: str, at: int) -> str:
    m = _NEXT_WORD.match(text, at)
    return m.group(1).lower() if m else ""


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted, not overlapping)?"""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


@on_block(UNBACKED, QUOTE)
def facts_in_prose(ctx: PageContext, view: View) -> None:
    masked = view.masked
    if not masked.strip(MASK + " "):
        return
    quoted = _quotations_in_prose(ctx, view)
    for fig in view.figures():
        if fig.hedge is Hedge.VAGUE and fig.vague_word in ctx.lexicon.neutral_vague:
            continue
        if _inside(fig.start, quoted):
            continue
        if fig.unit == "ordinal" and (
            _next_word(masked, fig.end) in ctx.lexicon.structure_nouns
            or ctx.lexicon.is_polarity(fig.text.lower()) == "order"
        ):
            continue  # "the second section": the site's parts; "first", "second": order words, which
            # the polarity rule holds to the article in a traced sentence
        ids = ctx.tables.by_key.get(fig.key) or (
            ctx.tables.by_value.get((fig.unit, fig.value)) if fig.value is not None else None
        )
        line, col = view.position(fig.start)
        ctx.add(
            line, col, UNBACKED,
            f'figure "{fig.text}" is not marked; mark it with the claim it restates, e.g. '
            f"{{claim}}`{fig.text} <{_first(ids) or 'claim-id'}>`{_no_claim_hint(ids, fig.text)}",
            _first(ids),
        )
    for t in view.times():
        if _inside(t.start, quoted):
            continue
        ids = ctx.tables.by_time.get(t.canonical)
        line, col = view.position(t.start)
        ctx.add(
            line, col, UNBACKED,
            f'date or time "{t.text}" is not marked; mark it with the claim it restates, e.g. '
            f"{{claim}}`{t.text} <{_first(ids) or 'claim-id'}>`{_no_claim_hint(ids, t.text)}",
            _first(ids),
        )


def _quotations_in_prose(ctx: PageContext, view: View) -> list[tuple[int, int]]:
    """Check quotations written in prose; return their spans."""
    masked = view.masked
    if not any(c in masked for c in QUOTE_CHARS):
        return []
    spans = []
    for q in quotations(masked):
        spans.append((q.open, q.close))
        inner = masked[q.start : q.end]
        if not any(ch.isalnum() for ch in inner):
            continue  # empty, or only markup (a marker inside quotation marks is checked itself)
        line, col = view.position(q.open)
        if view.claim_mark_overlaps(q.start, q.end):
            ctx.add(line, col, UNBACKED, "quotation partly outside its marker; put the whole quoted text inside the {claim} marker")
            continue
        text = view.text[q.start : q.end]
        shown = shorten(text)
        holders = quote_claims_holding(ctx, [text])
        if holders:
            ctx.add(line, col, UNBACKED, f"quotation not marked; mark it with {{claim}}`“{shown}” <{holders[0]}>`", holders[0])
        elif any(verbatim(text, aq) for aq in ctx.tables.article_quotations):
            ctx.add(line, col, UNBACKED, f'quotation "{shown}" has no quote claim; add one to the claims and mark it with {{claim}}`“…” <id>`')
        elif ctx.tables.article_folded and verbatim(text, ctx.tables.article_folded):
            ctx.add(line, col, QUOTE, f'quotation "{shown}" is the article\'s narration, not a quotation in the article; restate it without quotation marks')
        else:
            hint = _nearest_hint(ctx, text)
            ctx.add(line, col, QUOTE, f'quotation "{shown}" is not a quotation of the article{hint}')
    return spans


def _nearest_hint(ctx: PageContext, text: str) -> str:
    near = ctx.nearest(text)
    return f'; nearest text in the source is "{near}"' if near else ""


RULES = (UNBACKED,)
CHECKS = (facts_in_prose,)
