"""Specification of claims.attribution (:mod:`claimdocs.rules.attribution`).

On a page, a marked figure or stance keeps the source the article gives it (in its
sentence), and a marked assertion names who asserts it with a form of its verb and,
when contested, who contests it.
"""

from __future__ import annotations

import pytest

from claimdocs.project import Project

from .helpers import clean, only

# ---------------------------------------------------------------- the claims to the pages


def test_figure_keeps_its_source(project: Project) -> None:
    text = "The toll is {claim}`approximately 65,000 <gaza-deaths>` dead.\n"
    f = only(project, text, "attribution", "{claim}")
    assert f.message.startswith(
        'figure of claim gaza-deaths lost its source: the article gives it as according to "health officials in the enclave"'
    )
    clean(project, "The toll is {claim}`approximately 65,000 <gaza-deaths>`, say Gaza health officials.\n")


def test_source_in_another_sentence_is_not_enough(project: Project) -> None:
    text = "Gaza health officials spoke. The toll is {claim}`approximately 65,000 <gaza-deaths>`.\n"
    only(project, text, "attribution", "{claim}")


def test_stance_keeps_its_source(project: Project) -> None:
    stance = "{claim}`General Zamir was concerned about fatigue <zamir-concerned-fatigue>`"
    only(project, f"{stance}.\n", "attribution", "{claim}")
    clean(project, f"According to security officials, {stance}.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Critics of Mr. Netanyahu contend that {claim}`he prolonged the war <critics-prolong>`.\n",
        "His critics contended {claim}`he prolonged the war <critics-prolong>`.\n",
        "{claim}`The International Criminal Court accused Mr. Netanyahu of war crimes <icc-accusation>`; "
        "the Israeli government denies it.\n",
        "{claim}`The ICC has accused him <icc-accusation>`.\nThe Israeli government vigorously denied it.\n",
    ],
)
def test_assertion_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{claim}`He prolonged the war <critics-prolong>`.\n", "lost its source"),
        ("Critics suggest {claim}`he prolonged the war <critics-prolong>`.\n", '("contend")'),
        ("Critics contend. It is said {claim}`he prolonged the war <critics-prolong>`.\n", "lost its source"),
        ("{claim}`The ICC accused him of war crimes <icc-accusation>`.\n", "lost its contest"),
        ("{claim}`The ICC accused him of war crimes <icc-accusation>`; critics deny it.\n", "lost its contest"),
    ],
)
def test_assertion_rejected(project: Project, text: str, words: str) -> None:
    f = only(project, text, "attribution", "{claim}")
    assert words in f.message
