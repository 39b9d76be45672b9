"""Specification of the figure and time grammar in ``claimdocs.quantities``.

The article tables below were written by hand from reading the seed article, not
generated from the code: they are what a careful reader finds in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimdocs.quantities import (
    HEDGE_WORDS,
    HEDGE_WORDS_AFTER,
    HEDGES_AFTER_AT_CLAUSE_END,
    Figure,
    Hedge,
    TimeExpr,
    find_figures,
    find_times,
    parse_figure,
    parse_time,
    scan,
)
from claimdocs.quantities import figures as figure_grammar
from claimdocs.quantities import times as time_grammar
from claimdocs.text import lower_same_length
from quantity_support import JB, LB, UB, A, E, V

ARTICLE = Path(__file__).resolve().parents[1] / "seeds" / "000_47ef2131506feb3b.txt"


# ---------------------------------------------------------------- the seed article

# (text, value, hedge, unit, words right after it in the article) in reading order. Counted time
# carries its unit, and the unit word is part of the figure ("nearly two years", unit time:year).
ARTICLE_FIGURES = [
    ("three", 3, E, None, " pivotal policy matters"),
    ("hundreds of thousands", None, V, None, " of Palestinians"),
    ("nearly two years", 2, JB, "time:year", " of conflict"),
    ("two million", 2_000_000, E, None, " Palestinian residents"),
    ("three", 3, E, None, " sources familiar"),
    ("three", 3, E, None, " leaders had favored"),
    ("thousands", None, V, None, " of soldiers"),
    ("Many", None, V, None, " Israelis are skeptical"),
    ("nearly two years", 2, JB, "time:year", " of unsuccessful"),
    ("a majority", None, V, None, " of Israelis"),
    ("approximately 65,000", 65_000, A, None, " Palestinians"),
    ("about 1,200", 1_200, A, None, " people were killed"),
    ("around 250", 250, A, None, " more taken hostage"),
    ("Dozens", None, V, None, " of captives"),
    ("two", 2, E, None, " brief ceasefires"),
    ("roughly 20", 20, A, None, " hostages"),
    ("up to 28", 28, UB, None, " others"),
    ("over 350,000", 350_000, LB, None, " people had fled"),
    ("an estimated half a million", 500_000, A, None, " are believed"),
]

# (text, kind, canonical) in reading order.
ARTICLE_TIMES = [
    ("In recent weeks", "relative", "recent weeks"),
    ("this week", "relative", "this week"),
    ("Just months prior", "relative", "months prior"),
    ("on Tuesday", "relative", "tuesday"),
    ("October 7, 2023", "absolute", "2023-10-07"),
    ("October 2023", "absolute", "2023-10"),
    ("Tuesday evening", "relative", "tuesday evening"),
    ("for decades", "relative", "decades"),
    ("last year", "relative", "last year"),
]


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def test_article_figures_are_exactly_the_expected_ones(article: str) -> None:
    found = find_figures(article)
    assert [(f.text, f.value, f.hedge, f.unit) for f in found] == [(t, v, h, u) for t, v, h, u, _ in ARTICLE_FIGURES]
    for fig, (_, _, _, _, after) in zip(found, ARTICLE_FIGURES, strict=True):
        assert article[fig.start : fig.end] == fig.text
        assert article[fig.end :].startswith(after), fig


def test_article_times_are_exactly_the_expected_ones(article: str) -> None:
    found = find_times(article)
    assert [(t.text, t.kind, t.canonical) for t in found] == ARTICLE_TIMES
    for t in found:
        assert article[t.start : t.end] == t.text


def test_article_date_numbers_are_not_figures(article: str) -> None:
    """Neither 7 nor 2023 in "October 7, 2023" (nor 2023 in "October 2023") is a figure."""
    dates = [t for t in find_times(article) if t.kind == "absolute"]
    assert len(dates) == 2
    for fig in find_figures(article):
        assert all(fig.end <= d.start or fig.start >= d.end for d in dates)


# ---------------------------------------------------------------- parse_figure

# (text, figure text, value, hedge, hedge word, vague word)
PARSED = [
    ("approximately 65,000", "approximately 65,000", 65_000, A, "approximately", None),
    ("approximately 65,000 Palestinians", "approximately 65,000", 65_000, A, "approximately", None),
    ("about 65 thousand", "about 65 thousand", 65_000, A, "about", None),
    ("65000", "65000", 65_000, E, None, None),
    ("65,000", "65,000", 65_000, E, None, None),
    ("two million", "two million", 2_000_000, E, None, None),
    ("2 million", "2 million", 2_000_000, E, None, None),
    ("2,000,000", "2,000,000", 2_000_000, E, None, None),
    ("1.2 million", "1.2 million", 1_200_000, E, None, None),
    ("2.3 million", "2.3 million", 2_300_000, E, None, None),
    ("2.5", "2.5", 2.5, E, None, None),
    ("half a million", "half a million", 500_000, E, None, None),
    ("an estimated half a million", "an estimated half a million", 500_000, A, "an estimated", None),
    ("estimated 400", "estimated 400", 400, A, "estimated", None),
    ("hundreds of thousands", "hundreds of thousands", None, V, None, "hundreds of thousands"),
    ("hundreds of thousands of Palestinians", "hundreds of thousands", None, V, None, "hundreds of thousands"),
    ("nearly two years", "nearly two years", 2, JB, "nearly", None),
    ("up to 28", "up to 28", 28, UB, "up to", None),
    ("up to 28 others", "up to 28", 28, UB, "up to", None),
    ("over 350,000", "over 350,000", 350_000, LB, "over", None),
    ("over 350,000 people", "over 350,000", 350_000, LB, "over", None),
    ("roughly 20", "roughly 20", 20, A, "roughly", None),
    ("roughly 20 hostages", "roughly 20", 20, A, "roughly", None),
    ("around 250", "around 250", 250, A, "around", None),
    ("around 250 more", "around 250", 250, A, "around", None),
    ("about 1,200", "about 1,200", 1_200, A, "about", None),
    ("some 65,000", "some 65,000", 65_000, A, "some", None),
    ("three", "three", 3, E, None, None),
    ("3", "3", 3, E, None, None),
    ("one", "one", 1, E, None, None),
    ("zero", "zero", 0, E, None, None),
    ("three pivotal policy matters", "three", 3, E, None, None),
    ("three sources", "three", 3, E, None, None),
    ("two brief ceasefires", "two", 2, E, None, None),
    ("twenty-eight", "twenty-eight", 28, E, None, None),
    ("twenty eight", "twenty eight", 28, E, None, None),
    ("a dozen", "a dozen", 12, E, None, None),
    ("two dozen", "two dozen", 24, E, None, None),
    ("half a dozen", "half a dozen", 6, E, None, None),
    ("a hundred", "a hundred", 100, E, None, None),
    ("two hundred and fifty", "two hundred and fifty", 250, E, None, None),
    ("twelve hundred", "twelve hundred", 1_200, E, None, None),
    ("a thousand", "a thousand", 1_000, E, None, None),
    ("a hundred thousand", "a hundred thousand", 100_000, E, None, None),
    ("one million", "one million", 1_000_000, E, None, None),
    ("a million", "a million", 1_000_000, E, None, None),
    ("two million three hundred thousand", "two million three hundred thousand", 2_300_000, E, None, None),
    ("two and a half million", "two and a half million", 2_500_000, E, None, None),
    ("nearly a dozen", "nearly a dozen", 12, JB, "nearly", None),
    ("in excess of a million", "in excess of a million", 1_000_000, LB, "in excess of", None),
    ("no more than 5", "no more than 5", 5, UB, "no more than", None),
    ("just under 100", "just under 100", 100, JB, "just under", None),
    ("dozens", "dozens", None, V, None, "dozens"),
    ("Dozens of captives", "Dozens", None, V, None, "dozens"),
    ("a majority", "a majority", None, V, None, "a majority"),
    ("the majority", "the majority", None, V, None, "the majority"),
    ("tens of thousands", "tens of thousands", None, V, None, "tens of thousands"),
    ("thousands", "thousands", None, V, None, "thousands"),
    ("scores of people", "scores", None, V, None, "scores"),
    ("several hundred", "several hundred", None, V, None, "several hundred"),
    ("many thousands", "many thousands", None, V, None, "many thousands"),
    ("a few", "a few", None, V, None, "a few"),
    ("several", "several", None, V, None, "several"),
    ("many", "many", None, V, None, "many"),
    # case, non-breaking spaces, surrounding quotes and punctuation
    ("APPROXIMATELY 65,000", "APPROXIMATELY 65,000", 65_000, A, "approximately", None),
    ("Two Million", "Two Million", 2_000_000, E, None, None),
    ("about\u00a065,000", "about\u00a065,000", 65_000, A, "about", None),
    ("\u201capproximately 65,000.\u201d", "approximately 65,000", 65_000, A, "approximately", None),
    ("  about 1,200 people.", "about 1,200", 1_200, A, "about", None),
    ("the Strip\u2019s", None, None, None, None, None),
]


@pytest.mark.parametrize(("text", "fig_text", "value", "hedge", "hedge_word", "vague_word"), PARSED)
def test_parse_figure(
    text: str, fig_text: str | None, value: float | None, hedge: Hedge, hedge_word: str | None, vague_word: str | None
) -> None:
    fig = parse_figure(text)
    if fig_text is None:
        assert fig is None
        return
    assert fig is not None
    assert (fig.text, fig.value, fig.hedge, fig.hedge_word, fig.vague_word) == (
        fig_text,
        value,
        hedge,
        hedge_word,
        vague_word,
    )
    assert text[fig.start : fig.end] == fig.text  # offsets are into the string given


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "one of the disputes",
        "a single individual",
        "at first",
        "First of all",
        "the first",
        "Section",
        "Mr. Netanyahu",
        "Lt. Gen. Eyal Zamir",
        "some hostages",
        "about",
        "up to",
        "a",
        "a third term",
        "October 7, 2023",
        "7 October 2023",
        "65,000 Palestinians have been killed in the war",  # a clause, not a counted noun
        "65,000 and 1,200",
    ],
)
def test_parse_figure_rejects(text: str) -> None:
    assert parse_figure(text) is None


# (vague text, low, high)
INTERVALS = [
    ("dozens", 24, 99),
    ("scores of", 40, 199),
    ("hundreds", 200, 999),
    ("thousands", 2_000, 9_999),
    ("tens of thousands", 20_000, 99_999),
    ("hundreds of thousands", 200_000, 999_999),
    ("millions", 2_000_000, 9_999_999),
    ("a majority", 0.5, 1.0),
    ("the majority", 0.5, 1.0),
    ("several hundred", 300, 999),
    ("a few thousand", 2_000, 5_999),
    ("several dozen", 36, 119),
    ("many", None, None),
    ("several", None, None),
    ("a few", None, None),
]


@pytest.mark.parametrize(("text", "low", "high"), INTERVALS)
def test_vague_intervals(text: str, low: float | None, high: float | None) -> None:
    fig = parse_figure(text)
    assert fig is not None
    assert (fig.hedge, fig.value, fig.low, fig.high) == (Hedge.VAGUE, None, low, high)


# ---------------------------------------------------------------- hedge words


@pytest.mark.parametrize(
    ("hedge", "word"),
    [(h, w) for h, words in HEDGE_WORDS.items() if h is not Hedge.VAGUE for w in words],
)
def test_every_hedge_word_gives_its_class(hedge: Hedge, word: str) -> None:
    fig = parse_figure(f"{word} 65,000 people")
    assert fig is not None
    assert (fig.hedge, fig.hedge_word, fig.value) == (hedge, word, 65_000)
    assert find_figures(f"Officials said {word} 65,000 people fled.")[0].key == (hedge, None, 65_000)


@pytest.mark.parametrize(
    ("hedge", "word"),
    [(h, w) for h, words in HEDGE_WORDS_AFTER.items() for w in words],
)
def test_every_hedge_word_after_the_number_gives_its_class(hedge: Hedge, word: str) -> None:
    joiner = "-" if word == "plus" else ("" if word == "+" else " ")
    after = ", officials said" if word in HEDGES_AFTER_AT_CLAUSE_END else " people"
    fig = parse_figure(f"65,000{joiner}{word}{after}".replace(", officials said", ""))
    assert fig is not None
    assert (fig.hedge, fig.hedge_word, fig.value) == (hedge, word, 65_000)
    assert find_figures(f"Officials said 65,000{joiner}{word}{after} fled.")[0].key == (hedge, None, 65_000)
    if word in HEDGES_AFTER_AT_CLAUSE_END:  # an adverb before another word: "20 at least once"
        assert find_figures(f"It rose 65,000 {word} once.")[0].key == (Hedge.EXACT, None, 65_000)


@pytest.mark.parametrize("word", HEDGE_WORDS[Hedge.VAGUE])
def test_every_vague_word_is_a_vague_figure(word: str) -> None:
    fig = parse_figure(f"{word} of them")
    assert fig is not None
    assert (fig.hedge, fig.vague_word, fig.value) == (Hedge.VAGUE, word, None)


def test_hedge_words_are_documented_lowercase_and_unique() -> None:
    assert set(HEDGE_WORDS) == set(Hedge)
    assert HEDGE_WORDS[Hedge.EXACT] == ()
    assert HEDGE_WORDS[Hedge.RANGE] == ()  # a range is syntax ("between ... and"), not a word
    assert set(HEDGE_WORDS_AFTER) <= set(Hedge) - {Hedge.EXACT, Hedge.VAGUE, Hedge.RANGE}
    for table in (HEDGE_WORDS, HEDGE_WORDS_AFTER):
        words = [w for ws in table.values() for w in ws]
        assert len(words) == len(set(words))
    before = {w: h for h, ws in HEDGE_WORDS.items() for w in ws}
    after = {w: h for h, ws in HEDGE_WORDS_AFTER.items() for w in ws}
    assert all(before[w] is h for w, h in after.items() if w in before)  # "at least 20", "20 at least."
    words = [*before, *after]
    assert all(w == w.lower().strip() and "  " not in w for w in words)
    assert "nearly" in HEDGE_WORDS[Hedge.JUST_BELOW]
    assert "nearly" not in HEDGE_WORDS[Hedge.APPROXIMATE]


# ---------------------------------------------------------------- equality


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("65,000", "65000"),
        ("65,000", "65 thousand"),
        ("two million", "2 million"),
        ("two million", "2,000,000"),
        ("half a million", "500,000"),
        ("about 65,000", "approximately 65,000"),
        ("roughly 20", "around 20"),
        ("an estimated half a million", "some 500,000"),
        ("over 350,000", "more than 350,000"),
        ("up to 28", "fewer than 28"),
        ("nearly two", "almost 2"),
        ("two dozen", "24"),
        ("a majority", "the majority"),
        ("Dozens", "dozens"),
    ],
)
def test_same_figure(a: str, b: str) -> None:
    fa, fb = parse_figure(a), parse_figure(b)
    assert fa is not None
    assert fb is not None
    assert fa.key == fb.key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("65,000", "approximately 65,000"),
        ("about 65,000", "over 65,000"),
        ("nearly 2", "under 2"),
        ("nearly 2", "about 2"),
        ("up to 28", "28"),
        ("hundreds of thousands", "thousands"),
        ("tens of thousands", "hundreds of thousands"),
        ("dozens", "two dozen"),
        ("a dozen", "dozens"),
        ("many", "several"),
        ("65,000", "65,001"),
        ("1,200", "12,000"),
    ],
)
def test_different_figure(a: str, b: str) -> None:
    fa, fb = parse_figure(a), parse_figure(b)
    assert fa is not None
    assert fb is not None
    assert fa.key != fb.key


def test_figure_is_frozen_and_keyed() -> None:
    fig = parse_figure("about 1,200")
    assert isinstance(fig, Figure)
    assert fig.key == (Hedge.APPROXIMATE, None, 1200.0)
    with pytest.raises(AttributeError):
        fig.value = 3.0  # type: ignore[misc]


# ---------------------------------------------------------------- find_figures in prose


@pytest.mark.parametrize(
    "text",
    [
        "one of the disputes",
        "a single individual",
        "at first",
        "First of all, the army",
        "Section",
        "Mr. Netanyahu met Lt. Gen. Eyal Zamir.",
        "He released some hostages.",
        "Some of them left; someone stayed; Germany often voted.",
        "F-16 jets and COVID-19 tests",
        "at 10:30 p.m.",
        "version 1.2.3",
        "one-sided",
        "October 7, 2023",
        "since 1948",
        "in 2023",
        "by mid-2024",
    ],
)
def test_no_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2023, 65 people died.", [("65", 65)]),
        ("the 2023 attack", [("2023", 2023)]),
        ("On 7 October 2023 about 1,200 people", [("about 1,200", 1_200)]),
        ("one million people and one hundred more", [("one million", 1_000_000), ("one hundred", 100)]),
        ("between 5 and 10", [("between 5 and 10", None)]),
        ("a 12-day war", [("12-day", 12)]),
        ("$2.5 billion in aid", [("$2.5 billion", 2_500_000_000)]),
        ("65% of them", [("65%", 65)]),
        ("about one in five", [("about one in five", 0.2)]),
        ("many thousands of soldiers", [("many thousands", None)]),
        ("two million three sources", [("two million", 2_000_000), ("three", 3)]),
        ("Israel\u2019s two million residents", [("two million", 2_000_000)]),
    ],
)
def test_figures_in_prose(text: str, expected: list[tuple[str, float | None]]) -> None:
    assert [(f.text, f.value) for f in find_figures(text)] == expected


def test_hedge_only_directly_before_the_number() -> None:
    (fig,) = find_figures("Over the years, 300 people left.")
    assert (fig.text, fig.hedge) == ("300", Hedge.EXACT)
    (fig,) = find_figures("it was about 300")
    assert (fig.text, fig.hedge, fig.hedge_word) == ("about 300", Hedge.APPROXIMATE, "about")


# ---------------------------------------------------------------- times

TIMES = [
    ("October 7, 2023", "October 7, 2023", "absolute", (2023, 10, 7), "2023-10-07"),
    ("7 October 2023", "7 October 2023", "absolute", (2023, 10, 7), "2023-10-07"),
    ("Oct. 7, 2023", "Oct. 7, 2023", "absolute", (2023, 10, 7), "2023-10-07"),
    ("Oct 7th, 2023", "Oct 7th, 2023", "absolute", (2023, 10, 7), "2023-10-07"),
    ("Sept. 11, 2001", "Sept. 11, 2001", "absolute", (2001, 9, 11), "2001-09-11"),
    ("7th of October 2023", "7th of October 2023", "absolute", (2023, 10, 7), "2023-10-07"),
    ("October 2023", "October 2023", "absolute", (2023, 10, None), "2023-10"),
    ("in October 2023", "October 2023", "absolute", (2023, 10, None), "2023-10"),
    ("October 7", "October 7", "absolute", (None, 10, 7), "--10-07"),
    ("in October", "October", "absolute", (None, 10, None), "--10"),
    ("2023", "2023", "absolute", (2023, None, None), "2023"),
    ("in 2023", "2023", "absolute", (2023, None, None), "2023"),
    ("mid-2023", "mid-2023", "absolute", (2023, None, None), "mid 2023"),
    ("February 29, 2024", "February 29, 2024", "absolute", (2024, 2, 29), "2024-02-29"),
    ("May", "May", "absolute", (None, 5, None), "--05"),
    ("Tuesday", "Tuesday", "relative", (None, None, None), "tuesday"),
    ("on Tuesday", "on Tuesday", "relative", (None, None, None), "tuesday"),
    ("Tuesday evening", "Tuesday evening", "relative", (None, None, None), "tuesday evening"),
    ("last Tuesday", "last Tuesday", "relative", (None, None, None), "last tuesday"),
    ("this week", "this week", "relative", (None, None, None), "this week"),
    ("last year", "last year", "relative", (None, None, None), "last year"),
    ("next month", "next month", "relative", (None, None, None), "next month"),
    ("Just months prior", "Just months prior", "relative", (None, None, None), "months prior"),
    ("months prior", "months prior", "relative", (None, None, None), "months prior"),
    ("years ago", "years ago", "relative", (None, None, None), "years ago"),
    ("In recent weeks", "In recent weeks", "relative", (None, None, None), "recent weeks"),
    ("for decades", "for decades", "relative", (None, None, None), "decades"),
    ("decades", "decades", "relative", (None, None, None), "decades"),
    ("  on  Tuesday.", "on  Tuesday", "relative", (None, None, None), "tuesday"),
]


@pytest.mark.parametrize(("text", "span_text", "kind", "ymd", "canonical"), TIMES)
def test_parse_time(
    text: str, span_text: str, kind: str, ymd: tuple[int | None, int | None, int | None], canonical: str
) -> None:
    t = parse_time(text)
    assert isinstance(t, TimeExpr)
    assert (t.text, t.kind, (t.year, t.month, t.day), t.canonical) == (span_text, kind, ymd, canonical)
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "recently",
        "Recently",
        "now",
        "for now",
        "so far",
        "currently",
        "historically",
        "initially",
        "since",
        "may",
        "march",
        "February 30, 2023",
        "February 29, 2023",
        "two years",
        "the war",
        "65,000",
        "1850",
    ],
)
def test_parse_time_rejects(text: str) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since 1948 and until 2023", ["1948", "2023"]),
        ("the 2023 attack", []),
        ("He may march on Tuesday", ["on Tuesday"]),
        ("In May, and in March 2024", ["May", "March 2024"]),
        ("two years ago", ["years ago"]),
        ("Recently, for now, so far", []),
        ("on 7 October and on October 8", ["7 October", "October 8"]),
        ("at 10:30 on the 7th", []),
    ],
)
def test_times_in_prose(text: str, expected: list[str]) -> None:
    assert [t.text for t in find_times(text)] == expected


# ---------------------------------------------------------------- robustness and speed


def _check_spans(text: str, items: list[Figure] | list[TimeExpr]) -> None:
    last = 0
    for item in items:
        assert 0 <= last <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text
        last = item.end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_scanners_never_raise_and_give_ordered_spans(text: str) -> None:
    _check_spans(text, find_figures(text))
    _check_spans(text, find_times(text))


_TOKENS = [
    "a",
    "an",
    "the",
    "one",
    "two",
    "twenty-eight",
    "hundred",
    "thousand",
    "million",
    "half",
    "dozen",
    "dozens",
    "hundreds",
    "of",
    "thousands",
    "tens",
    "several",
    "many",
    "few",
    "majority",
    "scores",
    "about",
    "approximately",
    "some",
    "an",
    "estimated",
    "over",
    "more",
    "than",
    "no",
    "at",
    "least",
    "up",
    "to",
    "under",
    "just",
    "nearly",
    "in",
    "excess",
    "close",
    "well",
    "shy",
    "October",
    "Oct.",
    "May",
    "may",
    "March",
    "7",
    "7th",
    "2023",
    "1,200",
    "65,000",
    "2.5",
    "on",
    "since",
    "last",
    "this",
    "next",
    "Tuesday",
    "evening",
    "week",
    "year",
    "months",
    "years",
    "prior",
    "recent",
    "decades",
    "for",
    "ago",
    "mid",
    "-",
    ",",
    ".",
    "10:30",
    "F-16",
    "two-thirds",
    "and",
]


#: Words of the forms this grammar added, for the same property.
_NEW_TOKENS = [
    "$", "US$", "£", "€", "₪", "USD", "NIS", "bn", "21bn", "5m", "$5bn", "euros", "dollars", "cents", "50p",
    "%", "percent", "per", "cent", "percentage", "points", "point", "pp",
    "third", "thirds", "quarter", "quarters", "half", "in", "out", "every", "four", "3/4", "9/11",
    "between", "from", "to", "and", "–", "-", "10-15", "$5-7bn", "or", "so", "less", "fewer", "plus", "+",
    "twice", "double", "doubled", "threefold", "times", "as", "much",
    "first", "second", "First", "21st", "twenty-first", "largest", "Amendment", "at", "all",
    "fell", "rose", "down", "by", "drop", "minus", "negative", "−5", ".08", "40", "000", "1990s",
    "decade", "century", "ago", "earlier", "later", "early", "late", "summer", "spring", "fall",
    "2019", "2023", "24", "exceeded", "upwards", "as many as", "no fewer than", "but", "greater", "through",
    "quarter", "fifty", "and more", "at most",
    "wks", "hrs", "km", "sq", "19wks", "29km", "100m", "sprint", "high", "km/h", "kg",
    "or more", "or so", "at least", "thereabouts", "one in four", "a quarter", "twice",
]  # fmt: skip


def _brute_force(pattern: re.Pattern[str], text: str, make: Callable[[re.Match[str]], Any]) -> list[Any]:
    """Try the pattern at every offset, leftmost first: what the anchored scanner must equal."""
    low, out, last = lower_same_length(text), [], 0
    for c in range(len(low)):
        if c >= last and (m := pattern.match(low, c)) is not None and (item := make(m)) is not None:
            out.append(item)
            last = item.end
    return out


def _assert_anchored_scan_is_exact(text: str) -> None:
    times = _brute_force(time_grammar.TIME_RE, text, scan.time_maker(text))
    assert find_times(text) == times
    dates = [(t.start, t.end) for t in times if t.kind == "absolute"]
    assert find_figures(text) == _brute_force(figure_grammar.FIGURE_RE, text, scan.figure_maker(text, dates))


_SEPARATORS = st.sampled_from([" ", " ", "\n", "\u00a0", ""])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_TOKENS), _SEPARATORS), max_size=20),
    st.sampled_from([str, str.upper, str.title]),
)
def test_anchored_scan_equals_trying_every_offset(parts: list[tuple[str, str]], case: Callable[[str], str]) -> None:
    """The speed-up (trying patterns only near anchor words) must not change what is found."""
    _assert_anchored_scan_is_exact(case("".join(w + s for w, s in parts)))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_TOKENS + _NEW_TOKENS), _SEPARATORS), max_size=24),
    st.sampled_from([str, str.upper, str.title]),
)
# Counterexamples hypothesis found while the grammar was written: a qualifier inside a word,
# a currency symbol a line break away, a symbol before a word number, a ratio that fails, and
# "fewer than" inside "no fewer than" when the longer phrase cannot start a figure.
@example([("a", ""), ("early", " "), ("2023", " ")], str)
@example([("$", "\n"), ("7", " ")], str)
@example([("$", " "), ("one", " ")], str)
@example([("2023", " "), ("in", " "), ("1,200", " ")], str)
@example([("$", ""), ("no fewer than", " "), ("−5", " ")], str)  # a lead phrase inside a lead phrase
def test_anchored_scan_is_exact_on_the_new_forms(parts: list[tuple[str, str]], case: Callable[[str], str]) -> None:
    """Money, ranges, ratios, ordinals, signs and lead phrases ("as many as") keep the scan exact."""
    _assert_anchored_scan_is_exact(case("".join(w + s for w, s in parts)))


def test_the_hedges_held_to_a_clause_end_are_the_at_phrases_among_the_hedges_after_a_number() -> None:
    from claimdocs.quantities import HEDGES_AFTER_AT_CLAUSE_END

    assert frozenset({"at least", "at the least", "at minimum", "at most", "at the most", "at maximum"}) == HEDGES_AFTER_AT_CLAUSE_END
    assert find_figures("They counted 20 at least once.")[0].hedge is not Hedge.LOWER_BOUND
    assert find_figures("They counted 20 at least.")[0].hedge is Hedge.LOWER_BOUND
