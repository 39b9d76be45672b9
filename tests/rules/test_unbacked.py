"""Specification of claims.unbacked, and of claims.quote in prose (:mod:`claimdocs.rules.unbacked`).

Nothing factual is written in prose without its marker: a figure, a date or relative
time, a quotation of the article, a quotation partly outside its marker; prose is every
block a reader sees (cards, tabs, admonitions, tables, lists, titles), never code. A
quotation in prose that is not one of the article's is reported as claims.quote.
Unmarked offices are specified in rules/test_office.py.
"""

from __future__ import annotations

import pytest

from claimdocs.project import Project

from .helpers import check, clean, only

# ---------------------------------------------------------------- figures and times


@pytest.mark.parametrize(
    ("prose", "figure", "suggested"),
    [
        ("About 65,000 people were killed.", "About 65,000", "gaza-deaths"),
        ("The strip has two million residents.", "two million", "gaza-population"),
        ("Dozens of captives were released.", "Dozens", "captives-released"),
        ("There remain hundreds of thousands of people.", "hundreds of thousands", "within-borders"),
        ("An estimated half a million remain.", "An estimated half a million", "remain-in-city"),
        ("The war began on October 7, 2023 in the south.", "October 7, 2023", "october-7"),
        ("The invasion started this week.", "this week", "invasion-this-week"),
        ("He spoke on Tuesday.", "on Tuesday", "address-tuesday"),
        ("He was appointed last year.", "last year", "katz-last-year"),
    ],
)
def test_unbacked_figures_and_times(project: Project, prose: str, figure: str, suggested: str) -> None:
    text = f"Intro.\n\n{prose}\n"
    f = only(project, text, "unbacked", figure)
    assert f'"{figure}" is not marked' in f.message
    assert f"<{suggested}>" in f.message


@pytest.mark.parametrize(
    "prose",
    ["A majority of voters agree.", "It lasted for decades.", "Just months prior, he spoke.",
     "In recent weeks, it grew.", "There were 17 of them.", "The {ref}`figure of 12 <x>` link."],
)
def test_unbacked_without_a_claim_says_so(project: Project, prose: str) -> None:
    (f,) = check(project, prose + "\n")
    assert f.rule == "unbacked"
    assert "no claim says it" in f.message or "claim-id" in f.message


@pytest.mark.parametrize(
    "prose",
    ["Many Israelis are skeptical.", "Several officials spoke.", "A few people left.", "One of the disputes.",
     "The page shows `65,000` as code.", "Section {nofact}`3` explains.", "The {ref}`figure <x>` role.", "Run {code}`seq 12`."],
)
def test_not_unbacked(project: Project, prose: str) -> None:
    clean(project, prose + "\n")


def test_code_blocks_and_literal_directives_are_not_checked(project: Project) -> None:
    clean(
        project,
        "```text\n65,000 \"quote\" on October 7, 2023\n```\n\n"
        "```{code-block} python\nx = 1200  # this week\n```\n\n"
        "    indented 99\n",
    )


@pytest.mark.parametrize(
    "page",
    [
        ":::{admonition} Note\nSome 65,000 died.\n:::\n",
        "```{card} Title\nSome 65,000 died.\n```\n",
        "::::{tab-set}\n:::{tab-item} Tab\nSome 65,000 died.\n:::\n::::\n",
        "| a | b |\n|---|---|\n| x | Some 65,000 died. |\n",
        "- item\n- Some 65,000 died.\n",
        "# Some 65,000 died\n",
        ":::{dropdown} Some 65,000 died\nBody.\n:::\n",
    ],
)
def test_prose_in_cards_tabs_admonitions_tables_lists_and_titles_is_checked(project: Project, page: str) -> None:
    only(project, page, "unbacked", "Some 65,000")


# ---------------------------------------------------------------- quotations


def test_unmarked_quotation_of_a_quote_claim(project: Project) -> None:
    text = "Plesner said “This norm has been broken,” and left.\n"
    f = only(project, text, "unbacked", "“This")
    assert "<plesner-norm>" in f.message


@pytest.mark.parametrize(
    ("prose", "needle", "rule", "words"),
    [
        ("He wrote “the norm is gone” then.", "“the", "quote", "not a quotation of the article"),
        ("It said “Israel’s military push into Gaza City” then.", "“Israel", "quote", "narration"),
        ('Katz vowed to unleash "hell" on Hamas.', '"hell"', "unbacked", "no quote claim"),
    ],
)
def test_quotations_in_prose(project: Project, prose: str, needle: str, rule: str, words: str) -> None:
    f = only(project, prose + "\n", rule, needle)
    assert words in f.message


@pytest.mark.parametrize("text", ["He said “unterminated\n", 'a " b\n', "“\n", "”odd“\n", '"'])
def test_unterminated_quotation_does_not_crash(project: Project, text: str) -> None:
    check(project, text)


def test_quotation_partly_outside_its_marker(project: Project) -> None:
    text = "Plesner said “{claim}`This norm has been broken <plesner-norm>`, and the rest”.\n"
    only(project, text, "unbacked", "“")


def test_a_term_unmarked_in_prose_is_unbacked_and_its_claim_suggested(quoting: Project) -> None:
    f = only(quoting, "The report counts “savings” for the town.\n", "unbacked", "“savings”")
    assert f.message == "quotation not marked; mark it with {claim}`“savings” <savings>`"
    assert f.claim == "savings"
    clean(quoting, "The report counts {claim}`“savings” <savings>` for the town.\n")
