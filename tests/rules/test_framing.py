"""Specification of claims.framing (:mod:`claimdocs.rules.framing`).

A sentence without a marker is the site's own framing: it names no entity and uses only
framing words; on a page about the site it may explain in other words, but never restates
the article or names anyone.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from claimdocs.project import Project
from claimdocs.rules.engine import check_page

from .helpers import check, loc


def framing(project: Project, text: str) -> list:
    return [f for f in check(project, text, tracing=True) if f.rule == "framing"]


@pytest.mark.parametrize(
    "text",
    [
        "This page restates what the article says.\n",
        "# Figures\n",
        "The sections below list the quotations, in the article's order.\n",
        "See the table for every figure and its source.\n",
        "Each entry links to the sentence of the article it comes from.\n",
        "Hover over or tap a marked phrase to see its evidence.\n",
        "The following summary describes the article's account, section by section.\n",
        # "own" and "behind" speak of the site here
        "The sentences below restate the article in its own words.\n",
        "Hover over a marker to see the sentence of the article behind it.\n",
    ],
)
def test_a_sentence_about_the_site_passes(project: Project, text: str) -> None:
    assert framing(project, text) == []


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Mr. Hanegbi resigned in protest.\n", "Mr. Hanegbi"),  # a made-up statement naming a person
        ("The strike in Qatar was called off.\n", "strike"),  # a place and words of fact
        ("The talks collapsed.\n", "talks"),  # words of fact, no name at all
        ("Reserve soldiers are exhausted after the long conflict.\n", "Reserve"),  # the article's own vocabulary
        ("## The ceasefire negotiations\n", "ceasefire"),  # a heading is a sentence too
    ],
)
def test_a_statement_without_a_marker_is_reported(project: Project, text: str, first: str) -> None:
    found = framing(project, text)
    assert [(f.line, f.col) for f in found] == [loc(text, first)], found
    assert "without a claim marker" in found[0].message


def test_the_message_suggests_the_claim_the_words_belong_to(project: Project) -> None:
    [f] = framing(project, "General Zamir worried about the mounting fatigue of reserve soldiers.\n")
    assert f.claim == "zamir-concerned-fatigue"
    assert "most likely restates claim zamir-concerned-fatigue" in f.message


def test_a_page_about_the_site_may_explain_in_its_own_words_but_not_restate(project: Project, tmp_path: Path) -> None:
    from claimdocs.config import Config

    config = Config(**{**project.config.model_dump(), "root": project.config.root, "site_pages": ("about.md",)})
    site = replace(project, config=config)
    explain = "The checker parses each page once and compares its tokens with the evidence.\n"
    assert [f for f in check_page(site, "docs/about.md", explain).findings if f.rule == "framing"] == []
    assert framing(project, explain)  # the same sentence on a content page is held to the framing words
    restating = "Security officials revealed that the mounting fatigue among reserve soldiers worried the chief.\n"
    found = [f for f in check_page(site, "docs/about.md", restating).findings if f.rule == "framing"]
    assert found and "words of the article" in found[0].message
    naming = "For example, the checker knows who Mr. Barnea is.\n"
    found = [f for f in check_page(site, "docs/about.md", naming).findings if f.rule == "framing"]
    assert found and '"Mr. Barnea"' in found[0].message


def test_figures_and_dates_in_framing_are_the_unbacked_rules(project: Project) -> None:
    found = check(project, "This page lists 3 sections.\n", tracing=True)
    assert [f.rule for f in found] == ["unbacked"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # "behind" and "own" are framing words, not core ones: beside a marker they may state a fact
        ("{claim}`About 1,200 <attack-deaths>` people were killed in Israel, and Hamas was behind it.\n", "behind"),
        ("{claim}`Mr. Katz is widely seen as a staunch Netanyahu loyalist <katz-loyalist>`, his own man.\n", "own"),
    ],
)
def test_framing_words_that_may_state_a_fact_are_not_free_beside_a_marker(project: Project, text: str, word: str) -> None:
    found = [f for f in check(project, text, tracing=True) if f.rule == "support"]
    assert found and f'"{word}"' in found[0].message, found
