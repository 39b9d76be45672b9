"""Values and hedges: a figure or a date says what its claim says, no more precisely.

``value``
    In the claims: a quantity claim's ``value`` is not what the grammar
    (:mod:`claimdocs.quantities`) reads in its evidence, or its text holds no figure;
    an event claim's text is not a date or time, or not of the claim's ``when``
    (absolute or relative). On a page: a marked figure's value, or a marked date's
    canonical form, differs from the claim's, or the marker holds no figure or time.
    A change is not a level: a figure the article gives as a change ("grew by 18%", "a 3%
    drop", "18% higher", "an increase of 18%") is written as a change of the same direction,
    with any change word ("up 18%", "a rise of 18 per cent"), and a level ("18%", "-3%") is
    not written as a change; in the claims, a claim's text is a change where its evidence's
    figure is one. A change word written just outside the marker is pointed out.
``hedge``
    The hedge class differs: in the claims, from the hedge in the evidence; on a
    page, from the claim's ("about" for "approximately" is fine; "65,000" for
    "approximately 65,000" is more precision than the source). Vague quantities
    compare by their vague word ("hundreds of thousands" is not "thousands"). A
    hedge written just outside the marker is pointed out.

A page's figure is read with :func:`claimdocs.quantities.parse_figure` (the marker
is one figure, maybe with what it counts); failing that, the marker's figure that
has the claim's value, else its first.
"""

from __future__ import annotations

import re

import claimdocs.quantities.words as W
from claimdocs.findings import RuleId
from claimdocs.lexicon import fold, format_number, hedge_label, same_value
from claimdocs.model import Event, Quantity
from claimdocs.quantities import (
    HEDGE_WORDS,
    HEDGE_WORDS_AFTER,
    Figure,
    Hedge,
    find_figures,
    find_times,
    parse_figure,
    parse_time,
)
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.quote import not_in_article
from claimdocs.rules.rule import Rule, on_claim, on_mark
from claimdocs.rules.tables import claim_key, claim_unit, figure_of
from claimdocs.rules.view import Mark, View

VALUE = Rule(RuleId.VALUE, "A figure or date differs from its claim.", "both", kinds=("quantity", "event"))
HEDGE = Rule(RuleId.HEDGE, "A hedge differs in class from its claim's.", "both", kinds=("quantity",))

_HEDGE_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted((w for h, ws in HEDGE_WORDS.items() if h is not Hedge.VAGUE for w in ws), key=len, reverse=True)
    ) + r")\s*$",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(
    r"\s*(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted((w for ws in HEDGE_WORDS_AFTER.values() for w in ws), key=len, reverse=True)
    ) + r")(?![\w-])",
    re.IGNORECASE,
)


_CHANGE_WORDS = sorted({*W.FALL_WORDS, *W.RISE_WORDS, *W.FALL_NOUNS, *W.RISE_NOUNS}, key=len, reverse=True)
_CHANGE_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, _CHANGE_WORDS)) + r")(?:\s+(?:by|of))?\s*$", re.IGNORECASE
)
_CHANGE_AFTER = re.compile(
    r"[-\s](?:" + "|".join(map(re.escape, sorted({*W.FALL_NOUNS, *W.RISE_NOUNS, *W.FALL_AFTER, *W.RISE_AFTER}, key=len, reverse=True)))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def _change_label(fig: Figure) -> str:
    return {"rise": "a rise", "fall": "a fall"}.get(fig.change or "", "a level, not a change")


def _change_outside(view: View, mark: Mark) -> str:
    m = _CHANGE_BEFORE.search(view.text, max(0, mark.start - 30), mark.start) or _CHANGE_AFTER.match(view.text, mark.end)
    if m:
        return f' (the change word "{m.group().strip(" -")}" is outside the marker; move it inside)'
    return ""


def _did_you_mean_other(ids: list[str] | None, this: str) -> str:
    """The first other claim of the same figure (a large site has many: stop at the first)."""
    other = next((i for i in ids or () if i != this), None)
    return f"; did you mean {other}?" if other else ""


def _hedge_outside(view: View, mark: Mark) -> str:
    m = _HEDGE_BEFORE.search(view.text, max(0, mark.start - 30), mark.start) or _HEDGE_AFTER.match(view.text, mark.end)
    if m:
        return f' (the hedge "{m.group().strip()}" is outside the marker; move it inside)'
    return ""


# ---------------------------------------------------------------- pages


def _unit_label(unit: str | None) -> str:
    return unit or "a count"


def _range_label(fig: Figure) -> str:
    return f"{format_number(fig.low)} to {format_number(fig.high)}"


@on_mark(VALUE, HEDGE, kinds=(Quantity,))
def figure_marker(ctx: PageContext, view: View, mark: Mark, claim: Quantity) -> None:
    own = ctx.tables.figure.get(claim.id)
    if own is None:
        return  # the claim itself has no readable figure: the article's rules report it
    fig = parse_figure(mark.written)
    if fig is None:
        found = find_figures(mark.written)
        want = claim.value if claim.value is not None else own.value
        fig = next((f for f in found if same_value(f.value, want)), found[0] if found else None)
    said = f'claim {claim.id} says "{claim.text}"'
    if fig is None:
        ctx.at(mark, VALUE, f'value differs from the source: page says "{mark.written}", which holds no figure; {said}')
        return
    other = ctx.tables.by_key.get(fig.key)
    want_key = claim_key(claim, own)
    unit = want_key[1]
    hint = _did_you_mean_other(other, claim.id)
    if fig.unit != unit and fig.hedge is not Hedge.VAGUE:
        ctx.at(
            mark, VALUE,
            f'unit differs from the source: page says "{fig.text}" ({_unit_label(fig.unit)}), '
            f"{said} ({_unit_label(unit)}){hint}",
        )
        return
    if claim.hedge is Hedge.VAGUE or fig.hedge is Hedge.VAGUE:
        if fig.key != want_key:
            ctx.at(
                mark, HEDGE,
                f'hedge differs from the source: page says "{fig.text}" ({hedge_label(fig.hedge)}), '
                f"{said} ({hedge_label(claim.hedge)}){hint}{_hedge_outside(view, mark)}",
            )
        return
    if claim.hedge is Hedge.RANGE or fig.hedge is Hedge.RANGE:
        if fig.hedge is not claim.hedge:
            ctx.at(
                mark, HEDGE,
                f'hedge differs from the source: page says "{fig.text}" ({hedge_label(fig.hedge)}), '
                f"{said} ({hedge_label(claim.hedge)}){hint}{_hedge_outside(view, mark)}",
            )
        elif fig.key != want_key:
            ctx.at(
                mark, VALUE,
                f'range differs from the source: page says "{fig.text}" ({_range_label(fig)}), {said}{hint}',
            )
        return
    value = want_key[2]
    if not isinstance(value, float | int) or not same_value(fig.value, float(value)):
        ctx.at(mark, VALUE, f'value differs from the source: page says "{fig.text}", {said}{hint}{not_in_article(ctx, fig.text)}')
    elif fig.change != own.change:
        outside = _change_outside(view, mark) if own.change else ""
        ctx.at(
            mark, VALUE,
            f'change differs from the source: page says "{fig.text}" ({_change_label(fig)}), '
            f"{said} ({_change_label(own)}){outside}",
        )
    elif fig.hedge is not claim.hedge:
        ctx.at(
            mark, HEDGE,
            f'hedge differs from the source: page says "{fig.text}" ({hedge_label(fig.hedge)}), '
            f"{said} ({hedge_label(claim.hedge)}){hint}{_hedge_outside(view, mark)}",
        )


@on_mark(VALUE, kinds=(Event,))
def time_marker(ctx: PageContext, view: View, mark: Mark, claim: Event) -> None:
    want = ctx.tables.canonical.get(claim.id)
    if want is None:
        return
    t = parse_time(mark.written)
    if t is None:
        found = find_times(mark.written)
        t = next((f for f in found if f.canonical == want), found[0] if found else None)
    said = f'claim {claim.id} says "{claim.text}"'
    if t is None:
        ctx.at(mark, VALUE, f'value differs from the source: page says "{mark.written}", which holds no date or time; {said}')
    elif t.canonical != want:
        ctx.at(
            mark, VALUE,
            f'value differs from the source: page says "{t.text}", {said}'
            f"{_did_you_mean_other(ctx.tables.by_time.get(t.canonical), claim.id)}",
        )


# ---------------------------------------------------------------- the article


def _figure_in(ev_text: str, written: str) -> Figure | None:
    """The figure of the evidence that the claim's text is (or holds); else the text's own."""
    want = fold(written).lower()
    for fig in find_figures(ev_text):
        if fold(fig.text).lower() in want or want in fold(fig.text).lower():
            return fig
    return parse_figure(written)


@on_claim(VALUE, HEDGE, kinds=(Quantity,))
def figure_evidence(ctx: SourceContext, claim: Quantity, start: int, end: int) -> None:
    got = _figure_in(ctx.article.text[start:end], claim.text)
    if got is None:
        ctx.report(claim.id, VALUE, f"claim {claim.id}: no figure in {claim.text!r}")
        return
    if got.hedge != claim.hedge:
        ctx.report(
            claim.id, HEDGE,
            f"claim {claim.id}: hedge differs from the source: claim says {claim.hedge.value}, "
            f"evidence {got.text!r} is {got.hedge.value}",
        )
    unit = claim_unit(claim, parse_figure(claim.text))
    if got.unit != unit:
        ctx.report(
            claim.id, VALUE,
            f"claim {claim.id}: unit differs from the source: claim says {_unit_label(unit)}, "
            f"evidence {got.text!r} is {_unit_label(got.unit)}",
        )
    own = figure_of(claim.text)
    if own is not None and own.change != got.change:
        ctx.report(
            claim.id, VALUE,
            f"claim {claim.id}: change differs from the source: claim says {claim.text!r} ({_change_label(own)}), "
            f"evidence {got.text!r} is {_change_label(got)}",
        )
    if got.hedge is Hedge.RANGE and claim.hedge is Hedge.RANGE:
        if not (same_value(got.low, claim.low) and same_value(got.high, claim.high)):
            ctx.report(
                claim.id, VALUE,
                f"claim {claim.id}: range differs from the source: claim says {format_number(claim.low)} to "
                f"{format_number(claim.high)}, evidence {got.text!r} says {_range_label(got)}",
            )
    elif not same_value(got.value, claim.value):
        ctx.report(
            claim.id, VALUE,
            f"claim {claim.id}: value differs from the source: claim says {format_number(claim.value)}, "
            f"evidence {got.text!r} says {format_number(got.value)}",
        )


@on_claim(VALUE, kinds=(Event,))
def time_evidence(ctx: SourceContext, claim: Event, start: int, end: int) -> None:
    got = parse_time(claim.text)
    if got is None:
        ctx.report(claim.id, VALUE, f"claim {claim.id}: {claim.text!r} is not a date or time expression")
    elif got.kind != claim.when:
        ctx.report(claim.id, VALUE, f"claim {claim.id}: {claim.text!r} is {got.kind}, the claim says {claim.when}")


RULES = (VALUE, HEDGE)
CHECKS = (figure_marker, time_marker, figure_evidence, time_evidence)
