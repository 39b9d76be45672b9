"""The drafting helpers answer as the plain scans they replaced: ``claimdocs init`` writes the same bytes, sooner."""

from __future__ import annotations

import itertools
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdocs.article import Article
from claimdocs.drafting import Anchor, _Sentences, propose
from conftest import ARTICLE, ROOT

EXAMPLE_ARTICLE = ROOT / "examples" / "norvalia-hospitals" / "seeds" / "norvalia-hospitals.txt"


def _scan(article: Article, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``start``, as a scan from the first finds it."""
    for s, e in article.sentences:
        if s <= start < e:
            return s, max(e, min(end, len(article.text)))
    return start, end


@pytest.mark.parametrize("path", [ARTICLE, EXAMPLE_ARTICLE], ids=["site", "example"])
def test_the_sentence_of_a_span_is_the_scan_answer(path) -> None:
    article = Article.from_bytes(path.name, path.read_bytes())
    spans = article.sentences
    assert all(s <= e <= s2 for (s, e), (s2, _e2) in itertools.pairwise(spans))  # in order, apart
    sentence = _Sentences(article)
    for start in range(-1, len(article.text) + 2):
        for end in (start, start + 7, len(article.text) + 5):
            assert sentence(start, end) == _scan(article, start, end), (start, end)


def test_the_sentence_of_a_text_without_sentences() -> None:
    article = Article.from_bytes("blank.txt", b"   \n")
    assert _Sentences(article)(1, 3) == _scan(article, 1, 3)


@settings(max_examples=400, deadline=None)
@given(before=st.text(alphabet="ab \n\u00a0.\u2019", max_size=30), after=st.text(alphabet="ab \n\u00a0.\u2019", max_size=30),
       k=st.integers(1, 6))
def test_the_words_around_an_anchor_are_the_regex_answer(before: str, after: str, k: int) -> None:
    """Word by word, the words before and after a span are what the regexes found (on texts short enough for them)."""
    anchor = Anchor(Article.from_bytes("a.txt", (before + "X" + after).encode()))
    m = re.search(rf"(?:\S+\s*){{1,{k}}}$", before)
    assert anchor._words_before(len(before), k) == (m.group() if m else "")
    m = re.match(rf"(?:\s*\S+){{1,{k}}}", after)
    assert anchor._words_after(len(before) + 1, k) == (m.group() if m else "")


def test_a_repeated_passage_is_drafted_without_a_hang() -> None:
    """An article that repeats a passage needs many words of prefix to anchor each figure: found word by word."""
    passage = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    article = Article.from_bytes("twice.txt", (passage + "\n" + passage).encode())
    started = time.perf_counter()
    proposal = propose(article)
    assert proposal.claims and time.perf_counter() - started < 60
