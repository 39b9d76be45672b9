"""The drafting helpers answer as the plain scans they replaced: ``claimdocs init`` writes the same bytes, sooner."""

from __future__ import annotations

import itertools

import pytest

from claimdocs.article import Article
from claimdocs.drafting import _Sentences
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
