"""Specification of the time forms news prose writes besides dates (issue 13, item 1).

A time is compared by its ``canonical`` form, so what a reader would call a
different time must have a different canonical ("early 2023" is not "2023", "late
last year" is not "last year"), and another spelling of the same time the same one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdocs.quantities import find_figures, find_times, parse_time

# (text, span, kind, year, canonical)
TIMES = [
    # qualified years and months: the qualifier is part of the time
    ("early 2023", "early 2023", "absolute", 2023, "early 2023"),
    ("in early 2023", "early 2023", "absolute", 2023, "early 2023"),
    ("mid-2024", "mid-2024", "absolute", 2024, "mid 2024"),
    ("by mid-2024", "mid-2024", "absolute", 2024, "mid 2024"),
    ("late 2023", "late 2023", "absolute", 2023, "late 2023"),
    ("in late October", "late October", "absolute", None, "late --10"),
    ("early October 2023", "early October 2023", "absolute", 2023, "early 2023-10"),
    # decades
    ("the 1990s", "1990s", "absolute", None, "1990s"),
    ("in the 1990s", "1990s", "absolute", None, "1990s"),
    ("the 1990’s", "1990’s", "absolute", None, "1990s"),
    ("the early 2000s", "early 2000s", "absolute", None, "early 2000s"),
    ("in the mid-1980s", "mid-1980s", "absolute", None, "mid 1980s"),
    # seasons
    ("spring 2024", "spring 2024", "absolute", 2024, "spring 2024"),
    ("the summer of 2024", "summer of 2024", "absolute", 2024, "summer 2024"),
    ("in the autumn of 2023", "autumn of 2023", "absolute", 2023, "autumn 2023"),
    ("fall 2023", "fall 2023", "absolute", 2023, "autumn 2023"),
    ("late summer 2024", "late summer 2024", "absolute", 2024, "late summer 2024"),
    ("last summer", "last summer", "relative", None, "last summer"),
    ("this spring", "this spring", "relative", None, "this spring"),
    ("next winter", "next winter", "relative", None, "next winter"),
    ("last fall", "last fall", "relative", None, "last autumn"),
    ("this past summer", "this past summer", "relative", None, "this past summer"),
    # spans of years
    ("between 2019 and 2023", "2019 and 2023", "absolute", None, "2019/2023"),
    ("from 2019 to 2023", "2019 to 2023", "absolute", None, "2019/2023"),
    ("2019-2023", "2019-2023", "absolute", None, "2019/2023"),
    ("2019–23", "2019–23", "absolute", None, "2019/2023"),
    ("the 2023-24 season", None, "absolute", None, "2023/2024"),
    # relative, qualified
    ("earlier this month", "earlier this month", "relative", None, "earlier this month"),
    ("late last year", "late last year", "relative", None, "late last year"),
    ("later this year", "later this year", "relative", None, "later this year"),
    ("early next week", "early next week", "relative", None, "early next week"),
    ("mid-next year", "mid-next year", "relative", None, "mid next year"),
    ("earlier that day", "earlier that day", "relative", None, "earlier that day"),
    ("this weekend", "this weekend", "relative", None, "this weekend"),
    ("a year ago", "a year ago", "relative", None, "a year ago"),
    ("a decade ago", "a decade ago", "relative", None, "a decade ago"),
    ("a week earlier", "a week earlier", "relative", None, "a week earlier"),
]


@pytest.mark.parametrize(("text", "span", "kind", "year", "canonical"), TIMES)
def test_time_in_prose(text: str, span: str | None, kind: str, year: int | None, canonical: str) -> None:
    (t,) = find_times(text)
    assert (t.kind, t.year, t.canonical) == (kind, year, canonical)
    assert text[t.start : t.end] == t.text
    if span is not None:
        assert t.text == span


@pytest.mark.parametrize(("text", "span", "kind", "year", "canonical"), [row for row in TIMES if row[1] is not None])
def test_time_whole_string(text: str, span: str, kind: str, year: int | None, canonical: str) -> None:
    t = parse_time(text)
    assert t is not None
    assert (t.text, t.kind, t.canonical) == (span, kind, canonical)


@pytest.mark.parametrize(("text", "span", "kind", "year", "canonical"), TIMES)
def test_numbers_inside_an_absolute_time_are_not_figures(
    text: str, span: str | None, kind: str, year: int | None, canonical: str
) -> None:
    if kind == "absolute":
        assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("early", []),
        ("the summer", []),
        ("in the summer", ["the summer"]),  # a season after a preposition is a relative time
        ("fall", []),
        ("prices fall 3%", []),
        ("between 2023 and 2019", []),
        ("2023-2019", []),
        ("the 2023 attack", []),
        ("in the 2023 attack", []),
        ("2023-05-01", []),
        ("yearly 2023", []),
        ("the 737-800", []),
        ("late Tuesday", ["Tuesday"]),
        ("He was early in 2023", ["2023"]),
        ("this week and last year", ["this week", "last year"]),
        ("two years ago", ["years ago"]),
    ],
)
def test_times_in_prose_and_near_misses(text: str, expected: list[str]) -> None:
    assert [t.text for t in find_times(text)] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("mid-2024", "mid 2024"),
        ("in early 2023", "early 2023"),
        ("the 1990s", "1990s"),
        ("the summer of 2024", "summer 2024"),
        ("fall 2023", "autumn 2023"),
        ("last fall", "last autumn"),
        ("between 2019 and 2023", "2019-2023"),
        ("from 2019 to 2023", "2019–23"),
    ],
)
def test_same_time(a: str, b: str) -> None:
    ta, tb = parse_time(a), parse_time(b)
    assert ta is not None
    assert tb is not None
    assert ta.canonical == tb.canonical


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("early 2023", "2023"),
        ("early 2023", "late 2023"),
        ("mid-2024", "2024"),
        ("late last year", "last year"),
        ("earlier this month", "this month"),
        ("last summer", "last winter"),
        ("spring 2024", "spring 2023"),
        ("the 1990s", "1990"),
        ("the 1990s", "the 1980s"),
        ("2019-2023", "2019-2022"),
        ("2019-2023", "2019"),
        ("a year ago", "a decade ago"),
    ],
)
def test_different_time(a: str, b: str) -> None:
    ta, tb = parse_time(a), parse_time(b)
    assert ta is not None
    assert tb is not None
    assert ta.canonical != tb.canonical


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1900, max_value=2100), st.sampled_from(["early", "mid", "late"]), st.sampled_from([" ", "-"]))
def test_a_qualified_year_keeps_its_qualifier(year: int, qual: str, sep: str) -> None:
    (t,) = find_times(f"It happened in {qual}{sep}{year}, officials said.")
    assert (t.text, t.canonical, t.year) == (f"{qual}{sep}{year}", f"{qual} {year}", year)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1900, max_value=2100),
    st.integers(min_value=1900, max_value=2100),
    st.sampled_from(["between {} and {}", "from {} to {}", "{}-{}"]),
)
def test_a_span_of_years_holds_only_in_order(y1: int, y2: int, form: str) -> None:
    times = find_times(form.format(y1, y2))
    if y1 < y2:
        assert [t.canonical for t in times] == [f"{y1}/{y2}"]
        assert find_figures(form.format(y1, y2)) == []
    else:
        assert all("/" not in t.canonical for t in times)
