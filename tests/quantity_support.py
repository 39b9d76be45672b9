"""Shared by the grammar's specification tests: short names for hedges and units, and two readers."""

from __future__ import annotations

from claimdocs.quantities import Figure, Hedge, find_figures, parse_figure

E, A, LB, UB, JB, V, R = (
    Hedge.EXACT,
    Hedge.APPROXIMATE,
    Hedge.LOWER_BOUND,
    Hedge.UPPER_BOUND,
    Hedge.JUST_BELOW,
    Hedge.VAGUE,
    Hedge.RANGE,
)
USD, EUR, GBP = "currency:USD", "currency:EUR", "currency:GBP"
PCT, PP, PT = "percent", "percentage-point", "point"
YEAR, ORD, FRAC, MULT = "time:year", "ordinal", "fraction", "multiplier"


def parsed(text: str) -> Figure:
    """The one figure ``text`` is, whole (asserted)."""
    fig = parse_figure(text)
    assert fig is not None, text
    assert text[fig.start : fig.end] == fig.text
    return fig


def found(text: str) -> list[tuple[str, float | None, Hedge, str | None]]:
    """Every figure in running text, as (text, value, hedge, unit)."""
    return [(f.text, f.value, f.hedge, f.unit) for f in find_figures(text)]
