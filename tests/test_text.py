"""Text helpers: the fast forms give exactly what the plain forms give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdocs.text import MAX_TRIE_NESTING, replacer, trie_pattern

WORDS = st.lists(st.text(alphabet="ab c", min_size=1, max_size=6), max_size=12)
TEXTS = st.text(alphabet="ab c-x\n", max_size=60)


@st.composite
def words_and_text(draw: st.DrawFn) -> tuple[list[str], str]:
    """Words, and a text made mostly of them: where longest-first and shortest-first differ."""
    words = draw(st.lists(st.text(alphabet="ab c", min_size=1, max_size=6), min_size=1, max_size=12))
    pieces = draw(st.lists(st.one_of(st.sampled_from(words), st.sampled_from([" ", "-", "x", "\n", "a", " b"])),
                           max_size=12))
    return words, "".join(pieces)


def _alternation(words: list[str]) -> str:
    """What the trie replaces: every word, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or r"(?!x)x"


def _spans(body: str, text: str) -> list[tuple[int, int]]:
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(case=words_and_text())
def test_the_trie_matches_what_the_longest_first_alternation_matches(case: tuple[list[str], str]) -> None:
    words, text = case
    assert _spans(trie_pattern(words) or r"(?!x)x", text) == _spans(_alternation(words), text)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, text=TEXTS)
def test_on_any_text_too(words: list[str], text: str) -> None:
    assert _spans(trie_pattern(words) or r"(?!x)x", text) == _spans(_alternation(words), text)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, text=TEXTS)
def test_a_space_may_stand_for_any_run_of_white_space(words: list[str], text: str) -> None:
    def loose(ch: str) -> str:
        return r"\s+" if ch == " " else re.escape(ch)

    plain = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    assert _spans(trie_pattern(words, loose) or r"(?!x)x", text) == _spans(plain or r"(?!x)x", text)


def test_shared_prefixes_are_written_once() -> None:
    assert trie_pattern(["israel", "israel katz", "iran"]) == r"i(?:ran|srael(?:\ katz)?)"
    assert trie_pattern([]) == ""


@pytest.mark.parametrize(
    "words",
    [
        ["a" * 5000, "a" * 4999 + "b"],  # long words: no recursion a letter
        ["a" * n for n in range(1, 400)],  # every word a prefix of the next: too deep a trie
        [f"{'x' * n}y" for n in range(300)],
    ],
)
def test_long_and_deeply_nested_word_lists_compile(words: list[str]) -> None:
    body = trie_pattern(words)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    longest = max(words, key=len)
    assert pattern.fullmatch(longest)
    assert _spans(body, f"{longest} {words[0]}") == _spans(_alternation(words), f"{longest} {words[0]}")


def test_past_the_nesting_limit_the_plain_alternation_is_written() -> None:
    deep = ["a" * n for n in range(1, MAX_TRIE_NESTING + 3)]
    assert trie_pattern(deep) == "|".join(sorted(deep, key=len, reverse=True))
    shallow = ["a" * n for n in range(1, 5)]
    assert trie_pattern(shallow) == "a(?:a(?:a(?:a)?)?)?"


QUOTES = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab \u2019\u2018\u201c\u201d\u00a0\u00e9'\"", max_size=80))
def test_replacer_gives_what_translate_gives(text: str) -> None:
    assert replacer(QUOTES)(text) == text.translate(str.maketrans(QUOTES))


def test_replacer_refuses_a_table_whose_replacements_are_replaced() -> None:
    with pytest.raises(ValueError, match="replaced"):
        replacer({"a": "b", "b": "c"})
