"""Specification of claims.speaker (:mod:`claimdocs.rules.speaker`).

In the claims, a quote's speaker is named around the quotation in the article. On a
page, the sentence of a marked quotation names its speaker (or follows one that does)
and gives it to no one else.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.project import Project
from claimdocs.rules.engine import check_source
from conftest import set_field

from .helpers import clean, findings_for, only

# ---------------------------------------------------------------- the article to the claims


def test_a_quotation_given_to_someone_not_named_there(site: Path) -> None:
    set_field(site / "claims" / "offensive.yaml", "katz-hell", "speaker", "plesner")
    found = [f for f in findings_for(site) if f.rule == "speaker"]
    assert [f.claim for f in found] == ["katz-hell"]
    assert "'Yohanan Plesner' is not named around the quotation" in found[0].message


def test_a_quotation_whose_speaker_is_a_pronoun_after_the_name_is_accepted(real_project: Project) -> None:
    # "she added, “It’s difficult ...”" two sentences after Idit Shafran Gittleman is named
    assert real_project.claims["shafran-gittleman-gravity"].speaker == "shafran-gittleman"
    assert not [f for f in check_source(real_project) if f.rule == "speaker"]


# ---------------------------------------------------------------- the claims to the pages


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Plesner elaborated, {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "{claim}`“This norm has been broken,” <plesner-norm>` said {person}`Yohanan Plesner <plesner>`.\n",
        "Plesner spoke at length. He said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "Mr. Plesner elaborated:\n\n> {claim}`“This norm has been broken.” <plesner-norm>`\n",
        "| who | words |\n|---|---|\n| Plesner | {claim}`“This norm has been broken.” <plesner-norm>` |\n",
        "Mr. Netanyahu appointed General Zamir, praising his {claim}`“aggressive approach” <aggressive-approach>`.\n",
        "{claim}`plesner-norm` said Plesner.\n",
    ],
)
def test_speaker_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    "text",
    [
        "Someone said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "Barnea spoke at length. He said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "Plesner spoke at length.\n\nHe said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "{claim}`plesner-norm`\n",
    ],
)
def test_speaker_missing(project: Project, text: str) -> None:
    f = only(project, text, "speaker", "{claim}")
    assert 'the article\'s speaker is "Yohanan Plesner"' in f.message


@pytest.mark.parametrize(
    "text",
    [
        "David Barnea said {claim}`“This norm has been broken” <plesner-norm>`.\n",
        "{claim}`“This norm has been broken,” <plesner-norm>` said David Barnea.\n",
        "{claim}`“This norm has been broken,” <plesner-norm>` {person}`Barnea <barnea>` noted.\n",
        "According to David Barnea, {claim}`“This norm has been broken” <plesner-norm>`, which Plesner heard.\n",
    ],
)
def test_speaker_given_to_another(project: Project, text: str) -> None:
    f = only(project, text, "speaker", "{claim}")
    assert f.message == (
        'quotation of claim plesner-norm is given to "David Barnea"; the article\'s speaker is "Yohanan Plesner"'
    )


def test_a_sentence_in_lower_case_continues_a_quotation(project: Project) -> None:
    clean(project, "{claim}`“This norm has been broken.” <plesner-norm>` said Plesner.\n")
