"""The article's sentences: where a sentence ends, whatever abbreviations stand in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.article import sentence_spans
from claimdocs.lexicon import DEFAULT
from claimdocs.pages import parse_page
from claimdocs.rules.view import View
from rules.helpers import load, write_project


def _split(text: str, **kwargs: frozenset[str]) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a title before a name never ends a sentence
        ("Pres. Lee spoke. Supt. Ortiz agreed.", ["Pres. Lee spoke.", "Supt. Ortiz agreed."]),
        ("Lt. Gen. Dana Levi left. Mr. Ortiz stayed.", ["Lt. Gen. Dana Levi left.", "Mr. Ortiz stayed."]),
        ("They voted on bill No. 5 today.", ["They voted on bill No. 5 today."]),
        # a company's suffix ends a sentence only before a capital
        ("Shares of Acme Inc. rose 5%. Beta Corp. fell.", ["Shares of Acme Inc. rose 5%.", "Beta Corp. fell."]),
        ("The buyer was Delta Ltd. The seller was Gamma Co.", ["The buyer was Delta Ltd.", "The seller was Gamma Co."]),
        ("Pears, apples, etc. were sold. The stall closed.", ["Pears, apples, etc. were sold.", "The stall closed."]),
        ("He spoke to Ortiz Jr. \u201cNo,\u201d he said.", ["He spoke to Ortiz Jr.", "\u201cNo,\u201d he said."]),
        # an initialism inside a sentence, and at its end
        ("A U.S. ally agreed. The talks ended in the U.S. Then they left.",
         ["A U.S. ally agreed.", "The talks ended in the U.S.", "Then they left."]),
        # quotation marks and brackets close the sentence with its period
        ("\u201cWe will stay.\u201d The mayor left.", ["\u201cWe will stay.\u201d", "The mayor left."]),
        ("It rained (all day.) Then it cleared.", ["It rained (all day.)", "Then it cleared."]),
        # a blank line ends a sentence even without a period
        ("A heading\n\nThe first line.", ["A heading", "The first line."]),
    ],
)
def test_sentences_end_where_a_reader_ends_them(text: str, sentences: list[str]) -> None:
    assert _split(text) == sentences


def test_known_limit_a_company_suffix_before_a_capitalised_word_ends_the_sentence() -> None:
    """A LIMIT, not a feature: "Acme Inc. Chief Executive ..." is cut after "Inc." (a capital follows), as
    "... of Acme Inc. The company ..." must be; nothing in the words tells the two apart."""
    assert _split("Acme Inc. Chief Executive Dana Levi resigned.") == ["Acme Inc.", "Chief Executive Dana Levi resigned."]


def test_the_word_lists_are_the_callers() -> None:
    text = "Ask Brig. Ortiz. He knows."
    assert _split(text) == ["Ask Brig.", "Ortiz.", "He knows."]
    assert _split(text, abbreviations=DEFAULT.abbreviations | {"brig"}) == ["Ask Brig. Ortiz.", "He knows."]
    assert _split("The firm Omega Pty. closed.") == ["The firm Omega Pty.", "closed."]
    assert _split("The firm Omega Pty. closed.", closing=DEFAULT.closing_abbreviations | {"pty"}) == [
        "The firm Omega Pty. closed."
    ]


def test_a_project_s_vocabulary_splits_the_article_and_the_pages_alike(tmp_path: Path) -> None:
    article = "Riverton hired Omega Pty. last year. Brig. Ortiz approved it.\n"
    root = write_project(tmp_path, article, [], [], vocabulary={"abbreviations": ["brig"], "closing_abbreviations": ["pty"]})
    project = load(root)
    assert [article[s:e] for s, e in project.article.sentences] == [
        "Riverton hired Omega Pty. last year.", "Brig. Ortiz approved it.",
    ]
    plain = load(write_project(tmp_path / "plain", article, [], []))
    assert len(plain.article.sentences) == 4  # the defaults cut after "Pty." and "Brig."
    # a page's block is split by the same project words
    (block,) = parse_page(article, "docs/p.md").blocks
    shown = View(block, project, 0)
    assert [shown.text[s:e] for s, e in shown.sentences] == ["Riverton hired Omega Pty. last year.", "Brig. Ortiz approved it."]
    default = View(block, plain, 0)
    # the defaults cut after "Brig." (a page joins "last year." back on: it starts in lower case)
    assert [default.text[s:e] for s, e in default.sentences] == [
        "Riverton hired Omega Pty. last year.", "Brig.", "Ortiz approved it.",
    ]
