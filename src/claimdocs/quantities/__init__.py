"""English figures, hedges, units, vague quantities and time expressions.

A small grammar rather than a general NLP parser, because the checks built on it
must be predictable: a claim says "approximately 65,000" and the article, the
claim's evidence and a page's marker must all read back as the same
``(hedge, unit, value)``. Off-the-shelf word-to-number libraries misread "hundreds
of thousands", "half a million" and "two dozen" and drop the hedge and the unit,
which are the parts a restatement most often gets wrong.

What is read: numbers in digits and words ("40 000", ".08", "two thousand and two
hundred"), money ("$21bn", "£10.8bn", "6bn euros", "US$5m", "USD 40 million", "5
cents"), units ("6%" = "6 per cent", percentage points, counted time), fractions and
ratios ("two-thirds", "half of", "one in four", "3/4"), ranges ("between 10 and 15",
"$5bn-$7bn"), multipliers ("twice", "more than double", "threefold"), ordinals
("first", "21st"), signed changes ("fell 3%", "minus 5"), hedges before and after a
number ("at most 14", "14 or less"), vague quantities ("dozens", "a majority"), changes
told from levels ("grew by 18%" is not "18%"), "over" a time as a span or a bound
("spread over three years", "lasted over three years"); and dates, decades, seasons, spans
of years and relative times ("earlier this month", "in the spring", "the past decade"). A
model name ("737-800") is no figure.

The package: ``core`` (the types and hedge words), ``words`` (the vocabulary
tables), ``figures`` and ``times`` (the patterns and what a match is worth),
``scan`` (anchor-based scanning and the public functions). Everything is compiled
once at import time: the scanners run over whole sites on every check.
"""

from claimdocs.quantities.core import (
    HEDGE_WORDS,
    HEDGE_WORDS_AFTER,
    HEDGES_AFTER_AT_CLAUSE_END,
    UNIT_KINDS,
    Figure,
    FigureKey,
    Hedge,
    TimeExpr,
)
from claimdocs.quantities.scan import find_figures, find_times, parse_figure, parse_time

__all__ = [
    "HEDGES_AFTER_AT_CLAUSE_END",
    "HEDGE_WORDS",
    "HEDGE_WORDS_AFTER",
    "UNIT_KINDS",
    "Figure",
    "FigureKey",
    "Hedge",
    "TimeExpr",
    "find_figures",
    "find_times",
    "parse_figure",
    "parse_time",
]
