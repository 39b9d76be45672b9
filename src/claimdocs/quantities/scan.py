"""Finding figures and times in running prose, and reading one from a whole string.

Trying the full patterns at every character is far too slow for whole sites, so
the scanners first find *anchors*: tokens that every figure or time expression
contains within its first few words (a digit, a number word, an ordinal, a
fraction or multiplier word, a vague word, a month, a weekday, a season, a time
noun). The full pattern is then tried only at the anchor, at the lead phrases
(hedges, signed-change words, "between", "a", prepositions) shortly before it,
and at the symbols written right before a digit ("$", "£", "-", "."), leftmost
first, which gives the same result as trying every offset would.

"Shortly" is each lead phrase's *reach*: its length, what may stand between it and
the anchor (a sign, a currency, "by" and a hedge), and slack for a few extra spaces
or line breaks. A lead phrase followed by more whitespace than that slack is not
tried; the tests check the scan against trying every offset.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Protocol, TypeVar

import claimdocs.quantities.words as W
from claimdocs.quantities.core import Figure, TimeExpr
from claimdocs.quantities.figures import (
    FIGURE_RE,
    HEDGE_OF,
    SIMPLE_FIGURE_RE,
    figure_from_match,
    is_designation,
)
from claimdocs.quantities.times import TIME_RE, WHOLE_TIME_RE, time_from_match
from claimdocs.text import lower_same_length, trie_pattern


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Spanned)

_ANCHOR_WORDS = (
    *W.WORD_VALUES, "hundred", *W.SCALES, "dozen", "half", "tens", *W.PLURAL_SCALES, "dozens", "scores",
    "several", "many", "few", "majority", *W.MONTHS, *W.WEEKDAYS, *W.SEASONS, *W.ORDINAL_WORDS,
    *W.DENOMINATORS, *W.PLURAL_DENOMINATORS, *W.MULTIPLIER_WORDS, *W.FOLD_WORDS,
    "day", "week", "weekend", "month", "year", "days", "weeks", "months", "years", "decades", "recent", "decade", "century",
)  # fmt: skip
# Matched against " " + lowercased text, so the position of the leading non-letter is the anchor's offset.
_ANCHOR_RE = re.compile(rf"[^a-z0-9](?:{trie_pattern(_ANCHOR_WORDS)}(?![a-z])|\d)")
#: Phrases a figure may start with before its anchor: whole hedges ("in excess of", so a bare
#: "in" is never tried), signed-change words, "between", "from", signs, currency codes, and the
#: articles and "the" that stand right before an anchor word ("a dozen", "the majority"). A
#: phrase may run past the anchor ("as many as" holds the anchor "many").
_FIGURE_LEADS = {
    *HEDGE_OF, "a", "an", "the", "between", "from", "minus", "negative",
    *W.FALL_WORDS, *W.RISE_WORDS, *W.FALL_NOUNS, *W.RISE_NOUNS, *W.CURRENCY_CODES,
}  # fmt: skip
_TIME_LEADS = {
    *W.PREPOSITIONS, *W.QUALIFIERS, "on", "last", "next", "this", "just", "for",
    "earlier", "later", "between", "a", "an", "one", "the",
}  # fmt: skip


def _phrase_pattern(phrases: set[str]) -> re.Pattern[str]:
    """Where a lead phrase starts, found as a lookahead so that phrases inside phrases are found too.

    "no fewer than" holds "fewer than": when the longer one cannot start a figure ("$no
    fewer than 5"), the shorter one still may.
    """
    return re.compile(rf"(?<![a-z0-9])(?=(?P<p>{trie_pattern(phrases, _space)})(?![a-z0-9]))")


def _space(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


_FIGURE_LEAD_RE = _phrase_pattern(_FIGURE_LEADS)
_TIME_LEAD_RE = _phrase_pattern(_TIME_LEADS)
#: What may stand between a lead phrase and its anchor: a sign, a currency, "by" (or "of") and a
#: hedge after a change word ("fell by more than -$"), and a "the" and a qualifier after a
#: preposition ("in the early 1990s").
_FIGURE_GAP = len(" by ") + max(len(w) for w in HEDGE_OF) + len(" negative can$ ")
_TIME_GAP = len(" the early ")
#: Slack for runs of spaces or line breaks inside and after a lead phrase.
_SPACE_SLACK = 8


def _reach(phrases: set[str], gap: int, tight: set[str]) -> dict[str, int]:
    """How far before an anchor each lead phrase may start a match; ``tight`` ones only right before it."""
    out = {p: len(p) + gap + _SPACE_SLACK for p in phrases}
    out.update({p: len(p) + 1 + _SPACE_SLACK for p in tight})
    return out


#: Per lead phrase (single-spaced), how far before the anchor it may start a match. An
#: article starts a figure only right before its anchor word ("a dozen", "a third").
_FIGURE_REACH = _reach(_FIGURE_LEADS, _FIGURE_GAP, {"a", "an", "the"})
_TIME_REACH = _reach(_TIME_LEADS, _TIME_GAP, {"a", "an", "one", "on", "just", "for", "next"})
# "this" and "last" stand before their anchor or before "past" and it ("this past summer").
_TIME_REACH["this"] = _TIME_REACH["last"] = len("this past ") + _SPACE_SLACK
#: How far a lead phrase may run past the anchor inside it ("as many as" holds "many"): the longest phrase.
_PAST_ANCHOR = max(len(p) for p in _FIGURE_LEADS | _TIME_LEADS)
#: How far before an anchor any lead word may start a match: the longest reach.
_LEAD_WINDOW = max(*_FIGURE_REACH.values(), *_TIME_REACH.values())
#: Characters a figure may start with right before its first digit: a currency, a sign, a decimal point.
_SYMBOL_LEADS = frozenset("$€£¥₹₪₩₽₺₦₴₱-−.")


@lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[str, tuple[int, ...]]:
    """The lowercased text and its anchor offsets (cached: figures and times are scanned from the same text)."""
    low = lower_same_length(text)
    return low, tuple(m.start() for m in _ANCHOR_RE.finditer(" " + low))


def _symbol_leads(low: str, a: int, floor: int) -> list[int]:
    """Where a figure may start among the symbols just before the digit at ``a``: "-$5", "US$ 5", ".08"."""
    out: list[int] = []
    j = a
    while j > floor:
        c = low[j - 1]
        if c in _SYMBOL_LEADS:
            j -= 1
        elif c in " \u00a0" and j - 2 >= floor and low[j - 2] in _SYMBOL_LEADS:
            j -= 1  # "$ 75 million"
            continue
        else:
            break
        out.append(j)
    k = j
    while k > floor and k > j - 3 and low[k - 1].isascii() and low[k - 1].isalpha():
        k -= 1
    if k < j and j < a and low[j] in "$£¥" and (k == 0 or not low[k - 1].isalnum()):
        out.append(k)  # "us$", "hk$"
    return sorted(out)


def _scan(
    pattern: re.Pattern[str],
    leads: re.Pattern[str],
    reach: dict[str, int],
    text: str,
    make: Callable[[re.Match[str]], T | None],
    symbols: bool,
) -> list[T]:
    """Leftmost non-overlapping items that ``make`` builds from ``pattern`` matches, tried only near anchors.

    Lead phrases are looked for in a window before each anchor (the windows cover less of
    a text than one pass over all of it would), and may run past the anchor they hold.
    """
    low, anchors = _prepared(text)
    out: list[T] = []
    last = 0
    for a in anchors:
        if a < last:
            continue
        floor = max(last, a - _LEAD_WINDOW)
        cands = [
            c
            for m in leads.finditer(low, floor, a + _PAST_ANCHOR)
            if (c := m.start()) < a and a - c <= (reach.get(p := m.group("p")) or reach[" ".join(p.split())])
        ]
        if symbols and a > floor and low[a].isdigit() and (
            low[a - 1] in _SYMBOL_LEADS or (low[a - 1] in " \u00a0" and a - 2 >= floor and low[a - 2] in _SYMBOL_LEADS)
        ):
            cands = sorted({*cands, *_symbol_leads(low, a, floor)})
        cands.append(a)
        for c in cands:
            if c < last:
                continue
            m = pattern.match(low, c)
            if m is not None and (item := make(m)) is not None:
                out.append(item)
                last = item.end
    return out


def time_maker(text: str) -> Callable[[re.Match[str]], TimeExpr | None]:
    """What a time match on the lowercased ``text`` becomes (shared with the tests' brute-force scan)."""
    return lambda m: time_from_match(m, text)


@lru_cache(maxsize=64)
def _times(text: str) -> tuple[TimeExpr, ...]:
    """All time expressions of ``text`` (cached: ``find_figures`` needs the dates too)."""
    return tuple(_scan(TIME_RE, _TIME_LEAD_RE, _TIME_REACH, text, time_maker(text), symbols=False))


def figure_maker(text: str, dates: list[tuple[int, int]], allow_lone_one: bool = False) -> Callable[[re.Match[str]], Figure | None]:
    """What a figure match on the lowercased ``text`` becomes, given the dates to keep out of.

    A match that crosses a date, or a range or ratio that does not hold, is read again
    at the same place without ranges and ratios, then from its first number: "from 5
    to 7 October" is the figure 5 and the date 7 October.
    """
    low = _prepared(text)[0]
    starts = [s for s, _ in dates]

    def clashes(s: int, e: int) -> bool:
        i = bisect_right(starts, s)
        return bool((i and dates[i - 1][1] > s) or (i < len(dates) and dates[i][0] < e))

    def make(m: re.Match[str]) -> Figure | None:
        if is_designation(low, m.start()):
            return None  # "737-800": a model name, neither a range nor a count
        fig = None if clashes(*m.span()) else figure_from_match(m, low, text, allow_lone_one)
        if fig is not None or not _compound(m):
            return fig
        first = next(m.start(g) for g in ("ra", "amt") if m.group(g) is not None)
        for pos in (m.start(), first):
            mm = SIMPLE_FIGURE_RE.match(low, pos)
            if mm is not None and not clashes(*mm.span()):
                return figure_from_match(mm, low, text, allow_lone_one)
        return None

    return make


_COMPOUND_GROUPS = ("rb", "rb3", "rb4", "rden", "snoun")


def _compound(m: re.Match[str]) -> bool:
    """Whether the match is a range, a ratio or a signed noun: what may be read again more simply."""
    return any(m.group(g) is not None for g in _COMPOUND_GROUPS)


# ---------------------------------------------------------------- public functions


def find_times(text: str) -> list[TimeExpr]:
    """Every date and time expression in running prose, left to right, non-overlapping.

    A bare year or month counts only after a preposition or a qualifier ("in 2023",
    "since October", "early 2023"), because on its own "2023" may be a count and "May"
    a verb. Decades ("the 1990s"), seasons ("spring 2024", "last summer") and spans of
    years ("between 2019 and 2023", "2023-24") are read whole.
    """
    return list(_times(text))


def find_figures(text: str) -> list[Figure]:
    """Every figure in running prose, left to right, non-overlapping, with its hedge and unit.

    Numbers inside dates ("October 7, 2023", "in 2023", "the 1990s") are left to
    ``find_times``; a lone "one" is skipped ("one of the disputes"). Ordinals are figures
    with the unit "ordinal" ("the first time", "21st", "third-largest") except in
    discourse: "at first", "first of all", "first and foremost", "first-hand", an
    enumerator opening a sentence ("First, ..."), and inside a capitalised name
    ("First Amendment", "Second World War"). Section numbers in headings are the
    caller's to leave out.
    """
    dates = [(t.start, t.end) for t in _times(text) if t.kind == "absolute"]
    return _scan(FIGURE_RE, _FIGURE_LEAD_RE, _FIGURE_REACH, text, figure_maker(text, dates), symbols=True)


_STRIP_LEAD = " \t\r\n\u00a0\u202f\"'“‘([«"
_STRIP_TRAIL = " \t\r\n\u00a0\u202f\"'”’)]».,;:!?"
# What may follow a figure in a whole-string parse: a counted noun phrase of up to four words.
_COUNTED_RE = re.compile(r"(?:\s+of(?:\s+the)?)?(?:\s+[^\W\d_][\w'’-]*){1,4}")
_PARTITIVE_RE = re.compile(r"\s+of(?!\w)")


def _stripped(text: str) -> tuple[str, int]:
    """The text without surrounding quotes, spaces and trailing punctuation, and its offset in ``text``."""
    body = text.lstrip(_STRIP_LEAD)
    lead = len(text) - len(body)
    return lower_same_length(body.rstrip(_STRIP_TRAIL)), lead


def parse_figure(text: str) -> Figure | None:
    """The figure that the whole string is, optionally followed by a counted noun; else None.

    For a claim or a page marker, whose text should be exactly one figure. Offsets
    are into ``text``. Unlike ``find_figures``, a lone "one" is a figure (value 1)
    unless partitive ("one of the disputes"), and a bare ordinal is one too.
    """
    body, lead = _stripped(text)
    m = FIGURE_RE.match(body)
    if m is None:
        return None
    original = text[lead : lead + len(body)]
    fig = figure_maker(original, [], allow_lone_one=True)(m)
    if fig is None or fig.start != 0:
        return None
    rest = body[fig.end :]
    if rest and (_COUNTED_RE.fullmatch(rest) is None or find_figures(original[fig.end :])):
        return None
    if fig.unit is None and fold_text(fig.text) == "one" and _PARTITIVE_RE.match(rest):
        return None
    return replace(fig, start=fig.start + lead, end=fig.end + lead)


def fold_text(text: str) -> str:
    """Lowercase, single-spaced: how a figure's words are compared."""
    return " ".join(text.lower().split())


def parse_time(text: str) -> TimeExpr | None:
    """The time expression that the whole string is ("on Tuesday", "October 2023", "2023"), else None.

    A leading preposition of a date is allowed and left out of the result's span;
    a qualifier ("early", "mid-", "late") is part of it. Offsets are into ``text``.
    """
    body, lead = _stripped(text)
    m = WHOLE_TIME_RE.fullmatch(body)
    if m is None:
        return None
    t = time_from_match(m, text[lead : lead + len(body)])
    return None if t is None else replace(t, start=t.start + lead, end=t.end + lead)
