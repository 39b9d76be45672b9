"""Specification of claims.statement (:mod:`claimdocs.rules.statement`).

In the claims, what a statement is about is named around its evidence. On a page, a
marked statement names every entity it is about: in the marker, or (a short or bare
marker) in its sentence; the message says what is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.project import Project
from claimdocs.rules.registry import RULES
from conftest import set_field

from .helpers import clean, findings_for, only

# ---------------------------------------------------------------- the article to the claims


def test_a_statement_about_someone_the_article_does_not_name_there(site: Path) -> None:
    path = site / "claims" / "people.yaml"
    set_field(path, "katz-netanyahu-loyalist", "about", "[barnea]")
    found = [f for f in findings_for(site) if f.rule == "statement"]
    assert [f.claim for f in found] == ["katz-netanyahu-loyalist"]
    assert "'David Barnea' is not named around the evidence" in found[0].message


def test_a_statement_names_its_subject_even_inside_a_longer_name(real_project: Project) -> None:
    # "Israel's military push" names Israel too, though "Israel's military" is an alias of the military
    assert "israel" in real_project.registry.named_anywhere("Israel’s military push into Gaza City")
    assert "israel" not in real_project.registry.named("Israel’s military push into Gaza City")


# ---------------------------------------------------------------- the claims to the pages


@pytest.mark.parametrize(
    "text",
    [
        "{claim}`Mr. Netanyahu faces minimal opposition from his coalition partners <minimal-opposition>`.\n",
        "The article says {claim}`Mr. Katz is widely seen as a staunch Netanyahu loyalist <katz-loyalist>`.\n",
        # a short marker: its sentence names the rest (a name, an alias, a possessive or a {person} marker)
        "{person}`Israel Katz <katz>` is, the article says, {claim}`a staunch Netanyahu loyalist <katz-loyalist>`.\n",
        "Mr. Katz is {claim}`a staunch loyalist <katz-loyalist>` of Mr. Netanyahu’s, the article says.\n",
        "The sweeping deal Mr. Netanyahu demands is {claim}`far more challenging to achieve <sweeping-deal>`.\n",
        # the bare form shows the claim's own words; they, or the sentence, name what it is about
        "{claim}`minimal-opposition`\n",
        "On the deal Mr. Netanyahu demands, the article says: {claim}`sweeping-deal`\n",
    ],
)
def test_statement_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "missing", "where"),
    [
        ("{claim}`He faces minimal opposition from his coalition partners <minimal-opposition>`.\n",
         '"Benjamin Netanyahu"', "its sentence"),
        ("{claim}`Mr. Netanyahu faces minimal opposition <minimal-opposition>`.\n", '"coalition partners"', "its sentence"),
        # a long marker must name them itself, whatever its sentence says
        ("Mr. Netanyahu, the article says, {claim}`faces minimal opposition from his coalition partners or from "
         "within his own party <minimal-opposition>`.\n", '"Benjamin Netanyahu"', "the marker"),
        ("{claim}`a staunch loyalist <katz-loyalist>`, the article says.\n",
         '"Israel Katz" and "Benjamin Netanyahu"', "its sentence"),
        # another person does not stand for the one the statement is about
        ("Mr. Barnea is {claim}`a staunch Netanyahu loyalist <katz-loyalist>`.\n", '"Israel Katz"', "its sentence"),
        # a name in the sentence before does not count
        ("Mr. Katz spoke. {claim}`A staunch Netanyahu loyalist <katz-loyalist>`, he is.\n", '"Israel Katz"', "its sentence"),
        ("{claim}`sweeping-deal`\n", '"Benjamin Netanyahu"', "its sentence"),
    ],
)
def test_statement_rejected(project: Project, text: str, missing: str, where: str) -> None:
    f = only(project, text, "statement", "{claim}")
    assert f"does not name {missing} in {where}:" in f.message
    assert f.claim is not None and f.claim in f.message


def test_statement_message_says_what_is_missing_and_what_it_is_about(project: Project) -> None:
    text = "Intro.\n\n{claim}`He faces minimal opposition from his coalition partners <minimal-opposition>`.\n"
    f = only(project, text, "statement", "{claim}")
    assert f.message == (
        'statement of claim minimal-opposition does not name "Benjamin Netanyahu" in its sentence: the article says '
        'it about "Benjamin Netanyahu" and "coalition partners"; name them in the marker or its sentence '
        "(a name, an alias or {person})"
    )
    assert f.format().startswith("docs/p.md:3:1: error: statement of claim minimal-opposition")
    assert "statement" in RULES
