"""Specification of the figure forms news prose writes (issue 13, item 1).

Each table is what a careful reader takes the words to mean, written before the
grammar read them: value, unit and hedge class, and the spans found in running
prose. Reject tables say what must *not* become a figure, or what a near miss
reads as instead.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdocs.quantities import HEDGE_WORDS, FigureKey, Hedge, find_figures, parse_figure
from quantity_support import EUR, FRAC, GBP, JB, LB, MULT, ORD, PCT, PP, PT, UB, USD, YEAR, A, E, R, V, found, parsed


def key(text: str) -> FigureKey:
    return parsed(text).key


# ---------------------------------------------------------------- accepted: one figure, whole string

# (text, value, unit, hedge); the whole string is the figure.
FORMS = [
    # money: symbols, codes, names, scale suffixes
    ("$21bn", 21e9, USD, E),
    ("£10.8bn", 10.8e9, GBP, E),
    ("6bn euros", 6e9, EUR, E),
    ("$1.5 trillion", 1.5e12, USD, E),
    ("US$5m", 5e6, USD, E),
    ("€3.2 billion", 3.2e9, EUR, E),
    ("USD 40 million", 40e6, USD, E),
    ("40 million USD", 40e6, USD, E),
    ("5 cents", 5, "currency:cent", E),
    ("12-cent", 12, "currency:cent", E),
    ("50p", 50, "currency:GBX", E),
    ("470 pence", 470, "currency:GBX", E),
    ("more than $2 billion", 2e9, USD, LB),
    ("about $98", 98, USD, A),
    ("$ 75 million", 75e6, USD, E),
    ("$2.75", 2.75, USD, E),
    ("$50k", 50_000, USD, E),
    ("$1.2b", 1.2e9, USD, E),
    ("€2m", 2e6, EUR, E),
    ("₪5m", 5e6, "currency:ILS", E),
    ("NIS 5 million", 5e6, "currency:ILS", E),
    ("A$5bn", 5e9, "currency:AUD", E),
    ("C$300 million", 300e6, "currency:CAD", E),
    ("HK$10.05 billion", 10.05e9, "currency:HKD", E),
    ("5 dollars", 5, USD, E),
    ("10 US dollars", 10, USD, E),
    ("125 million Australian dollars", 125e6, "currency:AUD", E),
    ("10,000 Swiss francs", 10_000, "currency:CHF", E),
    ("528 million francs", 528e6, "currency:franc", E),
    ("five million yen", 5e6, "currency:JPY", E),
    ("100 billion yuan", 100e9, "currency:CNY", E),
    ("361 million pounds", 361e6, GBP, E),
    ("6bn pounds sterling", 6e9, GBP, E),
    ("20 billion shekels", 20e9, "currency:ILS", E),
    ("billions of dollars", None, USD, V),
    # percent, percentage points, points
    ("6%", 6, PCT, E),
    ("6 %", 6, PCT, E),
    ("6 percent", 6, PCT, E),
    ("6 per cent", 6, PCT, E),
    ("6 per-cent", 6, PCT, E),
    ("6 pct", 6, PCT, E),
    ("six percent", 6, PCT, E),
    ("6.5%", 6.5, PCT, E),
    ("half a percent", 0.5, PCT, E),
    ("6 percentage points", 6, PP, E),
    ("6 percentage-point", 6, PP, E),
    ("6pp", 6, PP, E),
    ("6 ppt", 6, PP, E),
    ("half a percentage point", 0.5, PP, E),
    ("2.5 points", 2.5, PT, E),
    ("2.5-point", 2.5, PT, E),
    # counted time
    ("6 years", 6, YEAR, E),
    ("six-year", 6, YEAR, E),
    ("nearly two years", 2, YEAR, JB),
    ("two and a half years", 2.5, YEAR, E),
    ("three months", 3, "time:month", E),
    ("two weeks", 2, "time:week", E),
    ("12-day", 12, "time:day", E),
    ("24 hours", 24, "time:hour", E),
    ("48-hour", 48, "time:hour", E),
    ("half an hour", 0.5, "time:hour", E),
    ("30 minutes", 30, "time:minute", E),
    ("10 seconds", 10, "time:second", E),
    ("two decades", 2, "time:decade", E),
    ("a decade", 1, "time:decade", E),
    ("more than a decade", 1, "time:decade", LB),
    ("a century", 1, "time:century", E),
    ("half a century", 0.5, "time:century", E),
    # fractions and ratios (a share between 0 and 1)
    ("a third", 1 / 3, FRAC, E),
    ("one third", 1 / 3, FRAC, E),
    ("one-third", 1 / 3, FRAC, E),
    ("two-thirds", 2 / 3, FRAC, E),
    ("two thirds", 2 / 3, FRAC, E),
    ("three-quarters", 0.75, FRAC, E),
    ("three quarters", 0.75, FRAC, E),
    ("a quarter", 0.25, FRAC, E),
    ("a half", 0.5, FRAC, E),
    ("a fifth", 0.2, FRAC, E),
    ("nine-tenths", 0.9, FRAC, E),
    ("more than half", 0.5, FRAC, LB),
    ("nearly a quarter", 0.25, FRAC, JB),
    ("about a third", 1 / 3, FRAC, A),
    ("one in four", 0.25, FRAC, E),
    ("1 in 5", 0.2, FRAC, E),
    ("nine out of 10", 0.9, FRAC, E),
    ("one in every five", 0.2, FRAC, E),
    ("one in a million", 1e-6, FRAC, E),
    ("about one in five", 0.2, FRAC, A),
    ("3/4", 0.75, FRAC, E),
    ("1/2", 0.5, FRAC, E),
    # multipliers
    ("twice", 2, MULT, E),
    ("twice as many", 2, MULT, E),
    ("double", 2, MULT, E),
    ("doubled", 2, MULT, E),
    ("tripled", 3, MULT, E),
    ("triple", 3, MULT, E),
    ("threefold", 3, MULT, E),
    ("three-fold", 3, MULT, E),
    ("3-fold", 3, MULT, E),
    ("tenfold", 10, MULT, E),
    ("three times", 3, MULT, E),
    ("three times as much", 3, MULT, E),
    ("2.5 times", 2.5, MULT, E),
    ("more than double", 2, MULT, LB),
    ("more than doubled", 2, MULT, LB),
    ("nearly twice", 2, MULT, JB),
    ("half as many", 0.5, MULT, E),
    ("halved", 0.5, MULT, E),
    # hedges after the number
    ("14 or less", 14, None, UB),
    ("20 or more", 20, None, LB),
    ("20 or so", 20, None, A),
    ("10 or fewer", 10, None, UB),
    ("30 and above", 30, None, LB),
    ("20 or more years", 20, YEAR, LB),
    ("20 years or more", 20, YEAR, LB),
    ("20-plus years", 20, YEAR, LB),
    ("20+ years", 20, YEAR, LB),
    ("$5bn or more", 5e9, USD, LB),
    ("5% or less", 5, PCT, UB),
    ("1,000 give or take", 1000, None, A),
    # hedges before the number, new words
    ("at most 14", 14, None, UB),
    ("exceeded 100", 100, None, LB),
    ("exceeds $2 billion", 2e9, USD, LB),
    ("no fewer than 30", 30, None, LB),
    ("upwards of 40%", 40, PCT, LB),
    ("as many as 500", 500, None, UB),
    ("not quite 20", 20, None, JB),
    ("well below 5%", 5, PCT, UB),
    # ordinals
    ("first", 1, ORD, E),
    ("second", 2, ORD, E),
    ("21st", 21, ORD, E),
    ("1st", 1, ORD, E),
    ("100th", 100, ORD, E),
    ("twenty-first", 21, ORD, E),
    ("twentieth", 20, ORD, E),
    ("one hundred and twenty-fifth", 125, ORD, E),
    ("two hundredth", 200, ORD, E),
    # signed numbers and changes
    ("fell 3%", -3, PCT, E),
    ("dropped 3 percent", -3, PCT, E),
    ("down 2.5 points", -2.5, PT, E),
    ("declined 0.5 percentage points", -0.5, PP, E),
    ("fell by more than 3%", -3, PCT, LB),
    ("rose 3%", 3, PCT, E),
    ("up 5%", 5, PCT, E),
    ("3% drop", -3, PCT, E),
    ("2.5-point fall", -2.5, PT, E),
    ("5% rise", 5, PCT, E),
    ("minus 5", -5, None, E),
    ("negative ten", -10, None, E),
    ("-5", -5, None, E),
    ("\u22125", -5, None, E),
    ("-$5bn", -5e9, USD, E),
    ("minus 5%", -5, PCT, E),
    # numbers
    (".08", 0.08, None, E),
    ("0.08", 0.08, None, E),
    ("40 000", 40_000, None, E),
    ("40\u00a0000", 40_000, None, E),
    ("1\u202f000\u202f000", 1_000_000, None, E),
    ("two thousand and two hundred", 2_200, None, E),
    ("two thousand two hundred", 2_200, None, E),
    ("two hundred and two thousand", 202_000, None, E),
    ("two thousand and two", 2_002, None, E),
    ("18m", 18e6, None, E),
    ("2.3bn", 2.3e9, None, E),
    ("6 bn", 6e9, None, E),
    ("2 and a half million", 2.5e6, None, E),
    ("five and a quarter", 5.25, None, E),
    ("two and three quarters", 2.75, None, E),
    ("one and a third", 4 / 3, None, E),
    ("fifty   two", 52, None, E),
    ("twelve hundred", 1_200, None, E),
    # a hedge after the number decides the class over one before it
    ("about 500 or more", 500, None, LB),
    ("500 and more", 500, None, LB),
]


@pytest.mark.parametrize(("text", "value", "unit", "hedge"), FORMS)
def test_form(text: str, value: float | None, unit: str | None, hedge: Hedge) -> None:
    fig = parsed(text)
    assert fig.text == text
    assert (fig.unit, fig.hedge) == (unit, hedge)
    if value is None:
        assert fig.value is None
    else:
        assert fig.value == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(("text", "value", "unit", "hedge"), FORMS)
def test_form_is_found_in_prose(text: str, value: float | None, unit: str | None, hedge: Hedge) -> None:
    """The same form inside a sentence is found whole, with the key parse_figure gives it.

    A comma follows, because "a third" and "double" are a share and a multiplier only
    before "of"/a determiner or at a clause's end (see the in-context tables below).
    """
    sentence = f"Officials said {text}, citing records."
    figs = find_figures(sentence)
    assert [f.text for f in figs] == [text]
    assert figs[0].key == key(text)
    assert sentence[figs[0].start : figs[0].end] == text


# ---------------------------------------------------------------- ranges

# (text, low, high, unit)
RANGES = [
    ("between 10 and 15", 10, 15, None),
    ("10-15", 10, 15, None),
    ("10–15", 10, 15, None),
    ("10 - 15", 10, 15, None),
    ("10 to 15", 10, 15, None),
    ("from 5 to 7", 5, 7, None),
    ("$5bn-$7bn", 5e9, 7e9, USD),
    ("$5-7bn", 5e9, 7e9, USD),
    ("from $5bn to $7bn", 5e9, 7e9, USD),
    ("between $5bn and $7bn", 5e9, 7e9, USD),
    ("5-7%", 5, 7, PCT),
    ("5%-7%", 5, 7, PCT),
    ("between 5 and 7 percent", 5, 7, PCT),
    ("between 5 and 7 million", 5e6, 7e6, None),
    ("between 500 and 7 million", 500, 7e6, None),
    ("10 to 15 years", 10, 15, YEAR),
    ("between two and three", 2, 3, None),
    ("two to three weeks", 2, 3, "time:week"),
    ("-5 to 5", -5, 5, None),
    ("20 through 100", 20, 100, None),
    # a lower and an upper bound, in either order, are a range
    ("more than 10 but fewer than 20", 10, 20, None),
    ("at most 100 and at least 20", 20, 100, None),
    ("above 1,000 and below 1,500", 1000, 1500, None),
    ("more than $5bn but less than $7bn", 5e9, 7e9, USD),
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGES)
def test_range(text: str, low: float, high: float, unit: str | None) -> None:
    fig = parsed(text)
    assert (fig.text, fig.hedge, fig.value, fig.unit) == (text, R, None, unit)
    assert fig.low == pytest.approx(low)
    assert fig.high == pytest.approx(high)
    assert fig.key == (R, unit, (fig.low, fig.high))


def test_range_keeps_a_hedge_word_before_it() -> None:
    fig = parsed("roughly 10 to 15")
    assert (fig.hedge, fig.hedge_word, fig.low, fig.high) == (R, "roughly", 10, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ends out of order or in different units: what is read instead, end by end
        ("from 28 to 20", [("28", 28, E, None), ("20", 20, E, None)]),
        ("10-5", [("10", 10, E, None)]),
        ("the vote was 10 to 2", [("10", 10, E, None), ("2", 2, E, None)]),
        ("5% to 7 years", [("5%", 5, E, PCT), ("7 years", 7, E, YEAR)]),
        # words are never dash ranges; a year span is a time, not a figure
        ("a one-two punch", []),
        ("twenty-five", [("twenty-five", 25, E, None)]),
        ("between 2019 and 2023", []),
        ("2019-2023", []),
        ("the 2023-24 season", []),
        # a range that runs into a date gives up its far end to the date
        ("from 5 to 7 October", [("5", 5, E, None)]),
        ("F-16 to F-35", []),
        # two bounds that are not a lower and an upper one, or not in order, stay two figures
        ("more than 10, and about 20 more", [("more than 10", 10, LB, None), ("about 20", 20, A, None)]),
        ("more than 20 and fewer than 10", [("more than 20", 20, LB, None), ("fewer than 10", 10, UB, None)]),
        ("over 350,000 people and up to 28", [("over 350,000", 350_000, LB, None), ("up to 28", 28, UB, None)]),
    ],
)
def test_not_a_range(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    assert found(text) == expected


# ---------------------------------------------------------------- fractions, multipliers, ordinals in context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("half of them", [("half", 0.5, E, FRAC)]),
        ("half the country", [("half", 0.5, E, FRAC)]),
        ("a third of voters", [("a third", 1 / 3, E, FRAC)]),
        ("a third.", [("a third", 1 / 3, E, FRAC)]),
        ("one in four Israelis", [("one in four", 0.25, E, FRAC)]),
        ("two in three", [("two in three", 2 / 3, E, FRAC)]),
        # not fractions
        ("a third term", [("third", 3, E, ORD)]),
        ("a fifth-generation jet", [("fifth", 5, E, ORD)]),
        ("the second half of the year", [("second", 2, E, ORD)]),
        ("the other half", []),
        ("in the first quarter", [("first", 1, E, ORD)]),
        ("9/11", []),
        ("24/7", []),
        ("3/4/2023", []),
        ("5 in 2023", [("5", 5, E, None)]),
        ("3 in 2", [("3", 3, E, None), ("2", 2, E, None)]),
        ("5 in 10 years", [("5", 5, E, None), ("10 years", 10, E, YEAR)]),
    ],
)
def test_fractions_in_prose(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    got = found(text)
    assert [(t, h, u) for t, _, h, u in got] == [(t, h, u) for t, _, h, u in expected]
    assert [v for _, v, _, _ in got] == [pytest.approx(v) for _, v, _, _ in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("double the number of troops", [("double", 2, E, MULT)]),
        ("costs will double.", [("double", 2, E, MULT)]),
        ("twice as many people", [("twice as many", 2, E, MULT)]),
        ("it more than doubled in 2023", [("more than doubled", 2, LB, MULT)]),
        # not multipliers
        ("a double standard", []),
        ("a double-digit rise", []),
        ("he doubled down on it", []),
    ],
)
def test_multipliers_in_prose(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    assert found(text) == expected


# The decision on "first": an ordinal is a figure (a rank or a count of occasions), except where
# it is discourse ("at first" = initially, "first of all", "first and foremost", "first-hand",
# an enumerator opening a sentence, "First, ...") or part of a capitalised name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for the first time", [("first", 1, E, ORD)]),
        ("the second time", [("second", 2, E, ORD)]),
        ("Israel's third-largest city", [("third", 3, E, ORD)]),
        ("on the 7th floor", [("7th", 7, E, ORD)]),
        ("the 21st century", [("21st", 21, E, ORD)]),
        ("She was first elected in 2009.", [("first", 1, E, ORD)]),
        ("First find the evidence.", [("First", 1, E, ORD)]),
        ("a second term", [("second", 2, E, ORD)]),
        ("the twenty-eighth day", [("twenty-eighth", 28, E, ORD)]),
        # discourse and names: no figure
        ("At first, he refused.", []),
        ("at first glance", []),
        ("First of all, the army", []),
        ("first and foremost", []),
        ("a first-hand account", []),
        ("First, the army moved. Second, it stopped.", []),
        ("- First, a list item", []),
        ("the First Amendment", []),
        ("the Second World War", []),
        # dates keep their day numbers
        ("on October 7th", []),
        ("the 7th of October", []),
    ],
)
def test_ordinals_in_prose(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    assert found(text) == expected


# ---------------------------------------------------------------- signs, money and hedges in prose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares fell 3% on Monday.", [("fell 3%", -3, E, PCT)]),
        ("shares fell to 3%", [("3%", 3, E, PCT)]),
        ("unemployment was down 2.5 points", [("down 2.5 points", -2.5, E, PT)]),
        ("a 3% drop in sales", [("3% drop", -3, E, PCT)]),
        ("up to 5%", [("up to 5%", 5, UB, PCT)]),
        ("temperatures of minus 5", [("minus 5", -5, E, None)]),
        ("a change of -5 and +3", [("-5", -5, E, None), ("3", 3, E, None)]),
        # a signed change needs a relative unit: a count that "fell" is still a count
        ("the army lost 300 soldiers", [("300", 300, E, None)]),
        ("a 12-cent cut", [("12-cent", 12, E, "currency:cent")]),
        # hedges keep their class before a currency sign, and the currency stays the currency
        ("more than $2 billion in aid", [("more than $2 billion", 2e9, LB, USD)]),
        ("less than £2bn", [("less than £2bn", 2e9, UB, GBP)]),
        ("it cost 6bn euros, or $6.5bn", [("6bn euros", 6e9, E, EUR), ("$6.5bn", 6.5e9, E, USD)]),
        # a hedge word after a number only with its own words
        ("5 or 6 people", [("5", 5, E, None), ("6", 6, E, None)]),
        ("10 plus 5", [("10", 10, E, None), ("5", 5, E, None)]),
        ("Over the years, 300 people left.", [("300", 300, E, None)]),
    ],
)
def test_signs_money_and_hedges_in_prose(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the  majority of them", [("the  majority", None, V, None)]),
        ("a\n\ndozen people", [("a\n\ndozen", 12, E, None)]),
        ("an  estimated 400", [("an  estimated 400", 400, A, None)]),
        ("as many\nas 500", [("as many\nas 500", 500, UB, None)]),
        ("prices fell  by\nmore than  3%", [("fell  by\nmore than  3%", -3, LB, PCT)]),
        ("between\u00a010\u00a0and\u00a015", [("between\u00a010\u00a0and\u00a015", None, R, None)]),
    ],
)
def test_runs_of_spaces_and_line_breaks_inside_a_figure(
    text: str, expected: list[tuple[str, float | None, Hedge, str | None]]
) -> None:
    """Source text wraps: a phrase split over lines, or doubly spaced, is the same figure."""
    assert found(text) == expected


# ---------------------------------------------------------------- what is not a figure


@pytest.mark.parametrize(
    "text",
    [
        "one of the disputes",
        "F-16 jets",
        "COVID-19",
        "at 10:30",
        "version 1.2.3",
        "192.168.1.2",
        "the 1990s",
        "in the early 2000s",
        "mid-2024",
        "call 020-7946",
        "agent 007",
        "10am",
        "10pm",
        "$",
        "a $ sign",
        "$ one",
        "USD",
        "someone somewhere",
        "a decade ago",
        "the first-hand",
    ],
)
def test_not_a_figure(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "$ one",
        "a third term",
        "the second time",
        "one of the disputes",
        "5 or 6",
        "from 28 to 20",
        "at first",
        "20 and 30",
        "twice a year and then some more words",
    ],
)
def test_parse_figure_rejects(text: str) -> None:
    """A whole string that is not one figure (and at most four words of what it counts)."""
    assert parse_figure(text) is None


# ---------------------------------------------------------------- what two figures share


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("6%", "6 percent"),
        ("6%", "6 per cent"),
        ("6%", "six percent"),
        ("6%", "6 pct"),
        ("6 percentage points", "6pp"),
        ("6 percentage points", "six percentage-points"),
        ("$21bn", "$21 billion"),
        ("$21bn", "US$21bn"),
        ("$21bn", "21 billion dollars"),
        ("$21bn", "USD 21bn"),
        ("$21bn", "21bn US dollars"),
        ("£10.8bn", "10.8 billion pounds"),
        ("£10.8bn", "GBP 10.8bn"),
        ("6bn euros", "€6bn"),
        ("NIS 5 million", "₪5m"),
        ("NIS 5 million", "5 million shekels"),
        ("more than $2 billion", "over $2bn"),
        ("6 years", "six years"),
        ("nearly two years", "almost 2 years"),
        ("a third", "one third"),
        ("a third", "1/3"),
        ("two-thirds", "two thirds"),
        ("three-quarters", "3/4"),
        ("one in four", "a quarter"),
        ("one in four", "1 in 4"),
        ("half", "one in two"),
        ("twice", "double"),
        ("twice", "two times"),
        ("more than double", "more than twice"),
        ("threefold", "three times"),
        ("fell 3%", "down 3%"),
        ("fell 3%", "3% drop"),
        ("fell 3%", "3% lower"),
        ("rose 3%", "rise of 3%"),
        ("rose 3%", "3% higher"),
        ("-3%", "minus 3%"),
        ("between 10 and 15", "10-15"),
        ("10 to 15", "from 10 to 15"),
        ("$5bn-$7bn", "$5-7bn"),
        ("between 5 and 7 percent", "5-7%"),
        ("14 or less", "at most 14"),
        ("20 or more", "at least 20"),
        ("20 or so", "about 20"),
        ("first", "1st"),
        ("21st", "twenty-first"),
        ("40 000", "40,000"),
        ("40\u00a0000", "40000"),
        ("two thousand and two hundred", "2,200"),
        ("minus 5", "-5"),
        ("minus 5", "negative five"),
        (".08", "0.08"),
        ("18m", "18 million"),
    ],
)
def test_same_figure(a: str, b: str) -> None:
    assert (key(a), parsed(a).change) == (key(b), parsed(b).change)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("6%", "6 years"),
        ("6%", "6 percentage points"),
        ("6%", "$6"),
        ("6%", "6"),
        ("6 points", "6 percentage points"),
        ("$6", "€6"),
        ("$6", "6 cents"),
        ("£6", "6p"),
        ("$6", "C$6"),
        ("6bn euros", "6bn pounds"),
        ("10 francs", "10 Swiss francs"),
        ("6 years", "6 months"),
        ("a decade", "10 years"),  # another unit, not another spelling: a page keeps "a decade"
        ("nearly two years", "two years"),
        ("$2 billion", "$2 million"),
        ("more than $2 billion", "less than $2 billion"),
        ("a third", "a quarter"),
        ("two-thirds", "three-quarters"),
        ("one in four", "4"),
        ("one in four", "one in five"),
        ("a quarter", "25%"),
        ("10-15", "10-20"),
        ("10-15", "11-15"),
        ("10-15%", "10-15"),
        ("between 10 and 15", "10"),
        ("twice", "three times"),
        ("double", "2"),
        ("more than double", "double"),
        ("first", "second"),
        ("first", "1"),
        ("fell 3%", "rose 3%"),
        ("fell 3%", "3%"),
        ("fell 3%", "-3%"),  # a fall, and a negative level
        ("rose 3%", "3%"),  # a rise, and a level
        ("-5", "5"),
        ("14 or less", "14 or more"),
        ("14 or less", "14"),
        ("20 or so", "20"),
        ("billions of dollars", "billions"),
    ],
)
def test_different_figure(a: str, b: str) -> None:
    assert (key(a), parsed(a).change) != (key(b), parsed(b).change)


# ---------------------------------------------------------------- properties


HEDGE_WORDS_CLASS = {w: h for h, ws in HEDGE_WORDS.items() for w in ws}


def _spell(n: int) -> str:
    """English words for 0 <= n < 10**9, British style ("and" before the last two digits)."""
    units = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]  # fmt: skip
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def below_100(k: int) -> str:
        return units[k] if k < 20 else tens[k // 10 - 2] + ("" if k % 10 == 0 else "-" + units[k % 10])

    def below_1000(k: int, lead_and: bool) -> str:
        hundreds, rest = divmod(k, 100)
        if not hundreds:
            return ("and " if lead_and else "") + below_100(rest)
        return units[hundreds] + " hundred" + ("" if rest == 0 else " and " + below_100(rest))

    if n < 100:
        return below_100(n)
    parts = []
    for scale, word in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            parts.append(below_1000(n // scale, False) + " " + word)
            n %= scale
    if n:
        parts.append(below_1000(n, lead_and=bool(parts)))
    return " ".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_spelled_numbers_read_back(n: int) -> None:
    """Any number written out in words reads as itself (and so does it in digits, with commas)."""
    words = _spell(n)
    assert parsed(words).value == n, words
    assert parsed(f"{n:,}").value == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["{}%", "{} percent", "{} per cent", "{} pct"]))
def test_percent_spellings_are_one_unit(n: int, form: str) -> None:
    assert key(form.format(f"{n:,}")) == (E, PCT, n)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("${}bn", USD), ("US${}bn", USD), ("{}bn dollars", USD), ("USD {} billion", USD),
                     ("€{}bn", EUR), ("{} billion euros", EUR), ("£{}bn", GBP), ("{}bn pounds", GBP)]),
)  # fmt: skip
def test_currency_spellings_keep_value_and_currency(n: int, form: tuple[str, str]) -> None:
    assert key(form[0].format(n)) == (E, form[1], n * 1e9)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["between {} and {}", "{}-{}", "{} to {}", "from {} to {}"]),
)
def test_ranges_hold_only_in_order(lo: int, hi: int, form: str) -> None:
    text = form.format(f"{lo:,}", f"{hi:,}")
    figs = find_figures(f"It was {text} in all.")
    if lo < hi:
        assert [(f.hedge, f.low, f.high) for f in figs] == [(R, lo, hi)]
    else:
        assert all(f.hedge is not R for f in figs)
        assert lo in [f.value for f in figs]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([w for h, ws in HEDGE_WORDS.items() if h not in (V, R) for w in ws]),
    st.sampled_from(["{}%", "${}m", "{} years", "{} percentage points", "{}"]),
    st.integers(min_value=2, max_value=10**5),
)
def test_a_hedge_keeps_its_class_before_any_unit(word: str, form: str, n: int) -> None:
    fig = parsed(f"{word} {form.format(n)}")
    plain = parsed(form.format(n))
    assert fig.hedge_word == word
    assert fig.key == (HEDGE_WORDS_CLASS[word], plain.unit, plain.value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**4), st.sampled_from(["fell", "dropped", "down", "declined"]))
def test_a_fall_is_negative_and_a_rise_positive(n: int, verb: str) -> None:
    assert key(f"{verb} {n}%") == (E, PCT, -n)
    assert key(f"rose {n}%") == (E, PCT, n)
    assert key(f"{verb} {n}%") != key(f"rose {n}%")
