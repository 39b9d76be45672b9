"""The article's reading is cached per live article, never found again by a reused id."""

from __future__ import annotations

import gc

from claimdocs.article import Article
from claimdocs.rules import conventions
from claimdocs.rules.conventions import reading_of


def test_a_reading_is_cached_while_its_article_lives_and_dropped_with_it() -> None:
    article = Article.from_bytes("a.txt", "\u201cYes,\u201d said Levi. It rained.\n".encode())
    first = reading_of(article)
    assert reading_of(article) is first
    key = id(article)
    assert key in conventions._CACHE
    del article
    gc.collect()
    assert key not in conventions._CACHE


def test_two_articles_get_their_own_readings() -> None:
    one = Article.from_bytes("a.txt", b"One sentence here.\n")
    two = Article.from_bytes("b.txt", b"Another one. And a second.\n")
    assert reading_of(one).text == one.text and reading_of(two).text == two.text
    assert len(reading_of(two).sentences) == 2
