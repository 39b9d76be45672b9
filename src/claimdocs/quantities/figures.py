"""The figure grammar: one regular expression for every figure form, and the code that values a match.

A figure is, at one position: an optional signed-change word ("fell", "up") or a
hedge before it, then a *body* (a range, a fraction, a multiplier, an ordinal, a
counted "a decade", or an *amount*: currency, number, scale and unit, with a hedge
after it), or else a vague quantity. The regular expression only delimits the
parts; the values are computed here, from the parts' text, so that "$5-7bn" and
"between 5 and 7 percent" can share a scale or a unit between their two ends.

All patterns are lowercase and matched against a lowercased copy of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import claimdocs.quantities.words as W
from claimdocs.quantities.core import (
    HEDGE_WORDS,
    HEDGE_WORDS_AFTER,
    HEDGES_AFTER_AT_CLAUSE_END,
    VAGUE_ALIASES,
    Figure,
    Hedge,
)
from claimdocs.text import trie_pattern


def _escape(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def alt(items: Iterable[str]) -> str:
    """Words as one trie-shaped regex, longest first (see ``trie_pattern``); a space matches any run of spaces.

    A trie fails at the first letter that no word continues, where an alternation
    would try every word: most tries of the figure pattern are at words that start
    no figure at all ("the", "from", "up").
    """
    return trie_pattern(items, _escape)


# ---------------------------------------------------------------- numbers

_ORD_UNIT = alt(W.ORDINAL_UNITS)
# Word numbers below 100: "seven", "seventeen", "seventy", "seventy-seven", "seventy seven".
W99 = (
    rf"(?:(?:{alt(W.TENS)})(?:(?:-|\s+)(?:{alt(W.UNITS)}))?(?!(?:-|\s+)(?:{_ORD_UNIT})(?!\w))"
    rf"|{alt(W.TEENS)}|{alt(W.UNITS)}|zero)(?!\w)"
)
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|dozen)(?!\w)"
# Below 1000 with a hundreds group: "a hundred", "two hundred and fifty", "twelve hundred".
_W999H = rf"(?:{W99}|an?)\s+hundred(?:\s+(?:and\s+)?{W99})?(?!\w)"
_W999 = rf"(?:{_W999H}|{W99})"
# What may follow a thousands group: "two thousand and two hundred" (2,200), "... and five".
_AFTER_THOUSAND = rf"(?:\s+(?:(?:and\s+)?{_W999H}|and\s+{W99}))?"
# Whole word numbers, written as one head ("two", "a") with what may follow it, so that the head
# is read once. After a scale word only a hundreds group or "and N" may follow, so that "two
# million three sources" cannot read as 2,000,003. "a"/"an" alone is no number.
# "and a half", "and a quarter", "and three quarters" after a whole number: "two and a half million".
_AND_PART = r"\s+and\s+(?:a\s+(?:half|quarter|third)|three\s+quarters)(?!\w)"
_HUNDREDS = rf"\s+hundred(?!\w)(?:\s+(?:and\s+)?{W99})?"
_BIG = rf"""\s+(?:
    (?:trillion|billion|million)(?!\w)(?:\s+(?:{_W999}\s+thousand(?!\w){_AFTER_THOUSAND}|(?:and\s+)?{_W999H}|and\s+{W99}))?
  | thousand(?!\w){_AFTER_THOUSAND}
  | dozen(?!\w)
)"""
# "a"/"an" only before a scale word, and never alone (the look-behinds): "a hundred", "a dozen".
# One head, so that the long tail (_BIG) is written once: the pattern compiles at every start.
_WNUM = rf"""(?:
    (?:{W99}|an?(?=\s+{_SCALE_WORD}))(?:{_HUNDREDS})?(?:{_AND_PART}(?:\s+{_SCALE_WORD})?|{_BIG})?(?<!\ba)(?<!\ban)
)"""
# Digits: thousands by commas or by (no-break) spaces, decimals, ".08"; never part of "F-16",
# "10:30", "1.2.3", "2023-24" or a number with a leading zero (an identifier, a phone number).
_SEP = "[ \u00a0\u202f\u2009]"


def _digits(after_dash: bool = False) -> str:
    """Digits; ``after_dash`` for the far end of a dash range, where "10-" may precede them."""
    guard = "" if after_dash else r"(?<![\w.])(?<!\w-)(?<!\d[,:/])"
    return (
        rf"(?:{guard}(?!0\d)(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)|\d+)(?:\.\d+)?"
        rf"|(?<![\w.,])\.\d+)(?![.,:/]\d)"
    )


DIGITS = _digits()
_SUFFIX = rf"(?:\s?(?:{alt(W.SPACED_SCALE_SUFFIXES)})|{alt(W.SCALE_SUFFIXES)})"
# Fractions are not counts: "two-thirds of voters" holds no figure 2.
_NOT_FRACTION = rf"(?![-\s](?:{alt(W.PLURAL_DENOMINATORS)}|{alt(W.DENOMINATORS)})(?!\w))"


def _unit_alt() -> str:
    words = [w for table in (W.UNIT_WORDS, W.UNIT_ABBREVIATIONS) for ws in table.values() for w in ws]
    return alt(words + list(W.CURRENCY_NOUNS) + _qualified_currencies())


# Units written glued to digits: every abbreviation, and "p" (pence: "50p"). A number may be
# followed by letters only when they are one of these ("10am" and "F16" are no figures).
_GLUED = alt([w for ws in W.UNIT_ABBREVIATIONS.values() for w in ws if " " not in w] + ["p"])


def _qualified_currencies() -> list[str]:
    out = []
    for noun, adjectives in W.CURRENCY_ADJECTIVES.items():
        plural = {"real": "reals", "lira": "lira", "yen": "yen", "yuan": "yuan", "won": "won", "krona": "kronor",
                  "krone": "kroner", "markka": "markka"}.get(noun, noun + "s")  # fmt: skip
        out += [f"{adj} {form}" for adj in adjectives for form in {noun, plural}]
    return out


# "half a" and "half an" count as 0.5 before these: "half a percentage point", "half an hour".
_HALF_UNITS = alt(["percentage point", "point", "percent", "year", "month", "week", "day", "hour", "minute",
                   "decade", "century"])  # fmt: skip
def _number(digits: str) -> str:
    """A number in digits or words; ``digits`` is the digit pattern (guarded when finding, not when valuing)."""
    return rf"""(?:
    {digits}(?:{_AND_PART})?(?:\s+{_SCALE_WORD}|{_SUFFIX}(?!\w))?(?=(?:{_GLUED})(?!\w)|(?!\w))
  | half\s+an?(?:\s+{_SCALE_WORD}|(?=[-\s]+(?:{_HALF_UNITS})(?!\w)))
  | {_WNUM}
){_NOT_FRACTION}"""


NUMBER = _number(DIGITS)

#: Digits only (with a scale): the far end of a dash range ("10-15", "$5bn-$7bn"); the near end
#: is checked to be digits too, so that "one-two" and "twenty-five" are never ranges.
_NUMBER_DIGITS_AFTER_DASH = rf"(?:{_digits(after_dash=True)}(?:\s+{_SCALE_WORD}|{_SUFFIX}(?!\w))?(?!\w))"

# ---------------------------------------------------------------- amounts: currency, sign, number, unit

_SYMBOLS = "$€£¥₹₪₩₽₺₦₴₱"
# A symbol or a code stands before digits, at most one space away ("$ 75 million", "USD 40m"), never
# before a word number ("$ one").
_CUR_PREFIX = rf"(?:(?:{alt(k for k in W.CURRENCY_SYMBOLS if len(k) > 1)}|[{re.escape(_SYMBOLS)}]|{alt(W.CURRENCY_CODES)})[ \u00a0]?(?=[\d.]))"
_SIGN = r"(?:(?:minus|negative)\s+|(?<![\w.,\d-])[-−](?=[\d.$€£¥₹₪₩₽₺₦₴]))"
_UNIT = rf"(?:\s?%|[-\s](?:{_unit_alt()})(?!\w)|(?<=\d)(?:{_GLUED})(?!\w)|\s(?:{alt(W.CURRENCY_CODES)})(?!\w))"
_REL_WORDS = [w for u in W.RELATIVE_UNITS for w in (*W.UNIT_WORDS[u], *W.UNIT_ABBREVIATIONS[u])]
_REL_UNIT = rf"(?:\s?%|[-\s]?(?<=[\d\s-])(?:{alt(_REL_WORDS)})(?!\w))"
#: A hedge after a number written in words ("or more", "at most"): what may follow any figure.
_AFTER_WORDS = (
    rf"\s+(?:(?:{alt(w for ws in HEDGE_WORDS_AFTER.values() for w in ws if w not in (*HEDGES_AFTER_AT_CLAUSE_END, 'plus', '+'))})(?!\w)"
    rf"|(?:{alt(HEDGES_AFTER_AT_CLAUSE_END)})(?=\s*[.,;:!?)\]]|\s*$))"
)
#: Any hedge after an amount: also "20-plus", "20 plus years" (not "10 plus 5") and "20+".
_AFTER = rf"(?:{_AFTER_WORDS}|(?:-|\s+)plus(?!\w)(?!\s*(?:\d|{W99}))|\+(?![\d.]))"


def _amount(named: bool, unit: str = _UNIT, after: bool = True, need_unit: bool = False, number: str = NUMBER) -> str:
    """An amount: sign, currency, number, unit and (optionally) a hedge after it, between or after the unit."""

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    opt = "" if need_unit else "?"
    tail = rf"(?:{g('ph1', _AFTER)})?{g('unit', unit)}{opt}(?:{g('ph2', _AFTER)})?" if after else f"{g('unit', unit)}{opt}"
    return rf"{g('sign', _SIGN)}?{g('cur', _CUR_PREFIX)}?{g('num', number)}{tail}"


#: Values an amount already delimited by a figure match (so without the guards that find one).
AMOUNT_RE = re.compile(_amount(named=True, number=_number(_digits(after_dash=True))), re.VERBOSE)
_AMOUNT = _amount(named=False)
_BARE = _amount(named=False, after=False)
_BARE_DIGITS_AFTER_DASH = _amount(named=False, after=False, number=_NUMBER_DIGITS_AFTER_DASH)
#: A percent or point amount: what a signed change ("fell 3%", "down 2.5 points") is made of.
_REL = _amount(named=False, unit=_REL_UNIT, need_unit=True)

# ---------------------------------------------------------------- the other bodies

_DEN = alt(W.DENOMINATORS)
_DENS = alt(W.PLURAL_DENOMINATORS)
_FRACTION = rf"""(?:
    (?:{W99})[-\s]+(?:{_DENS})(?!\w)
  | (?:one|an?)-(?:{_DEN})(?![\w-])
  | (?:one|an?)\s+quarter(?![\w-])
  | (?:one|an?)\s+(?:{_DEN})(?![\w-])(?=\s+of(?!\w)|\s*[.,;:!?)\]]|\s*$|{_AFTER_WORDS})
  | half(?=\s+(?:of|the|its|their|his|her|our|your|all|them|those|these|that|this)(?!\w)|\s*[.,;:!?)\]]|\s*$|{_AFTER_WORDS})
  | (?<![\w./-])\d/(?:10|[2-9])(?![\w/]|[.,]\d)
)"""
# "one in four", "1 in 5", "nine out of every ten": a share, never the figure 4.
_RATIO_DEN = rf"(?:{W99}|an?\s+(?:hundred|thousand|million)(?!\w)|\d{{1,3}}(?:,\d{{3}})*(?![\d.,]\d|\w))"
_RATIO_TAIL = (
    rf"\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<rden>{_RATIO_DEN})"
    r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)(?!\w))"
)
_MULTIPLIER = rf"""(?:
    twice(?:\s+as\s+(?:many|much))?
  | half\s+as\s+(?:many|much)
  | (?:{W99}|\d+(?:\.\d+)?)\s+times(?:\s+as\s+(?:many|much))?
  | (?:{alt(W.FOLD_WORDS)})
  | (?:{W99}|\d+(?:\.\d+)?)[-\s]fold
  | (?:{alt(w for w in W.MULTIPLIER_WORDS if w.endswith(("ed", "ing")))})(?!\s+down)
  | (?:{alt(W.MULTIPLIER_ADJECTIVES)})(?=\s+(?:the|that|this|its|their|his|her|our|your|what|those|these|in|from|since|a|an)(?!\w)|\s*[.,;:!?)]|\s*$|{_AFTER_WORDS})
)(?!\w)"""
_ORD99 = rf"(?:(?:{alt(W.TENS)})[-\s](?:{_ORD_UNIT})|{alt(k for k in W.ORDINAL_WORDS if not k.endswith(('hundredth', 'thousandth', 'millionth', 'billionth')))})"
_ORDINAL = rf"""(?:
    (?<![\w.,])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:st|nd|rd|th)
  | (?:{W99}|an?)\s+hundred(?:\s+and)?\s+{_ORD99}
  | (?:(?:{_W999}|an?)\s+)?(?:hundredth|thousandth|millionth|billionth)
  | {_ORD99}
)(?!\w)"""
# Counted time without a number: "a decade", "a century" (not "a decade ago", which is a time).
_COUNTED = r"an?\s+(?:decade|century)(?!\w)(?!\s+(?:ago|earlier|later|before|prior)(?!\w))"

_VAGUE = r"""(?:
    (?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)
  | (?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million|billion)s?
  | (?:a|the)\s+majority
  | scores(?=\s+of(?!\w))
  | dozens | hundreds | thousands | millions | billions | many | several | a\s+few
)(?!\w)"""
_CURRENCY_NOUN = rf"(?:{alt(list(W.CURRENCY_NOUNS) + _qualified_currencies())})(?!\w)"

HEDGE_OF: dict[str, Hedge] = {
    word: hedge for hedge, words in HEDGE_WORDS.items() if hedge not in (Hedge.VAGUE, Hedge.RANGE) for word in words
}
_HEDGE_AFTER_OF: dict[str, Hedge] = {w: h for h, ws in HEDGE_WORDS_AFTER.items() for w in ws}
_HEDGE = alt(HEDGE_OF)
_SIGN_WORD = alt(W.FALL_WORDS + W.RISE_WORDS + W.FALL_NOUNS + W.RISE_NOUNS)
_SIGN_NOUN = alt(W.FALL_NOUNS + W.RISE_NOUNS + W.FALL_AFTER + W.RISE_AFTER)
#: What makes a change a fall (the rest are rises).
_FALLS = frozenset(W.FALL_WORDS + W.FALL_NOUNS + W.FALL_AFTER)

_BODY = rf"""(?:
    (?:(?P<btw>between)|from)\s+(?P<ra>{_BARE})\s+(?(btw)and|(?:to|until|through))\s+(?P<rb>{_BARE})
  | (?:(?P<frac>{_FRACTION})|(?P<mult>{_MULTIPLIER})|(?P<counted>{_COUNTED}))(?P<fh>{_AFTER_WORDS})?
  | (?P<ord>{_ORDINAL})
  | (?P<amt>{_AMOUNT})(?:
        (?:\s+(?:to|through)\s+|,?\s+(?:and|but)\s+(?P<hedge2>{_HEDGE})\s+)(?P<rb3>{_BARE})(?![-–]?\d)
      | \s*[-–]\s*(?P<rb4>{_BARE_DIGITS_AFTER_DASH})(?![-–]?\d)
      | {_RATIO_TAIL}(?!\w)(?P<rh>{_AFTER_WORDS})?
      | [-\s](?P<snoun>{_SIGN_NOUN})(?!\w)
    )?
)"""

FIGURE_RE = re.compile(
    rf"""(?<![\w{re.escape(_SYMBOLS)}])(?<!\w-)(?:
        (?P<sword>{_SIGN_WORD})\s+(?:(?:by|of)\s+)?(?:(?P<shedge>{_HEDGE})\s+)?(?P<srel>{_REL})
      | (?:(?P<hedge>{_HEDGE})\s+)?{_BODY}
      | (?P<vague>{_VAGUE})(?:\s+of\s+(?P<vcur>{_CURRENCY_NOUN}))?
    )""",
    re.VERBOSE,
)
#: The same grammar without ranges and ratios: what is read instead when a range's ends are
#: out of order ("from 28 to 20"), a ratio is not a share ("5 in 3"), or a range runs into a date.
SIMPLE_FIGURE_RE = re.compile(
    rf"""(?<![\w{re.escape(_SYMBOLS)}])(?<!\w-)(?:
        (?P<sword>{_SIGN_WORD})\s+(?:(?:by|of)\s+)?(?:(?P<shedge>{_HEDGE})\s+)?(?P<srel>{_REL})
      | (?:(?P<hedge>{_HEDGE})\s+)?(?:
            (?:(?P<frac>{_FRACTION}) | (?P<mult>{_MULTIPLIER}) | (?P<counted>{_COUNTED}))(?P<fh>{_AFTER_WORDS})?
          | (?P<ord>{_ORDINAL}) | (?P<amt>{_AMOUNT})
        )
      | (?P<vague>{_VAGUE})(?:\s+of\s+(?P<vcur>{_CURRENCY_NOUN}))?
    )""",
    re.VERBOSE,
)

# ---------------------------------------------------------------- values

_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+")
_WS_RE = re.compile(r"\s+")
_THOUSANDS_SEP_RE = re.compile(rf"(?<=\d){_SEP}(?=\d{{3}}(?!\d))")
_AND_PART_RE = re.compile(r"\band (a half|a quarter|a third|three quarters)\b")
_PARTS = {"a half": Decimal("0.5"), "a quarter": Decimal("0.25"), "a third": Decimal(1) / 3, "three quarters": Decimal("0.75")}
_HALF_A_RE = re.compile(r"^half an?\b")
_PLAIN_NUMBER_RE = re.compile(r"[\d,]*\.?\d+")
_SCALE_TOKENS: dict[str, int] = {**W.SCALES, **W.SCALE_SUFFIXES}


def fold(text: str) -> str:
    """Lowercase with single ASCII spaces: the normalised form of hedge and vague words."""
    return _WS_RE.sub(" ", text).strip().lower()


def number_value(text: str) -> tuple[float, int]:
    """The value of a string matched by ``NUMBER``, and the scale it ends with (1 if none).

    Decimal inside, so "2.3 million" is exact; the scale lets "$5-7bn" lend its
    "bn" to the 5.
    """
    if _PLAIN_NUMBER_RE.fullmatch(text):
        return float(Decimal(text.replace(",", ""))), 1
    folded = _THOUSANDS_SEP_RE.sub("", fold(text).replace("-", " "))
    part = _AND_PART_RE.search(folded)
    words = _HALF_A_RE.sub("0.5", _AND_PART_RE.sub("", folded))
    total = Decimal(0)
    current = Decimal(0)
    scale = 1
    for tok in _TOKEN_RE.findall(words):
        scale = 1
        if tok[0].isdigit() or tok[0] == ".":
            current += Decimal(tok.replace(",", ""))
        elif tok in W.WORD_VALUES:
            current += W.WORD_VALUES[tok]
        elif tok in ("a", "an"):
            current += 1
        elif tok == "hundred":
            current = (current or Decimal(1)) * 100
        elif tok == "dozen":
            current = (current or Decimal(1)) * 12
        elif tok in _SCALE_TOKENS:
            scale = _SCALE_TOKENS[tok]
            total += (current or 1) * scale
            current = Decimal(0)
        # "and" carries no value
    if part is not None:  # "two and a half million": the part joins the number before the scale
        if scale > 1:
            total += _PARTS[part.group(1)] * scale
        else:
            current += _PARTS[part.group(1)]
    return float(total + current), scale


def _currency(noun: str) -> str:
    """The unit of a currency name after a number, with or without a country adjective."""
    if noun in W.CURRENCY_NOUNS:
        return "currency:" + W.CURRENCY_NOUNS[noun]
    for adjectives in W.CURRENCY_ADJECTIVES.values():
        for adj, code in adjectives.items():
            if noun.startswith(adj + " "):
                return "currency:" + code
    return "currency:" + noun  # not reached: every name the pattern reads is in a table


_UNIT_OF: dict[str, str] = {w: unit for table in (W.UNIT_WORDS, W.UNIT_ABBREVIATIONS) for unit, ws in table.items() for w in ws}


def _unit(text: str) -> str:
    """The canonical unit of a unit as written after a number."""
    word = fold(text).lstrip("-").strip()
    if word == "%":
        return "percent"
    if word in ("p",):
        return "currency:GBX"
    if word in _UNIT_OF:
        return _UNIT_OF[word]
    if word.replace("-", " ") in _UNIT_OF:
        return _UNIT_OF[word.replace("-", " ")]
    if word in W.CURRENCY_CODES:
        return "currency:" + W.CURRENCY_CODES[word]
    return _currency(word)


def _prefix_currency(text: str) -> str:
    key = text.strip()
    if key in W.CURRENCY_SYMBOLS:
        return "currency:" + W.CURRENCY_SYMBOLS[key]
    return "currency:" + W.CURRENCY_CODES[key]


class Amount:
    """An amount's parts, valued: what a range's ends and a single figure are made of."""

    __slots__ = ("end", "hedge_after", "scale", "scaled", "start", "unit", "value")

    def __init__(self, low: str, start: int, end: int) -> None:
        m = AMOUNT_RE.fullmatch(low, start, end)
        assert m is not None, low[start:end]  # the amount was matched by the same grammar
        self.start, self.end = start, end
        value, self.scale = number_value(m["num"])
        self.value = -value if m["sign"] else value
        self.unit: str | None = _prefix_currency(m["cur"]) if m["cur"] else (_unit(m["unit"]) if m["unit"] else None)
        after = m["ph1"] or m["ph2"]
        self.hedge_after = fold(after).lstrip("-") if after else None
        #: Whether the number has a scale of its own (the 5 of "$5-7bn" has none: it takes the 7's).
        self.scaled = self.scale > 1 or _SCALED_RE.search(m["num"]) is not None


# ---------------------------------------------------------------- figures from matches

_SCALED_RE = re.compile(r"hundred|thousand|million|billion|trillion|dozen")
_FRACTION_PARTS_RE = re.compile(rf"^(?:(?P<n>.+?)[-\s]+(?P<d>{_DENS}|{_DEN})|(?P<half>half)|(?P<a>\d+)/(?P<b>\d+))$")
_ORDINAL_DIGITS_RE = re.compile(r"^([\d,]+)(?:st|nd|rd|th)$")
_ORDINAL_WORD_RE = re.compile(alt(W.ORDINAL_WORDS))
#: Words before "half" that make it a part, not a share: "the second half of the year".
_NOT_SHARE_BEFORE = frozenset({
    "the", "other", "latter", "former", "front", "back", "top", "bottom", "upper", "lower", "better",
    "opening", "closing", "last", *W.ORDINAL_WORDS,
})  # fmt: skip
_PREV_WORD_RE = re.compile(r"([a-z]+)[\s\u00a0]+$")
#: "first" and the other ordinals in discourse, not counting: "at first", "first of all",
#: "first and foremost", "first-hand", "second-guess", and an enumerator opening a sentence
#: ("First, ..."; "Second, ..."). Ordinals inside a capitalised name ("First Amendment",
#: "Second World War") are part of the name. Everywhere else ("the first time", "a second
#: term", "21st", "third-largest") an ordinal is a figure.
_ORDINAL_AFTER_IDIOM_RE = re.compile(r"\s+of\s+all(?!\w)|\s+and\s+foremost(?!\w)|\s+off(?!\w)|-(?:hand|guess)(?!\w)")
_ENUMERATOR_BEFORE_RE = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(*+-]*$")


def _prev_word(low: str, start: int) -> str | None:
    """The word right before ``start`` (only spaces between), if any."""
    m = _PREV_WORD_RE.search(low, max(0, start - 24), start)
    return m.group(1) if m else None


def _ordinal_in_discourse(low: str, text: str, start: int, end: int) -> bool:
    """Whether the ordinal word at ``start`` is discourse or part of a name rather than a figure."""
    if not low[start].isalpha():
        return False  # "21st": digits are never discourse
    if _prev_word(low, start) == "at" and low[start:end] == "first":
        return True
    if _ORDINAL_AFTER_IDIOM_RE.match(low, end):
        return True
    if low.startswith(",", end) and _ENUMERATOR_BEFORE_RE.search(low, max(0, start - 8), start):
        return True
    nxt = re.match(r"[ \u00a0]+([^\W\d_])", text[end : end + 4])
    return text[start].isupper() and nxt is not None and nxt.group(1).isupper()


def _ordinal_value(text: str) -> float:
    m = _ORDINAL_DIGITS_RE.match(text)
    if m:
        return float(m.group(1).replace(",", ""))
    return number_value(_ORDINAL_WORD_RE.sub(lambda w: W.ORDINAL_WORDS[w.group()], text))[0]


def _fraction_value(text: str) -> float:
    m = _FRACTION_PARTS_RE.match(fold(text))
    assert m is not None, text
    if m["half"]:
        return 0.5
    if m["a"]:
        return float(Fraction(int(m["a"]), int(m["b"])))
    den = m["d"]
    d = W.PLURAL_DENOMINATORS.get(den) or W.DENOMINATORS[den]
    n = 1 if m["n"] in ("a", "an", "one") else int(number_value(m["n"])[0])
    return float(Fraction(n, d))


def _multiplier_value(text: str) -> float:
    word = fold(text)
    if word.startswith("twice"):
        return 2.0
    if word.startswith("half"):
        return 0.5
    if word in W.FOLD_WORDS:
        return float(W.FOLD_WORDS[word])
    if word in W.MULTIPLIER_WORDS:
        return float(W.MULTIPLIER_WORDS[word])
    head = re.split(r"[-\s](?:times|fold)\b", word)[0]
    return number_value(head)[0]


def _vague_interval(word: str) -> tuple[float | None, float | None]:
    """A rough range for a vague quantity, so callers can test whether an exact figure fits it.

    ``Xs`` is 2X..10X-1 ("thousands": 2,000-9,999), ``tens of Xs`` 20X..100X-1,
    ``hundreds of Xs`` 200X..1000X-1; "dozens" is 24-99, "scores" 40-199, a
    majority a share above one half (0.5, 1.0]; "a few X" 2X..6X-1, "several X"
    3X..10X-1, "many Xs" 2X..10X-1. Bare "many", "several" and "a few" have none.
    """
    word = VAGUE_ALIASES.get(word, word)
    fixed = {"a majority": (0.5, 1.0), "dozens": (24.0, 99.0), "scores": (40.0, 199.0)}
    if word in fixed:
        return fixed[word]
    parts = word.split(" ")
    if parts[-1] in W.PLURAL_SCALES and (len(parts) == 1 or parts[:2] in (["tens", "of"], ["hundreds", "of"])):
        base = W.PLURAL_SCALES[parts[-1]] * {1: 1, 3: 10 if parts[0] == "tens" else 100}[len(parts)]
        return float(2 * base), float(10 * base - 1)
    scale = parts[-1].removesuffix("s")
    if len(parts) > 1 and (scale in ("dozen", "hundred") or scale in W.SCALES):
        base = {"dozen": 12, "hundred": 100}.get(scale) or W.SCALES[scale]
        lo, hi = {"a few": (2, 5), "several": (3, 9), "many": (2, 9)}[" ".join(parts[:-1])]
        return float(lo * base), float((hi + 1) * base - 1)
    return None, None


def _range(a: Amount, b: Amount) -> tuple[float, float, str | None] | None:
    """A range's two ends and unit; None when the ends are out of order or in different units."""
    lo, hi = a.value, b.value
    if not a.scaled and b.scale > 1 and lo < hi / b.scale:
        lo *= b.scale  # "$5-7bn", "between 5 and 7 million"
    if (a.unit and b.unit and a.unit != b.unit) or a.hedge_after or not lo < hi:
        return None
    return lo, hi, a.unit or b.unit


#: "over" a time as a span ("spread over three years", "rose 12% over three years"): after a
#: word of :data:`words.OVER_SPAN_AFTER` or a figure (a digit, a percent sign, a scale word),
#: and not before a word of :data:`words.OVER_BOUND_AFTER`.
_OVER_SPAN_BEFORE_RE = re.compile(
    rf"(?:(?<![a-z])(?:{alt(W.OVER_SPAN_AFTER)}|{alt(W.SCALES)}|per\s?cent|percent|points)|\d[a-z]{{0,2}}|%)\s+$"
)
_OVER_BOUND_AFTER_RE = re.compile(rf"\s+(?:{alt(W.OVER_BOUND_AFTER)})(?!\w)")


def _over_a_span(low: str, start: int, end: int) -> bool:
    """Whether "over" at ``start`` and the time up to ``end`` is the time something is spread across."""
    return _OVER_BOUND_AFTER_RE.match(low, end) is None and bool(
        _OVER_SPAN_BEFORE_RE.search(low, max(0, start - 24), start)
    )


#: A model name written as a number, a hyphen and a round hundred ("737-800", "747-400", "777-300ER"):
#: a designation, not a range or a count. A range's first end in news prose is round ("700-800",
#: "150-200", "175-200"), so a first end not a multiple of five is read as a name.
_DESIGNATION_RE = re.compile(r"[1-9]\d(?:[1-46-9])-[1-9]00(?:[a-z]{1,3})?(?![\w-]|[.,]\d)")  # not "101-500,000"


def is_designation(low: str, start: int) -> bool:
    """Whether a model name like "737-800" starts at ``start`` of the lowercased text."""
    return _DESIGNATION_RE.match(low, start) is not None


_METRES_RE = re.compile(rf"\dm[-\s](?:{alt(W.METRE_CONTEXT)})(?!\w)")
_DIGIT_START_RE = re.compile(r"[-−]?[$€£¥₹₪₩₽₺₦₴₱a-z]*\s?[\d.]")
_PLAIN_COUNT_RE = re.compile(rf"(?:{W99}|\d{{1,3}})")


def _signed(a: Amount, word: str) -> tuple[float, Literal["rise", "fall"]]:
    """A change's value and direction, both from its word: a fall is negative, a rise positive (for the verb and the noun)."""
    return (-abs(a.value), "fall") if fold(word) in _FALLS else (abs(a.value), "rise")


def figure_from_match(m: re.Match[str], low: str, text: str, allow_lone_one: bool) -> Figure | None:
    """The Figure for a match on ``low`` (the lowercased ``text``); None when the match is no figure.

    None for a lone "one" unless allowed ("one of the disputes"), for an ordinal in
    discourse or a name, for "half" after "the second", and for a range or ratio that
    does not hold (the caller then reads the simpler figure at the same place).
    """
    start, end = m.span()
    g = m.groupdict()  # the simpler grammar lacks the range and ratio groups: read them with .get

    def fig(value: float | None, hedge: Hedge, unit: str | None, word: str | None = None,
            low_: float | None = None, high_: float | None = None, vague: str | None = None,
            change: Literal["rise", "fall"] | None = None) -> Figure:  # fmt: skip
        return Figure(text[start:end], start, end, value, hedge, word, low_, high_, vague, unit, change)

    if g["vague"] is not None:
        word = fold(g["vague"])
        lo, hi = _vague_interval(word)
        return fig(None, Hedge.VAGUE, _currency(fold(g["vcur"])) if g["vcur"] else None, None, lo, hi, word)
    hedge_text = g["hedge"] or g["shedge"]
    hedge, hedge_word = (HEDGE_OF[fold(hedge_text)], fold(hedge_text)) if hedge_text else (Hedge.EXACT, None)
    if g["srel"] is not None:
        a = Amount(low, *m.span("srel"))
        if a.hedge_after:
            hedge, hedge_word = _HEDGE_AFTER_OF[a.hedge_after], a.hedge_after
        value, change = _signed(a, g["sword"])
        return fig(value, hedge, a.unit, hedge_word, change=change)
    if g.get("ra") is not None:
        ends = _range(Amount(low, *m.span("ra")), Amount(low, *m.span("rb")))
        return None if ends is None else fig(None, Hedge.RANGE, ends[2], hedge_word, ends[0], ends[1])
    after = g["fh"] or g.get("rh")
    if after is not None:  # "a quarter or more", "one in four or so", "double or more": the bound after decides
        hedge_word = fold(after)
        hedge = _HEDGE_AFTER_OF[hedge_word]
    if g["frac"] is not None:
        if g["frac"] == "half" and _prev_word(low, m.start("frac")) in _NOT_SHARE_BEFORE:
            return None
        return fig(_fraction_value(g["frac"]), hedge, "fraction", hedge_word)
    if g["mult"] is not None:
        return fig(_multiplier_value(g["mult"]), hedge, "multiplier", hedge_word)
    if g["ord"] is not None:
        if _ordinal_in_discourse(low, text, m.start("ord"), m.end("ord")):
            return None
        return fig(_ordinal_value(fold(g["ord"])), hedge, "ordinal", hedge_word)
    if g["counted"] is not None:
        if hedge_word == "over" and after is None and _over_a_span(low, start, end):
            start, hedge, hedge_word = m.start("counted"), Hedge.EXACT, None  # "repaid over a decade"
        return fig(1.0, hedge, "time:decade" if g["counted"].endswith("decade") else "time:century", hedge_word)
    a = Amount(low, *m.span("amt"))
    if g.get("hedge2") is not None:
        # "more than 10 but fewer than 20", "at most 100 and at least 20": a lower and an upper bound
        pair = (hedge, HEDGE_OF[fold(g["hedge2"])])
        b = Amount(low, *m.span("rb3"))
        ends = _range(a, b) if pair == (Hedge.LOWER_BOUND, Hedge.UPPER_BOUND) else (
            _range(b, a) if pair == (Hedge.UPPER_BOUND, Hedge.LOWER_BOUND) else None)  # fmt: skip
        return None if ends is None else fig(None, Hedge.RANGE, ends[2], hedge_word, ends[0], ends[1])
    far = "rb3" if g.get("rb3") is not None else "rb4" if g.get("rb4") is not None else None
    if far is not None:
        if far == "rb4" and not _DIGIT_START_RE.match(low, a.start):
            return None  # "one-two", "twenty-five": a dash range is written in digits
        ends = _range(a, Amount(low, *m.span(far)))
        return None if ends is None else fig(None, Hedge.RANGE, ends[2], hedge_word, ends[0], ends[1])
    if g.get("rden") is not None:
        num, den = a.value, number_value(g["rden"])[0]
        if not (_PLAIN_COUNT_RE.fullmatch(low, a.start, a.end) and 0 < num < den):
            return None
        return fig(float(Fraction(int(num), int(den))), hedge, "fraction", hedge_word)
    if g.get("snoun") is not None:
        if a.unit in W.RELATIVE_UNITS:
            value, change = _signed(a, g["snoun"])
            return fig(value, hedge, a.unit, hedge_word, change=change)
        end = a.end  # "a 12-cent cut": only a percent or a point change is signed by its noun
    if not allow_lone_one and a.unit is None and fold(low[a.start : a.end]) == "one":
        return None  # "one of the", "one side": too ambiguous to be a count
    if a.hedge_after:  # the bound after the number is the more specific: "about 500 or more" is at least 500
        hedge, hedge_word = _HEDGE_AFTER_OF[a.hedge_after], a.hedge_after
    if hedge_word == "over" and (a.unit or "").startswith("time:") and _over_a_span(low, start, end):
        start, hedge, hedge_word = a.start, Hedge.EXACT, None  # "$2bn spread over three years": the span
    if a.unit is None and a.scale == 1_000_000 and _METRES_RE.match(low, a.end - 2):
        return fig(a.value / a.scale, hedge, "length:m", hedge_word)  # "a 100m sprint": metres, not millions
    return fig(a.value, hedge, a.unit, hedge_word)
