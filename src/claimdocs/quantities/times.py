"""The time grammar: dates, spans of years, decades, seasons, and times relative to the article.

Nothing is resolved beyond what the text gives: "last year" stays "last year",
"early 2023" stays early 2023 (not 2023, which would let a page write "late 2023").
"""

from __future__ import annotations

import calendar
import re

import claimdocs.quantities.words as W
from claimdocs.quantities.core import TimeExpr
from claimdocs.quantities.figures import alt, fold

_MONTH_NAME = rf"(?<!\w)(?:{alt(k for k in W.MONTHS if len(k) > 4 or k in ('may', 'june', 'july'))})(?!\w)"
_MONTH_ANY = rf"(?:{_MONTH_NAME}|(?<!\w)(?:{alt(k for k in W.MONTHS if len(k) <= 4 and k != 'may')})(?:\.|(?!\w)))"
_DAY = r"(?<!\w)(?<!\d[.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![.:/]\d)"
_YEAR = r"\d{4}(?!\w)(?![.,:/]\d)"
_BARE_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\w)(?![.,:/]\d)"
_SEASON = alt(W.SEASONS)
# "the" belongs before a decade or a season only ("the 1990s", "the summer of 2024"), never "the 2023 attack".
_THE_BEFORE = rf"(?=\s+(?:(?:{alt(W.QUALIFIERS)})[-\s])?(?:\d{{3}}0['’]?s|(?:{_SEASON})\s+of\s))"
_QUAL = rf"(?P<qual>{alt(W.QUALIFIERS)})(?:\s+|-)"

_SPAN = rf"""(?:
    (?<![\w-])(?P<iprep>between)\s+(?P<i1>{_BARE_YEAR})\s+and\s+(?P<i2>{_BARE_YEAR})
  | (?<![\w-])(?P<iprep2>from)\s+(?P<i3>{_BARE_YEAR})\s+(?:to|until|through)\s+(?P<i4>{_BARE_YEAR}|\d\d(?!\w))
  | (?<![\w-])(?P<i5>{_BARE_YEAR})\s*[-–]\s*(?P<i6>{_BARE_YEAR}|\d\d(?!\w))(?![-–]?\d)
)"""

_ABSOLUTE = rf"""(?:
    (?P<prep>(?<![\w-])(?:(?:{alt(W.PREPOSITIONS)})(?:\s+the{_THE_BEFORE})?\s+|the{_THE_BEFORE}\s+))?
    (?P<date>(?<![\w-])
        (?:{_QUAL})?
        (?:
            (?P<dec>(?:1[0-9]|20)\d0)['’]?s(?!\w)
          | (?P<sea>{_SEASON})(?:\s+of)?\s+(?P<ys>{_BARE_YEAR})
          | (?P<m1>{_MONTH_ANY})\s*(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})
          | (?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH_ANY}),?\s+(?P<y2>{_YEAR})
          | (?P<m3>{_MONTH_ANY}),?\s+(?P<y3>{_YEAR})
          | (?P<m4>{_MONTH_ANY})\s*(?P<d4>{_DAY})
          | (?P<d5>{_DAY})\s+(?:of\s+)?(?P<m5>{_MONTH_ANY})
          | (?(prep)(?:(?P<y6>{_BARE_YEAR})|(?P<m6>{_MONTH_NAME}))|(?(qual)(?:(?P<y8>{_BARE_YEAR})|(?P<m8>{_MONTH_NAME}))|(?!)))
        )
    )
)"""

# "in the spring": the preposition is left out of the span, so it is looked for behind "the".
_AFTER_SEASON_PREPOSITION = "(?:" + "|".join(rf"(?<=(?<![\w-]){re.escape(p)}\s)" for p in W.SEASON_PREPOSITIONS) + ")"
_PERIOD = rf"(?:week|weekend|month|year|{_SEASON})"
_RELATIVE_FORMS = rf"""(?P<rel>(?<![\w-])(?:
    (?:(?:on|last|next|this)\s+)?(?:{alt(W.WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?
  | (?:(?:{alt(W.QUALIFIERS)})(?:\s+|-)|(?:earlier|later)\s+)?(?<!the\s)(?:this|last|next)\s+{_PERIOD}
  | (?:earlier|later)\s+that\s+(?:day|week|month|year)
  | (?:this|last)\s+past\s+{_PERIOD}
  | (?:an?|one)\s+(?:week|month|year|decade|century)\s+(?:ago|earlier|later|before|prior)
  | (?:just\s+)?(?:days|weeks|months|years|decades)\s+(?:prior|earlier|ago|later)
  | (?:in\s+)?recent\s+(?:days|weeks|months|years)
  | the\s+(?:{alt(W.RELATIVE_PERIOD_WORDS)})\s+(?:decade|century|{_PERIOD}|few\s+(?:decades|years|months|weeks|days))(?!\s+of(?!\w))
  | {{season_lead}}the\s+(?:spring|summer|autumn|winter|fall(?!\s+in(?!\w)))(?!\s+of(?!\w))
  | for\s+(?:decades|years|months|weeks)
  | decades
)(?!\w))"""

# In prose "the" and a season is a time only after a preposition ("in the spring", not "the
# summer heat"); a whole string may be the season alone, or start with the preposition.
_RELATIVE = _RELATIVE_FORMS.replace("{season_lead}", _AFTER_SEASON_PREPOSITION)
_WHOLE_RELATIVE = rf"(?:(?:{alt(W.SEASON_PREPOSITIONS)})\s+(?=the\s))?" + _RELATIVE_FORMS.replace("{season_lead}", "")

TIME_RE = re.compile(rf"{_SPAN}|{_ABSOLUTE}|{_RELATIVE}", re.VERBOSE)
# For a whole string a bare year or month is a date even without a preposition.
WHOLE_TIME_RE = re.compile(
    rf"{_SPAN}|{_ABSOLUTE}|{_WHOLE_RELATIVE}|(?P<y7>{_BARE_YEAR})|(?P<m7>{_MONTH_NAME})", re.VERBOSE
)
_REL_LEAD_RE = re.compile(r"^(?:(?:on|in|for|just)\s+)+")
_MONTH_GROUPS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8")
_DAY_GROUPS = ("d1", "d2", "d4", "d5")
_YEAR_GROUPS = ("y1", "y2", "y3", "y6", "y7", "y8", "ys")
_FALL_RE = re.compile(r"\bfall\b")


def _relative(m: re.Match[str], text: str) -> TimeExpr:
    """A relative time, compared by its folded words ("mid-" as "mid", "fall" as "autumn")."""
    s, e = m.span("rel")
    canonical = _REL_LEAD_RE.sub("", fold(m.group("rel")).replace("-", " "))
    if "fall" in canonical:
        canonical = _FALL_RE.sub("autumn", canonical)
    return TimeExpr(text[s:e], s, e, "relative", None, None, None, canonical)


def _span_of_years(m: re.Match[str], text: str) -> TimeExpr | None:
    first = next(g for g in ("i1", "i3", "i5") if m.group(g))
    second = {"i1": "i2", "i3": "i4", "i5": "i6"}[first]
    y1, y2_text = int(m.group(first)), m.group(second)
    y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
    if not y1 < y2:
        return None
    s, e = m.start(first), m.end(second)
    return TimeExpr(text[s:e], s, e, "absolute", None, None, None, f"{y1}/{y2}")


def time_from_match(m: re.Match[str], text: str) -> TimeExpr | None:
    """The TimeExpr for a match on the lowercased ``text``; None for "may 7", "February 30" or "2023-2019"."""
    if m.group("rel") is not None:
        return _relative(m, text)
    if m.group("i1") or m.group("i3") or m.group("i5"):
        return _span_of_years(m, text)
    groups = m.groupdict()
    qual = groups.get("qual")
    prefix = f"{qual} " if qual else ""
    group = "date" if groups.get("date") is not None else ("y7" if groups.get("y7") else "m7")
    s, e = m.span(group)
    if groups.get("dec"):
        return TimeExpr(text[s:e], s, e, "absolute", None, None, None, f"{prefix}{groups['dec']}s")
    if groups.get("sea"):
        season_year = int(groups["ys"])
        canonical = f"{prefix}{W.SEASONS[groups['sea']]} {season_year}"
        return TimeExpr(text[s:e], s, e, "absolute", season_year, None, None, canonical)
    month_group = next((g for g in _MONTH_GROUPS if groups.get(g)), None)
    day_text = next((groups[g] for g in _DAY_GROUPS if groups.get(g)), None)
    year_text = next((groups[g] for g in _YEAR_GROUPS if groups.get(g)), None)
    month = None
    if month_group is not None:
        name = groups[month_group].rstrip(".")
        if name in W.AMBIGUOUS_MONTHS and text[m.start(month_group)].islower():
            return None  # "may" the verb, "march" the noun
        month = W.MONTHS[name]
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
    return TimeExpr(text[s:e], s, e, "absolute", year, month, day, prefix + canonical)
