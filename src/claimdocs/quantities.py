"""English figures, hedges, vague quantities and time expressions.

A small grammar rather than a general NLP parser, because the checks built on it
must be predictable: a claim says "approximately 65,000" and the article, the
claim's evidence and a page's marker must all read back as the same
``(hedge, value)``. Off-the-shelf word-to-number libraries misread "hundreds of
thousands", "half a million" and "two dozen" and drop the hedge, which is the
part a restatement most often gets wrong.

Everything is compiled once at import time: the scanners run over whole pages
and articles (thousands of paragraphs) on every check.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Literal, TypeVar

from claimdocs.text import trie_pattern

__all__ = [
    "HEDGE_WORDS",
    "Figure",
    "Hedge",
    "TimeExpr",
    "find_figures",
    "find_times",
    "parse_figure",
    "parse_time",
]


class Hedge(StrEnum):
    """How a figure is qualified; two figures agree only if their classes agree."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    LOWER_BOUND = "lower_bound"
    UPPER_BOUND = "upper_bound"
    JUST_BELOW = "just_below"
    VAGUE = "vague"


#: The words of each hedge class, lowercase, single-spaced.
#:
#: The hedges of the first five classes are only hedges when a number follows
#: directly ("some 65,000" is approximate, "some hostages" is no figure at all).
#: The ``VAGUE`` words are quantities in their own right ("dozens of captives").
#: Besides these, the scanner also reads "several/a few/many" + dozen, hundred,
#: thousand, million or billion ("several hundred", "many thousands") as vague quantities.
HEDGE_WORDS: dict[Hedge, tuple[str, ...]] = {
    Hedge.EXACT: (),
    Hedge.APPROXIMATE: ("approximately", "about", "around", "roughly", "some", "an estimated", "estimated", "circa"),
    Hedge.LOWER_BOUND: ("over", "more than", "at least", "upwards of", "in excess of", "just over", "well over"),
    Hedge.UPPER_BOUND: ("up to", "under", "fewer than", "less than", "at most", "no more than", "well under"),
    Hedge.JUST_BELOW: ("nearly", "almost", "close to", "just under", "just shy of"),
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
}

#: Vague words that mean the same thing, mapped to one spelling for ``Figure.key``.
_VAGUE_ALIASES = {"the majority": "a majority"}

T = TypeVar("T")


@dataclass(frozen=True)
class Figure:
    """One figure as written: its span, value, hedge and (for vague ones) interval."""

    text: str
    start: int
    end: int
    value: float | None
    hedge: Hedge
    hedge_word: str | None = None
    low: float | None = None
    high: float | None = None
    vague_word: str | None = None

    @property
    def key(self) -> tuple[Hedge, float | str | None]:
        """What two figures must share to say the same thing (hedge class, then value or vague word)."""
        if self.hedge is Hedge.VAGUE:
            word = self.vague_word or ""
            return (Hedge.VAGUE, _VAGUE_ALIASES.get(word, word))
        return (self.hedge, self.value)


@dataclass(frozen=True)
class TimeExpr:
    """A date (``absolute``) or a time phrase relative to the article (``relative``)."""

    text: str
    start: int
    end: int
    kind: Literal["absolute", "relative"]
    year: int | None
    month: int | None
    day: int | None
    canonical: str


# ---------------------------------------------------------------- vocabulary
#
# All patterns below are lowercase and compiled without IGNORECASE: the scanners
# match them against a lowercased copy of the text (same length, same offsets),
# which is several times faster than case-insensitive matching.

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_WORD_VALUES: dict[str, int] = {"zero": 0, **_UNITS, **_TEENS, **_TENS}
_PLURAL_SCALES = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Month names that are also ordinary words ("may", "march"): dates only when capitalised.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})

_PREPOSITIONS = ("in", "since", "until", "by", "during", "through", "from", "before", "after", "early", "late", "mid")


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so the engine never stops at a prefix."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# ---------------------------------------------------------------- number grammar

_ORDINAL_UNIT = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
# Word numbers below 100: "seven", "seventeen", "seventy", "seventy-seven", "seventy seven".
_W99 = (
    rf"(?:(?:{_alt(_TENS)})(?:[-\s](?:{_alt(_UNITS)}))?(?![-\s]{_ORDINAL_UNIT}(?!\w))"
    rf"|{_alt(_TEENS)}|{_alt(_UNITS)}|zero)(?!\w)"
)
# Below 1000 with a hundreds group: "a hundred", "two hundred and fifty", "twelve hundred".
_W999H = rf"(?:{_W99}|an?)\s+hundred(?:\s+(?:and\s+)?{_W99})?(?!\w)"
_W999 = rf"(?:{_W999H}|{_W99})"
# Whole word numbers. After a scale word only a hundreds group or "and N" may follow, so that
# "two million three sources" cannot read as 2,000,003.
_WNUM = rf"""(?:
    (?:{_W999}|an?)\s+(?:trillion|billion|million)(?!\w)
        (?:\s+(?:{_W999}\s+thousand(?!\w)(?:\s+(?:and\s+{_W99}|{_W999H}))?|{_W999H}|and\s+{_W99}))?
  | (?:{_W999}|an?)\s+thousand(?!\w)(?:\s+(?:{_W999H}|and\s+{_W99}))?
  | {_W999}
)"""
# Digits, with thousands commas or without, and decimals; never part of "F-16", "10:30" or "1.2.3".
_DIGITS = r"(?<!\w)(?<!\w-)(?<!\d[.,:/])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w)(?![.,:/]\d)"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|dozen)(?!\w)"
# Fractions are not counts: "two-thirds of Israelis" holds no figure 2.
_NOT_FRACTION = r"(?![-\s](?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?!\w))"

_NUMBER = rf"""(?:
    (?:{_W99}|{_DIGITS})\s+and\s+a\s+half(?:\s+{_SCALE_WORD})?
  | half\s+an?\s+{_SCALE_WORD}
  | {_DIGITS}\s+{_SCALE_WORD}
  | {_DIGITS}
  | (?:{_W99}|an?)\s+dozen(?!\w)
  | {_WNUM}
){_NOT_FRACTION}"""

_VAGUE = r"""(?:
    (?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)
  | (?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million|billion)s?
  | (?:a|the)\s+majority
  | scores(?=\s+of(?!\w))
  | dozens | hundreds | thousands | millions | billions | many | several | a\s+few
)(?!\w)"""

_HEDGE_OF: dict[str, Hedge] = {
    word: hedge for hedge, words in HEDGE_WORDS.items() if hedge is not Hedge.VAGUE for word in words
}

_FIGURE_RE = re.compile(
    rf"""(?<!\w)(?<!\w-)(?:
        (?P<hedge>{_alt(_HEDGE_OF)})\s+(?P<hnum>{_NUMBER})
      | (?P<vague>{_VAGUE})
      | (?P<num>{_NUMBER})
    )""",
    re.VERBOSE,
)

_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")
_WS_RE = re.compile(r"\s+")
_AND_A_HALF_RE = re.compile(r"\band a half\b")
_HALF_A_RE = re.compile(r"^half an? ")


def _fold(text: str) -> str:
    """Lowercase with single ASCII spaces: the normalised form of hedge and vague words."""
    return _WS_RE.sub(" ", text).strip().lower()


def _number_value(text: str) -> float:
    """The value of a string matched by ``_NUMBER`` (Decimal inside, so "2.3 million" is exact)."""
    words = _HALF_A_RE.sub("0.5 ", _AND_A_HALF_RE.sub("plushalf", _fold(text).replace("-", " ")))
    total = Decimal(0)
    current = Decimal(0)
    for tok in _TOKEN_RE.findall(words):
        if tok[0].isdigit():
            current += Decimal(tok.replace(",", ""))
        elif tok in _WORD_VALUES:
            current += _WORD_VALUES[tok]
        elif tok in ("a", "an"):
            current += 1
        elif tok == "plushalf":
            current += Decimal("0.5")
        elif tok == "hundred":
            current = (current or Decimal(1)) * 100
        elif tok == "dozen":
            current = (current or Decimal(1)) * 12
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = Decimal(0)
        # "and" carries no value
    return float(total + current)


def _vague_interval(word: str) -> tuple[float | None, float | None]:
    """A rough range for a vague quantity, so callers can test whether an exact figure fits it.

    ``Xs`` is 2X..10X-1 ("thousands": 2,000-9,999), ``tens of Xs`` 20X..100X-1,
    ``hundreds of Xs`` 200X..1000X-1; "dozens" is 24-99, "scores" 40-199, a
    majority a share above one half (0.5, 1.0]; "a few X" 2X..6X-1, "several X"
    3X..10X-1, "many Xs" 2X..10X-1. Bare "many", "several" and "a few" have none.
    """
    word = _VAGUE_ALIASES.get(word, word)
    fixed = {"a majority": (0.5, 1.0), "dozens": (24.0, 99.0), "scores": (40.0, 199.0)}
    if word in fixed:
        return fixed[word]
    parts = word.split(" ")
    if parts[-1] in _PLURAL_SCALES and (len(parts) == 1 or parts[:2] in (["tens", "of"], ["hundreds", "of"])):
        base = _PLURAL_SCALES[parts[-1]] * {1: 1, 3: 10 if parts[0] == "tens" else 100}[len(parts)]
        return float(2 * base), float(10 * base - 1)
    scale = parts[-1].removesuffix("s")
    if len(parts) > 1 and (scale in ("dozen", "hundred") or scale in _SCALES):
        base = {"dozen": 12, "hundred": 100}.get(scale) or _SCALES[scale]
        lo, hi = {"a few": (2, 5), "several": (3, 9), "many": (2, 9)}[" ".join(parts[:-1])]
        return float(lo * base), float((hi + 1) * base - 1)
    return None, None


# ---------------------------------------------------------------- time grammar

_MONTH_NAME = rf"(?<!\w)(?:{_alt(k for k in _MONTHS if len(k) > 4 or k in ('may', 'june', 'july'))})(?!\w)"
_MONTH_ANY = rf"(?:{_MONTH_NAME}|(?<!\w)(?:{_alt(k for k in _MONTHS if len(k) <= 4 and k != 'may')})(?:\.|(?!\w)))"
_DAY = r"(?<!\w)(?<!\d[.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![.:/]\d)"
_YEAR = r"\d{4}(?!\w)(?![.,:/]\d)"
_BARE_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\w)(?![.,:/]\d)"

_ABSOLUTE = rf"""(?:
    (?P<prep>(?<![\w-])(?:{_alt(_PREPOSITIONS)})(?:\s+|-))?
    (?P<date>
        (?P<m1>{_MONTH_ANY})\s*(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})
      | (?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH_ANY}),?\s+(?P<y2>{_YEAR})
      | (?P<m3>{_MONTH_ANY}),?\s+(?P<y3>{_YEAR})
      | (?P<m4>{_MONTH_ANY})\s*(?P<d4>{_DAY})
      | (?P<d5>{_DAY})\s+(?:of\s+)?(?P<m5>{_MONTH_ANY})
      | (?(prep)(?:(?P<y6>{_BARE_YEAR})|(?P<m6>{_MONTH_NAME}))|(?!))
    )
)"""

_RELATIVE = rf"""(?P<rel>(?<![\w-])(?:
    (?:(?:on|last|next|this)\s+)?(?:{_alt(_WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?
  | (?:this|last|next)\s+(?:week|month|year)
  | (?:just\s+)?(?:days|weeks|months|years|decades)\s+(?:prior|earlier|ago|later)
  | (?:in\s+)?recent\s+(?:days|weeks|months|years)
  | for\s+(?:decades|years|months|weeks)
  | decades
)(?!\w))"""

_TIME_RE = re.compile(rf"{_ABSOLUTE}|{_RELATIVE}", re.VERBOSE)
# For a whole string a bare year or month is a date even without a preposition.
_WHOLE_TIME_RE = re.compile(rf"{_ABSOLUTE}|{_RELATIVE}|(?P<y7>{_BARE_YEAR})|(?P<m7>{_MONTH_NAME})", re.VERBOSE)
_REL_LEAD_RE = re.compile(r"^(?:(?:on|in|for|just)\s+)+")
_MONTH_GROUPS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")
_DAY_GROUPS = ("d1", "d2", "d4", "d5")
_YEAR_GROUPS = ("y1", "y2", "y3", "y6", "y7")


def _time_from_match(m: re.Match[str], text: str) -> TimeExpr | None:
    """The TimeExpr for a match on the lowercased ``text``; None for "may 7" or "February 30"."""
    if m.group("rel") is not None:
        s, e = m.span("rel")
        canonical = _REL_LEAD_RE.sub("", _fold(m.group("rel")))
        return TimeExpr(text[s:e], s, e, "relative", None, None, None, canonical)
    groups = m.groupdict()
    month_group = next((g for g in _MONTH_GROUPS if groups.get(g)), None)
    day_text = next((groups[g] for g in _DAY_GROUPS if groups.get(g)), None)
    year_text = next((groups[g] for g in _YEAR_GROUPS if groups.get(g)), None)
    month = None
    if month_group is not None:
        name = groups[month_group].rstrip(".")
        if name in _AMBIGUOUS_MONTHS and text[m.start(month_group)].islower():
            return None  # "may" the verb, "march" the noun
        month = _MONTHS[name]
    day = int(day_text.rstrip("stndrh")) if day_text else None
    year = int(year_text) if year_text else None
    if month is not None and day is not None:
        if day > calendar.monthrange(year if year is not None else 2000, month)[1]:  # 2000 allows Feb 29
            return None
        canonical = f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"--{month:02d}-{day:02d}"
    elif month is not None:
        canonical = f"{year:04d}-{month:02d}" if year is not None else f"--{month:02d}"
    else:
        canonical = f"{year:04d}"
    group = "date" if groups.get("date") is not None else ("y7" if groups.get("y7") else "m7")
    s, e = m.span(group)
    return TimeExpr(text[s:e], s, e, "absolute", year, month, day, canonical)


def _figure_from_match(m: re.Match[str], text: str, allow_lone_one: bool) -> Figure | None:
    """The Figure for a match on the lowercased ``text``; None for a lone "one" unless allowed."""
    start, end = m.span()
    if m.group("vague") is not None:
        word = _fold(m.group("vague"))
        low, high = _vague_interval(word)
        return Figure(text[start:end], start, end, None, Hedge.VAGUE, None, low, high, word)
    hedge_text = m.group("hedge")
    num = m.group("hnum") if hedge_text is not None else m.group("num")
    if num == "one" and not allow_lone_one:
        return None  # "one of the", "one side": too ambiguous to be a count
    if hedge_text is None:
        return Figure(text[start:end], start, end, _number_value(num), Hedge.EXACT)
    word = _fold(hedge_text)
    return Figure(text[start:end], start, end, _number_value(num), _HEDGE_OF[word], word)


# ---------------------------------------------------------------- scanning
#
# Trying the full patterns at every character is far too slow for whole sites, so
# the scanners first find *anchors*: tokens that every figure or time expression
# contains within its first few words (a digit, a number word, a vague word, a
# month, a weekday, a time noun). The full pattern is then tried only at the
# anchor and at the lead words (hedges, "a", prepositions) shortly before it,
# leftmost first, which gives the same result as ``finditer`` would.


_ANCHOR_WORDS = (
    *_WORD_VALUES, "hundred", *_SCALES, "dozen", "half", "tens", *_PLURAL_SCALES, "dozens", "scores",
    "several", "many", "few", "majority", *_MONTHS, *_WEEKDAYS,
    "week", "month", "year", "days", "weeks", "months", "years", "decades", "recent",
)  # fmt: skip
# Matched against " " + lowercased text, so the position of the leading non-letter is the anchor's offset.
_ANCHOR_RE = re.compile(rf"[^a-z0-9](?:{trie_pattern(_ANCHOR_WORDS)}(?![a-z])|\d)")
_FIGURE_LEADS = {w.split(" ")[0] for w in _HEDGE_OF} | {"a", "an", "the"}
_TIME_LEADS = {*_PREPOSITIONS, "on", "last", "next", "this", "just", "for"}
_FIGURE_LEAD_RE = re.compile(rf"(?<![a-z0-9])(?:{trie_pattern(_FIGURE_LEADS)})(?![a-z0-9])")
_TIME_LEAD_RE = re.compile(rf"(?<![a-z0-9])(?:{trie_pattern(_TIME_LEADS)})(?![a-z0-9])")
#: How far before an anchor a lead word may start ("in excess of a million": 15 characters).
_LEAD_WINDOW = 48


def _lower(text: str) -> str:
    """``text`` lowercased without changing its length, so offsets carry over."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowercases to two characters: keep such characters as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


@lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[str, tuple[int, ...]]:
    """The lowercased text and its anchor offsets (cached: figures and times are scanned from the same text)."""
    low = _lower(text)
    return low, tuple(m.start() for m in _ANCHOR_RE.finditer(" " + low))


def _scan(
    pattern: re.Pattern[str], leads: re.Pattern[str], text: str, make: Callable[[re.Match[str]], T | None]
) -> list[T]:
    """Leftmost non-overlapping matches of ``pattern`` that ``make`` accepts, tried only near anchors."""
    low, anchors = _prepared(text)
    out: list[T] = []
    last = 0
    for a in anchors:
        if a < last:
            continue
        for c in [*(m.start() for m in leads.finditer(low, max(last, a - _LEAD_WINDOW), a)), a]:
            if c < last:
                continue
            m = pattern.match(low, c)
            if m is not None and (item := make(m)) is not None:
                out.append(item)
                last = m.end()
    return out


@lru_cache(maxsize=64)
def _times(text: str) -> tuple[TimeExpr, ...]:
    """All time expressions of ``text`` (cached: ``find_figures`` needs the dates too)."""
    return tuple(_scan(_TIME_RE, _TIME_LEAD_RE, text, lambda m: _time_from_match(m, text)))


# ---------------------------------------------------------------- public functions


def find_times(text: str) -> list[TimeExpr]:
    """Every date and relative time expression in running prose, left to right, non-overlapping.

    A bare year or month counts only after a preposition ("in 2023", "since
    October"), because on its own "2023" may be a count and "May" a verb.
    """
    return list(_times(text))


def find_figures(text: str) -> list[Figure]:
    """Every figure in running prose, left to right, non-overlapping, with the hedge right before it.

    Numbers inside dates ("October 7, 2023", "in 2023") are left to ``find_times``;
    a lone "one" is skipped ("one of the disputes"), as are ordinals ("7th").
    """
    dates = [(t.start, t.end) for t in _times(text) if t.kind == "absolute"]
    starts = [s for s, _ in dates]

    def make(m: re.Match[str]) -> Figure | None:
        i = bisect_right(starts, m.start())
        if (i and dates[i - 1][1] > m.start()) or (i < len(dates) and dates[i][0] < m.end()):
            return None  # inside or across a date
        return _figure_from_match(m, text, allow_lone_one=False)

    return _scan(_FIGURE_RE, _FIGURE_LEAD_RE, text, make)


_STRIP_LEAD = " \t\r\n\u00a0\u202f\"'“‘([«$€£"
_STRIP_TRAIL = " \t\r\n\u00a0\u202f\"'”’)]».,;:!?"
# What may follow a figure in a whole-string parse: a counted noun phrase of up to four words.
_COUNTED_RE = re.compile(r"(?:\s+of(?:\s+the)?)?(?:\s+[^\W\d_][\w'’-]*){1,4}")
_PARTITIVE_RE = re.compile(r"\s+of(?!\w)")


def _stripped(text: str) -> tuple[str, int]:
    """The text without surrounding quotes, spaces and trailing punctuation, and its offset in ``text``."""
    body = text.lstrip(_STRIP_LEAD)
    lead = len(text) - len(body)
    return _lower(body.rstrip(_STRIP_TRAIL)), lead


def parse_figure(text: str) -> Figure | None:
    """The figure that the whole string is, optionally followed by a counted noun; else None.

    For a claim or a page marker, whose text should be exactly one figure. Offsets
    are into ``text``. Unlike ``find_figures``, a lone "one" is a figure (value 1)
    unless partitive ("one of the disputes").
    """
    body, lead = _stripped(text)
    m = _FIGURE_RE.match(body)
    if m is None:
        return None
    rest = body[m.end() :]
    if rest and (_COUNTED_RE.fullmatch(rest) is None or find_figures(rest)):
        return None
    if m.group("num") == "one" and _PARTITIVE_RE.match(rest):
        return None
    fig = _figure_from_match(m, text[lead : lead + len(body)], allow_lone_one=True)
    return None if fig is None else replace(fig, start=fig.start + lead, end=fig.end + lead)


def parse_time(text: str) -> TimeExpr | None:
    """The time expression that the whole string is ("on Tuesday", "October 2023", "2023"), else None.

    A leading preposition of a date is allowed and left out of the result's span.
    Offsets are into ``text``.
    """
    body, lead = _stripped(text)
    m = _WHOLE_TIME_RE.fullmatch(body)
    if m is None:
        return None
    t = _time_from_match(m, text[lead : lead + len(body)])
    return None if t is None else replace(t, start=t.start + lead, end=t.end + lead)
