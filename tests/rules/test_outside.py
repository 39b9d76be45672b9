"""Specification of claims.outside (:mod:`claimdocs.rules.outside`): a page names only whom the article names."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.project import Project

from .helpers import check, load, loc, write_project


def outside(project: Project, text: str) -> list:
    return [f for f in check(project, text, tracing=True) if f.rule == "outside"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The talks also involved Jordan, security officials revealed.\n", "Jordan"),
        ("This page also cites the Arab League.\n", "Arab League"),
        ("{claim}`Roughly 20 <hostages-alive>` hostages are still alive in Gaza, according to Jordan Peterson.\n", "Jordan Peterson"),
    ],
)
def test_a_name_the_article_never_gives_is_reported(project: Project, text: str, name: str) -> None:
    found = outside(project, text)
    assert [(f.line, f.col) for f in found] == [loc(text, name)], found
    assert f'"{name}" is not named in the article' in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "This page names Gaza City and Tel Aviv as the article does.\n",  # in the article
        "## Who Opposed What\n",  # a title-case heading: ordinary words of the article and framing words
        "The article names Eyal Zamir.\n",  # a registered name
        "Hover over a name.\n",  # a capitalised first word
    ],
)
def test_names_of_the_article_and_ordinary_capitalised_words_pass(project: Project, text: str) -> None:
    assert outside(project, text) == []


def test_a_project_lists_its_own_tools_as_framing(project: Project) -> None:
    from dataclasses import replace

    from claimdocs.model import Vocabulary
    from claimdocs.rules.engine import check_page

    text = "The site is built with Sphinx and MyST.\n"
    assert [f.message.split('"')[1] for f in outside(project, text)] == ["Sphinx", "MyST"]
    own = replace(project, lexicon=project.lexicon.extended(Vocabulary(framing=["Sphinx", "MyST"])))
    assert [f for f in check_page(own, "docs/p.md", text).findings if f.rule == "outside"] == []


def test_limit_a_single_capitalised_word_opening_a_sentence_is_not_taken_for_a_name(project: Project) -> None:
    """It cannot be told from an ordinary word there; the framing and support rules still hold it."""
    found = check(project, "Jordan mediated the talks.\n", tracing=True)
    assert not [f for f in found if f.rule == "outside"]
    assert [f for f in found if f.rule == "framing"]


def test_what_one_article_names_is_not_known_to_another_project(tmp_path: Path) -> None:
    """Projects without a vocabulary share the default lexicon: the article's own words must not be remembered in it."""
    claim = {"id": "c", "kind": "assertion", "text": "The mill closed", "asserter": [], "verb": "closed",
             "evidence": {"exact": "The mill closed"}}
    first = load(write_project(tmp_path / "a", "The mill closed near Brackwater.\n", [], [claim]))
    second = load(write_project(tmp_path / "b", "The mill closed last spring.\n", [], [claim]))
    assert first.lexicon is second.lexicon
    text = "This page also names Brackwater.\n"
    assert outside(first, text) == []
    assert [(f.line, f.col) for f in outside(second, text)] == [loc(text, "Brackwater")]
