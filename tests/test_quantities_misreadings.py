"""Specification of forms of number and time that news prose writes and the grammar once misread.

Each section is one misreading found while writing the example project
(examples/norvalia-hospitals): what a careful reader takes the words to mean, then
the near misses that must keep their old reading. The rules built on these readings
(a claim's evidence, a page's marker, prose without a marker) are specified in
tests/rules/test_value_forms.py.
"""

from __future__ import annotations

import pytest

from claimdocs.quantities import Hedge, find_figures, find_times, parse_figure, parse_time
from quantity_support import FRAC, LB, MULT, PCT, PP, PT, UB, A, E, R, found, parsed

# ---------------------------------------------------------------- unit abbreviations (words.UNIT_ABBREVIATIONS)

# (text, value, unit): an abbreviation is the unit of its full word; spaced, hyphened or glued.
ABBREVIATED = [
    ("19 wks", 19, "time:week"),
    ("19wks", 19, "time:week"),
    ("1 wk", 1, "time:week"),
    ("3 hrs", 3, "time:hour"),
    ("24hr", 24, "time:hour"),
    ("10 mins", 10, "time:minute"),
    ("5 min", 5, "time:minute"),
    ("30 secs", 30, "time:second"),
    ("3 yrs", 3, "time:year"),
    ("6 mths", 6, "time:month"),
    ("29km", 29, "length:km"),
    ("29 km", 29, "length:km"),
    ("12-km", 12, "length:km"),
    ("5 sq km", 5, "area:km2"),
    ("5 sq. km", 5, "area:km2"),
    ("5km²", 5, "area:km2"),
    ("40 ha", 40, "area:hectare"),
    ("5 kg", 5, "mass:kg"),
    ("5kg", 5, "mass:kg"),
    ("10 lbs", 10, "mass:lb"),
    ("180ml", 180, "volume:ml"),
    ("70mph", 70, "speed:mph"),
    ("50 km/h", 50, "speed:km/h"),
    ("6 pct", 6, PCT),
    ("6pct", 6, PCT),
    ("2.5 ppt", 2.5, PP),
    ("2.5pp", 2.5, PP),
    ("3 pts", 3, PT),
]

# (abbreviated, spelled out): the same figure.
SAME_UNIT = [
    ("19 wks", "19 weeks"),
    ("19wks", "nineteen weeks"),
    ("3 hrs", "three hours"),
    ("10 mins", "10 minutes"),
    ("30 secs", "30 seconds"),
    ("3 yrs", "3 years"),
    ("6 mths", "six months"),
    ("29km", "29 kilometres"),
    ("29 km", "29 kilometers"),
    ("5 sq km", "5 square kilometres"),
    ("40 ha", "40 hectares"),
    ("5 kg", "5 kilograms"),
    ("70mph", "70 miles per hour"),
    ("50 km/h", "50 kilometres per hour"),
    ("$2bn", "$2 billion"),
    ("18m", "18 million"),
    ("6 pct", "6%"),
    ("2.5 ppt", "2.5 percentage points"),
]

# Another unit, not another spelling: never converted.
OTHER_UNIT = [
    ("19 wks", "19 days"),
    ("29km", "29 miles"),
    ("5 sq km", "5 km"),
    ("5 tonnes", "5 tons"),
    ("5 kg", "5 lbs"),
    ("1 km", "1,000 metres"),
    ("100 metres", "100m"),  # a bare "100m" is 100 million
]


@pytest.mark.parametrize(("text", "value", "unit"), ABBREVIATED)
def test_an_abbreviated_unit_is_its_unit(text: str, value: float, unit: str) -> None:
    fig = parsed(text)
    assert (fig.text, fig.value, fig.unit, fig.hedge) == (text, value, unit, E)
    assert found(f"It took {text}, officials said.") == [(text, value, E, unit)]


@pytest.mark.parametrize(("a", "b"), SAME_UNIT)
def test_an_abbreviation_is_the_same_unit_as_the_word(a: str, b: str) -> None:
    assert parsed(a).key == parsed(b).key


@pytest.mark.parametrize(("a", "b"), OTHER_UNIT)
def test_another_unit_is_another_figure(a: str, b: str) -> None:
    assert parsed(a).key != parsed(b).key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "m" glued to digits is millions, and metres before a word of size or a race
        ("18m people", [("18m", 18e6, E, None)]),
        ("$100m", [("$100m", 100e6, E, "currency:USD")]),
        ("a 100m sprint", [("100m", 100, E, "length:m")]),
        ("the 100m-high tower", [("100m", 100, E, "length:m")]),
        ("a tower 300m tall", [("300m", 300, E, "length:m")]),
        ("a 100 metre sprint", [("100 metre", 100, E, "length:m")]),
        # letters glued to digits that are no unit stay no figure; "min" and "hr" only as whole words
        ("10am", []),
        ("F16", []),
        ("5mins later", [("5mins", 5, E, "time:minute")]),
        ("5 minority", [("5", 5, E, None)]),
        ("3 hrsx", [("3", 3, E, None)]),
        ("the mins", []),
    ],
)
def test_units_in_prose(text: str, expected: list[tuple[str, float | None, Hedge, str | None]]) -> None:
    assert found(text) == expected


# ---------------------------------------------------------------- hedges after a fraction, a ratio, a multiplier

# (text, value, unit, hedge, hedge word): the bound after the body is the figure's, as after a number.
HEDGED_AFTER = [
    ("a quarter or more", 0.25, FRAC, LB, "or more"),
    ("a third or less", 1 / 3, FRAC, UB, "or less"),
    ("two-thirds or more", 2 / 3, FRAC, LB, "or more"),
    ("half or more", 0.5, FRAC, LB, "or more"),
    ("half or so", 0.5, FRAC, A, "or so"),
    ("one in four or more", 0.25, FRAC, LB, "or more"),
    ("one in four or so", 0.25, FRAC, A, "or so"),
    ("1 in 5 or fewer", 0.2, FRAC, UB, "or fewer"),
    ("twice or more", 2, MULT, LB, "or more"),
    ("double or more", 2, MULT, LB, "or more"),
    ("three times or more", 3, MULT, LB, "or more"),
    ("threefold or thereabouts", 3, MULT, A, "or thereabouts"),
    ("a decade or more", 1, "time:decade", LB, "or more"),
    ("a century or so", 1, "time:century", A, "or so"),
    # the bound after decides over a hedge before, as for numbers ("about 500 or more")
    ("about a quarter or more", 0.25, FRAC, LB, "or more"),
    # "at least" and "at most" after a figure, at a clause's end
    ("14 at most", 14, None, UB, "at most"),
    ("$21bn at least", 21e9, "currency:USD", LB, "at least"),
    ("a quarter at most", 0.25, FRAC, UB, "at most"),
]


@pytest.mark.parametrize(("text", "value", "unit", "hedge", "word"), HEDGED_AFTER)
def test_a_hedge_after_any_body(text: str, value: float, unit: str | None, hedge: Hedge, word: str) -> None:
    fig = parsed(text)
    assert (fig.text, fig.unit, fig.hedge, fig.hedge_word) == (text, unit, hedge, word)
    assert fig.value == pytest.approx(value)
    assert [f.key for f in find_figures(f"The review found {text}.")] == [fig.key]


@pytest.mark.parametrize(
    ("a", "b"),
    [("a quarter or more", "at least a quarter"), ("one in four or more", "more than one in four"),
     ("a third or less", "up to a third"), ("twice or more", "at least twice"), ("half or so", "about half")],
)  # fmt: skip
def test_a_hedge_after_is_a_hedge_of_its_class(a: str, b: str) -> None:
    assert parsed(a).key == parsed(b).key


@pytest.mark.parametrize(
    ("a", "b"),
    [("a quarter or more", "a quarter"), ("one in four or more", "one in four"), ("a quarter or more", "a quarter or less"),
     ("double or more", "double"), ("a decade or more", "a decade")],
)  # fmt: skip
def test_a_hedge_after_is_not_dropped(a: str, b: str) -> None:
    assert parsed(a).key != parsed(b).key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no hedge word: what was read before
        ("a third term", [("third", 3, E, "ordinal")]),
        ("a third and final round", [("third", 3, E, "ordinal")]),
        ("double standards or more", []),
        # "at least" and "at most" before another word are adverbs of the verb
        ("It rose 20 at least once.", [("20", 20, E, None)]),
        ("a quarter at most for now", [("a quarter", 0.25, E, FRAC)]),
        # "or" and another number is two figures
        ("a quarter or a third", [("a quarter", 0.25, E, FRAC), ("a third", 1 / 3, E, FRAC)]),
    ],
)
def test_hedges_after_in_prose_and_near_misses(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    got = found(text)
    assert [(t, h, u) for t, _, h, u in got] == [(t, h, u) for t, _, h, u in expected]
    assert [v for _, v, _, _ in got] == [pytest.approx(v) for _, v, _, _ in expected]


# ---------------------------------------------------------------- a change is not a level (words.FALL_WORDS ...)

# (text, value, unit, hedge, change): every way news writing says a percent or a point figure changed.
CHANGES = [
    ("grown by 18%", 18, PCT, E, "rise"),
    ("grew 18%", 18, PCT, E, "rise"),
    ("up 18%", 18, PCT, E, "rise"),
    ("increase of 18%", 18, PCT, E, "rise"),
    ("rise of 18%", 18, PCT, E, "rise"),
    ("growth of 18%", 18, PCT, E, "rise"),
    ("18% rise", 18, PCT, E, "rise"),
    ("18% increase", 18, PCT, E, "rise"),
    ("18% higher", 18, PCT, E, "rise"),
    ("18% more", 18, PCT, E, "rise"),
    ("18 per cent higher", 18, PCT, E, "rise"),
    ("raised by 2 points", 2, PT, E, "rise"),
    ("fell 3%", -3, PCT, E, "fall"),
    ("cut by 3%", -3, PCT, E, "fall"),
    ("reduced by 3%", -3, PCT, E, "fall"),
    ("drop of 3%", -3, PCT, E, "fall"),
    ("cut of 2 percentage points", -2, PP, E, "fall"),
    ("3% lower", -3, PCT, E, "fall"),
    ("3% less", -3, PCT, E, "fall"),
    ("5 points below", -5, PT, E, "fall"),
    ("increase of more than 18%", 18, PCT, LB, "rise"),
    ("rise of about 18%", 18, PCT, A, "rise"),
    ("grew by 18% or more", 18, PCT, LB, "rise"),
]


@pytest.mark.parametrize(("text", "value", "unit", "hedge", "change"), CHANGES)
def test_a_change(text: str, value: float, unit: str, hedge: Hedge, change: str) -> None:
    fig = parsed(text)
    assert (fig.text, fig.value, fig.unit, fig.hedge, fig.change) == (text, value, unit, hedge, change)
    (again,) = find_figures(f"Waiting lists had an {text} this year.")
    assert (again.text, again.key, again.change) == (text, fig.key, change)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("18%", 18, PCT), ("-3%", -3, PCT), ("minus 3%", -3, PCT), ("18 percent", 18, PCT), ("2.5 points", 2.5, PT),
     ("2 percentage points", 2, PP)],
)  # fmt: skip
def test_a_level(text: str, value: float, unit: str) -> None:
    fig = parsed(text)
    assert (fig.value, fig.unit, fig.change) == (value, unit, None)


def identity(text: str) -> tuple[object, ...]:
    fig = parsed(text) if parse_figure(text) else find_figures(text)[0]
    return (*fig.key, fig.change)


@pytest.mark.parametrize(
    ("a", "b"),
    [("grown by 18%", "up 18%"), ("grown by 18%", "an increase of 18%"), ("grown by 18%", "18% higher"),
     ("grown by 18%", "an 18% rise"), ("grown by 18%", "a rise of 18 per cent"), ("fell 3%", "a 3% drop"),
     ("fell 3%", "3% lower"), ("fell 3%", "was cut by 3%"), ("fell 3%", "down 3 percent")],
)  # fmt: skip
def test_any_change_word_of_the_same_direction(a: str, b: str) -> None:
    assert identity(a) == identity(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("grown by 18%", "18%"), ("an 18% rise", "18 percent"), ("fell 3%", "-3%"), ("fell 3%", "3%"),
     ("grown by 18%", "fell 18%"), ("18%", "18% higher")],
)  # fmt: skip
def test_a_change_is_not_a_level(a: str, b: str) -> None:
    assert identity(a) != identity(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count, money or a time after a change word is what is counted: a level (see the known limit below)
        ("the army lost 300 soldiers", [("300", 300, E, None)]),
        ("a 12-cent cut", [("12-cent", 12, E, "currency:cent")]),
        ("it cut $2bn from the budget", [("$2bn", 2e9, E, "currency:USD")]),
        # no change word, or the word does not touch the figure
        ("inflation of 3%", [("3%", 3, E, PCT)]),
        ("the fall of 2023", []),
        ("from 10% up to 20%", [("10%", 10, E, PCT), ("up to 20%", 20, UB, PCT)]),
        ("higher than 5%", [("higher than 5%", 5, LB, PCT)]),
        ("5% or less", [("5% or less", 5, UB, PCT)]),
    ],
)
def test_changes_in_prose_and_near_misses(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    assert found(text) == expected
    assert all(f.change is None for f in find_figures(text))


def test_known_limit_a_change_of_a_count_reads_as_a_level() -> None:
    """A count after a change word is read as what is counted, so "rose by 300" and "300" compare equal.

    "lost 300 soldiers", "cut 300 jobs", "added 300 jobs" count what was lost, cut or added; told
    apart from "the number rose by 300" only by what the sentence is about, which a grammar of
    figures does not read. The change word itself stays in the sentence the tracing rules check.
    """
    assert identity("rose by 300") == identity("300")
    assert identity("an increase of $2bn") == identity("$2bn")


# ---------------------------------------------------------------- "over" a time: a span or a bound (words.OVER_SPAN_AFTER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the time something is spread across: the duration itself, exact, "over" left out
        ("The $2bn will be spread over three years.", [("$2bn", 2e9, E, "currency:USD"), ("three years", 3, E, "time:year")]),
        ("The loan is repaid over a decade.", [("a decade", 1, E, "time:decade")]),
        ("Prices rose 12% over three years.", [("rose 12%", 12, E, PCT), ("three years", 3, E, "time:year")]),
        ("They spent £5m over two years.", [("£5m", 5e6, E, "currency:GBP"), ("two years", 2, E, "time:year")]),
        ("3 million over 5 years", [("3 million", 3e6, E, None), ("5 years", 5, E, "time:year")]),
        ("a trial run over 18 months", [("18 months", 18, E, "time:month")]),
        ("The plan, phased in over 3 yrs, starts soon.", [("3 yrs", 3, E, "time:year")]),
        # "for" a time, and "over the next" a time, were already the duration
        ("The ward closed for three years.", [("three years", 3, E, "time:year")]),
        ("over the next three years", [("three years", 3, E, "time:year")]),
        # near misses: "over" a time elsewhere is more than that time
        ("The war has lasted over three years.", [("over three years", 3, LB, "time:year")]),
        ("It began over three years ago.", [("over three years", 3, LB, "time:year")]),
        ("The $2bn was paid over three years ago.", [("$2bn", 2e9, E, "currency:USD"), ("over three years", 3, LB, "time:year")]),
        ("after over a decade", [("over a decade", 1, LB, "time:decade")]),
        ("repaid over three years or more", [("over three years or more", 3, LB, "time:year")]),
        ("repaid over more than a decade", [("more than a decade", 1, LB, "time:decade")]),
        ("spread over 300 sites", [("over 300", 300, LB, None)]),
        ("The 12% is over three points.", [("12%", 12, E, PCT), ("over three points", 3, LB, PT)]),
    ],
)
def test_over_a_time_as_a_span_and_as_a_bound(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    got = found(text)
    assert [(t, h, u) for t, _, h, u in got] == [(t, h, u) for t, _, h, u in expected]
    assert [v for _, v, _, _ in got] == [pytest.approx(v) for _, v, _, _ in expected]


def test_over_a_time_alone_is_a_bound() -> None:
    """A marker's text is read alone: "over three years" without the words before it is a bound.

    A page restating a span marks the duration ("spread over {claim}`three years <id>`") or the
    whole phrase ("{claim}`spread over three years <id>`"), read in prose as the span.
    """
    assert parsed("over three years").key == (LB, "time:year", 3)
    assert parse_figure("spread over three years") is None
    assert [f.key for f in find_figures("spread over three years")] == [(E, "time:year", 3)]


# ---------------------------------------------------------------- seasons and periods relative to the article
# (words.SEASON_PREPOSITIONS, words.RELATIVE_PERIOD_WORDS)

# (text, span, canonical): "the" and a season after a preposition, and "the past/next ..." a period.
RELATIVE_TIMES = [
    ("The work starts in the spring.", "the spring", "the spring"),
    ("by the autumn", "the autumn", "the autumn"),
    ("in the fall", "the fall", "the autumn"),
    ("over the summer", "the summer", "the summer"),
    ("until the winter", "the winter", "the winter"),
    ("Over the past decade, waits grew.", "the past decade", "the past decade"),
    ("in the next decade", "the next decade", "the next decade"),
    ("within the coming decade", "the coming decade", "the coming decade"),
    ("the last decade", "the last decade", "the last decade"),
    ("during the past year", "the past year", "the past year"),
    ("over the previous century", "the previous century", "the previous century"),
    ("in the past few years", "the past few years", "the past few years"),
    ("the next summer", "the next summer", "the next summer"),  # "the" and a period is its own phrase:
    ("over the last weekend", "the last weekend", "the last weekend"),  # not "next summer", "last weekend"
]


@pytest.mark.parametrize(("text", "span", "canonical"), RELATIVE_TIMES)
def test_a_season_or_a_period_relative_to_the_article(text: str, span: str, canonical: str) -> None:
    (t,) = find_times(text)
    assert (t.text, t.kind, t.year, t.canonical) == (span, "relative", None, canonical)
    assert text[t.start : t.end] == span
    whole = parse_time(span)  # a marker or a claim may hold the time alone, or with its preposition
    assert whole is not None and (whole.text, whole.canonical) == (span, canonical)


@pytest.mark.parametrize(("a", "b"), [("the spring", "in the spring"), ("the fall", "the autumn"),
                                      ("the past decade", "over the past decade")])  # fmt: skip
def test_the_same_relative_time(a: str, b: str) -> None:
    ta, tb = parse_time(a), parse_time(b)
    assert ta is not None and tb is not None and ta.canonical == tb.canonical


@pytest.mark.parametrize(("a", "b"), [("the spring", "this spring"), ("the spring", "last spring"),
                                      ("the past decade", "the next decade"), ("the past decade", "the past year"),
                                      ("the past decade", "the 2010s")])  # fmt: skip
def test_another_relative_time(a: str, b: str) -> None:
    ta, tb = parse_time(a), parse_time(b)
    assert ta is not None and tb is not None and ta.canonical != tb.canonical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the summer heat", []),  # "the" and a season without a preposition: a noun phrase
        ("The spring was wet.", []),
        ("since the fall of the government", []),  # "the fall of": an event, not a season
        ("after the fall in prices", []),
        ("in the summer of discontent", []),
        ("in the summer of 2024", ["summer of 2024"]),  # a date, as before
        ("the last year of the war", []),  # a period "of" something is not relative to the article
        ("the last summer of the war", []),
        ("the next week of talks", []),
        ("last year", ["last year"]),
        ("next spring", ["next spring"]),
        ("in the past five years", []),  # a counted period is a figure: "five years"
        ("the past", []),
        ("the next step", []),
    ],
)
def test_relative_times_near_misses(text: str, expected: list[str]) -> None:
    assert [t.text for t in find_times(text)] == expected


def test_a_relative_period_holds_no_figure() -> None:
    assert found("over the past decade") == [] and found("in the spring") == []
    assert found("in the past five years") == [("five years", 5, E, "time:year")]


# ---------------------------------------------------------------- a model name is no range ("737-800")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number, a hyphen and a round hundred after an unround first number: a designation, no figure
        ("The clinic flies patients on a Boeing 737-800.", []),
        ("a 737-800", []),
        ("the 747-400 jets", []),
        ("two 777-300ER planes", [("two", 2, E, None)]),
        ("the 737-800s", []),
        # near misses: ranges keep their reading
        ("700-800 people", [("700-800", None, R, None)]),
        ("150-200 staff", [("150-200", None, R, None)]),
        ("175-200 staff", [("175-200", None, R, None)]),
        ("between 737 and 800", [("between 737 and 800", None, R, None)]),
        ("$737-800", [("$737-800", None, R, "currency:USD")]),
        ("737 beds", [("737", 737, E, None)]),
        # a second end that goes on (a thousands group, decimals) is a number, not a round hundred
        ("101-500,000 people", [("101-500,000", None, R, None)]),
        ("737-800.5 tonnes", [("737-800.5 tonnes", None, R, "mass:tonne")]),
        ("the 737-800, a jet", []),
    ],
)
def test_a_model_name_is_no_figure(text: str, expected: list[tuple[str, float | None, Hedge, str | None]]) -> None:
    assert found(text) == expected


# ---------------------------------------------------------------- "100m": millions, or metres before a race word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the men's 100m final", [("100m", 100, E, "length:m")]),
        ("the 100m relay", [("100m", 100, E, "length:m")]),
        ("the 4x100m relay", []),  # glued to a letter: no figure, as "F16"
        ("the 200m freestyle", [("200m", 200, E, "length:m")]),
        ("a 100m budget", [("100m", 100e6, E, None)]),
        ("100m people", [("100m", 100e6, E, None)]),
        ("£100m", [("£100m", 100e6, E, "currency:GBP")]),
    ],
)
def test_100m_in_context(text: str, expected: list[tuple[str, float, Hedge, str | None]]) -> None:
    got = found(text)
    assert [(t, h, u) for t, _, h, u in got] == [(t, h, u) for t, _, h, u in expected]
    assert [v for _, v, _, _ in got] == [pytest.approx(v) for _, v, _, _ in expected]


def test_known_limit_100m_without_context_is_millions() -> None:
    """"he ran 100m" reads as 100 million: a bare "100m" says millions far more often in news.

    A claim and a page that both write "100m" agree; a page writing "100 metres" for it is
    reported (another unit), and the editor writes "100m" or waives it with a reason.
    """
    assert found("he ran 100m") == [("100m", 100e6, E, None)]


# ---------------------------------------------------------------- a date given as a bound (words.PREPOSITIONS)


@pytest.mark.parametrize(
    ("text", "time"),
    [("no earlier than 2029", "2029"), ("no later than 2030", "2030"), ("earlier than 2029", "2029"),
     ("sooner than March", "March"), ("no later than March 2030", "March 2030"), ("by 2030", "2030")],
)  # fmt: skip
def test_a_date_given_as_a_bound_is_its_date(text: str, time: str) -> None:
    assert find_figures(text) == []
    assert [t.text for t in find_times(text)] == [time]


@pytest.mark.parametrize(("text", "figure"), [("more than 2029 people", "more than 2029"), ("later than 5 pm", "5")])
def test_a_bound_that_is_no_date(text: str, figure: str) -> None:
    assert [f.text for f in find_figures(text)] == [figure]
    assert find_times(text) == []
