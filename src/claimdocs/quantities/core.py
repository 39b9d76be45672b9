"""What the grammar returns: hedge classes, figures with units, time expressions.

Kept apart from the patterns so that the claim model and the rules can import the
types without compiling a regular expression.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, TypeAlias


class Hedge(StrEnum):
    """How a figure is qualified; two figures agree only if their classes agree."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    LOWER_BOUND = "lower_bound"
    UPPER_BOUND = "upper_bound"
    JUST_BELOW = "just_below"
    VAGUE = "vague"
    #: Two ends, "between 10 and 15", "10-15", "$5bn-$7bn": ``low`` and ``high`` hold them.
    RANGE = "range"


#: The words of each hedge class written *before* a number, lowercase, single-spaced.
#:
#: The hedges of the first five classes are only hedges when a number follows
#: directly ("some 4,000" is approximate, "some residents" is no figure at all).
#: The ``VAGUE`` words are quantities in their own right ("dozens of captives").
#: Besides these, the scanner also reads "several/a few/many" + dozen, hundred,
#: thousand, million or billion ("several hundred", "many thousands") as vague quantities.
#: A range has no word of its own: "between ... and", "from ... to" and a dash are its
#: syntax, not a hedge a page could swap.
HEDGE_WORDS: dict[Hedge, tuple[str, ...]] = {
    Hedge.EXACT: (),
    Hedge.APPROXIMATE: (
        "approximately", "about", "around", "roughly", "some", "an estimated", "estimated", "circa",
        "more or less", "in the region of", "on the order of",
    ),
    Hedge.LOWER_BOUND: (
        "over", "more than", "at least", "upwards of", "in excess of", "just over", "well over",
        "no fewer than", "no less than", "not less than", "above", "well above", "a minimum of",
        "exceeding", "exceeds", "exceeded", "exceed", "slightly more than", "slightly over", "a little over",
        "as few as", "as little as", "greater than", "higher than", "larger than",
    ),
    Hedge.UPPER_BOUND: (
        "up to", "under", "fewer than", "less than", "at most", "no more than", "well under",
        "not more than", "below", "well below", "a maximum of", "as many as", "as much as", "as high as",
        "lower than", "smaller than",
    ),
    Hedge.JUST_BELOW: (
        "nearly", "almost", "close to", "just under", "just shy of", "just below", "just short of",
        "slightly less than", "slightly under", "a little under", "a little less than", "not quite",
    ),
    Hedge.VAGUE: (
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "tens of thousands",
        "hundreds of thousands",
        "millions",
        "tens of millions",
        "hundreds of millions",
        "billions",
        "a majority",
        "the majority",
        "many",
        "several",
        "a few",
    ),
    Hedge.RANGE: (),
}  # fmt: skip

#: Hedges written *after* the number (and after its unit, or between the two: "20 or more
#: years", "20 years or more"), and after a fraction, a ratio, a multiplier or a counted "a
#: decade" ("a quarter or more", "one in four or so", "double or more", "a decade at most").
#: "plus" is read in "20-plus" and "+" in "20+" (after digits only). A hedge after the number
#: decides the class over one before it: "about 500 or more" is a lower bound.
HEDGE_WORDS_AFTER: dict[Hedge, tuple[str, ...]] = {
    Hedge.APPROXIMATE: ("or so", "give or take", "or thereabouts"),
    Hedge.LOWER_BOUND: (
        "or more", "or above", "or higher", "or greater", "or over", "and above", "and over", "and up", "and more",
        "at least", "at the least", "at minimum", "plus", "+",
    ),
    Hedge.UPPER_BOUND: ("or less", "or fewer", "or below", "or lower", "or under", "at most", "at the most", "at maximum"),
}  # fmt: skip
#: Of those, the ones that bound a number only at the end of a clause ("$21bn at least."): before
#: another word they are adverbs of the verb ("20 at least once", "3% at most for now"). The "at ..." ones.
HEDGES_AFTER_AT_CLAUSE_END = frozenset(w for ws in HEDGE_WORDS_AFTER.values() for w in ws if w.startswith("at "))

#: Vague words that mean the same thing, mapped to one spelling for ``Figure.key``.
VAGUE_ALIASES = {"the majority": "a majority"}

#: The unit strings a figure may carry (``None``: a plain count). Currencies are
#: ``currency:`` + an ISO 4217 code where the written form names one currency
#: ("$", "US$", "£", "euros", "NIS"), ``currency:GBX`` for pence (the market code for
#: pence sterling), ``currency:cent`` for cents of an unnamed currency, and
#: ``currency:`` + the word where the name is shared by several ("francs", "rupees").
UNIT_KINDS: dict[str, str] = {
    "percent": "6%, 6 percent, 6 per cent, 6 pct",
    "percentage-point": "6 percentage points, 6pp, 6 ppt",
    "point": "2.5 points (index or score points)",
    "currency:XXX": "$21bn, 6bn euros, USD 40 million, 5 cents (currency:cent), 50p (currency:GBX)",
    "time:year": "6 years, two-year, 6 yrs; also time:month, time:week (19 wks), time:day, time:hour, time:minute, "
    "time:second, time:decade, time:century",
    "length:km": "29km, 29 kilometres; also length:m (100 metres, a 100m sprint), length:mile",
    "area:km2": "5 sq km, 5 square kilometres; also area:mile2, area:hectare, area:acre",
    "mass:kg": "5 kg, 5 kilograms; also mass:tonne, mass:ton, mass:lb",
    "volume:litre": "2 litres; also volume:ml (180ml)",
    "speed:km/h": "50 km/h, 50 kph; also speed:mph",
    "ordinal": "first, 21st, the second time, third-largest",
    "fraction": "a third, two-thirds, half of, one in four, 1 in 5, 3/4 (a share, 0-1)",
    "multiplier": "twice, double, threefold, three times, half as many",
}

#: What two figures must share: hedge class, unit, then the value, the vague word or the two ends.
FigureKey: TypeAlias = tuple[Hedge, str | None, float | str | tuple[float | None, float | None] | None]


@dataclass(frozen=True)
class Figure:
    """One figure as written: its span, value, hedge, unit and (for vague ones and ranges) interval.

    ``value`` is signed ("fell 3%" is -3, "minus 5" is -5) and is ``None`` for vague
    quantities and ranges. ``change`` tells a change from a level of the same value: "grew by
    18%" and "18%" share their ``key`` (a page's check compares ``change`` on its own). ``low``/``high`` are a range's ends, or the rough interval
    of a vague word. ``unit`` is one of :data:`UNIT_KINDS` or ``None`` for a count.
    """

    text: str
    start: int
    end: int
    value: float | None
    hedge: Hedge
    hedge_word: str | None = None
    low: float | None = None
    high: float | None = None
    vague_word: str | None = None
    unit: str | None = None
    #: "rise" or "fall" for a change ("grew by 18%", "a 3% drop", "18% higher"); None for a level ("18%", "-3%").
    change: Literal["rise", "fall"] | None = None

    @property
    def key(self) -> FigureKey:
        """What two figures must share to say the same thing: (hedge class, unit, value or word or ends)."""
        if self.hedge is Hedge.VAGUE:
            word = self.vague_word or ""
            return (Hedge.VAGUE, self.unit, VAGUE_ALIASES.get(word, word))
        if self.hedge is Hedge.RANGE:
            return (Hedge.RANGE, self.unit, (self.low, self.high))
        return (self.hedge, self.unit, self.value)


@dataclass(frozen=True)
class TimeExpr:
    """A date (``absolute``) or a time phrase relative to the article (``relative``).

    ``canonical`` is what two expressions must share: ISO 8601 for dates ("2023-10-07",
    "2023-10", "--10-07", "2023"), "2019/2023" for a span of years, "1990s" for a
    decade, a season and year as "spring 2024", each with a leading "early", "mid" or
    "late" when written ("early 2023"); relative phrases are their folded words
    ("last year", "earlier this month", "last summer").
    """

    text: str
    start: int
    end: int
    kind: Literal["absolute", "relative"]
    year: int | None
    month: int | None
    day: int | None
    canonical: str
