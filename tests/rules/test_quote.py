"""Specification of claims.quote inside markers (:mod:`claimdocs.rules.quote`).

A quotation in a marker is a verbatim span of its claim (a quote claim), of its
claim's evidence or of a quotation of the article (a marker of another kind), up to
quote styles, apostrophes, whitespace and elisions. Quotations in prose are
specified in rules/test_unbacked.py.
"""

from __future__ import annotations

import pytest

from claimdocs.project import Project

from .helpers import clean, only

# ---------------------------------------------------------------- the claims to the pages


@pytest.mark.parametrize(
    "written",
    [
        "“This norm has been broken”",
        '"This norm has been broken"',
        "This norm has been broken",
        "“This norm has been broken, forcing the chief of staff to lead soldiers into a battle he may not fully endorse.”",
        "“The established practice was for major decisions … This norm has been broken.”",
        '"The established practice was ... echelons. This norm has been broken"',
        "“This  norm   has\nbeen broken,”",
    ],
)
def test_quote_accepts_verbatim_spans(project: Project, written: str) -> None:
    clean(project, f"Mr. Plesner elaborated, {{claim}}`{written} <plesner-norm>` and more.\n")


@pytest.mark.parametrize("written", ["“It's difficult to overstate the gravity”", "“It’s difficult to overstate the gravity”"])
def test_quote_folds_apostrophes(project: Project, written: str) -> None:
    clean(project, f"Idit Shafran Gittleman said {{claim}}`{written} <gravity>`.\n")


def test_quote_marks_outside_the_marker(project: Project) -> None:
    clean(project, "Mr. Netanyahu appointed General Zamir, praising his “{claim}`aggressive approach <aggressive-approach>`”.\n")


@pytest.mark.parametrize(
    "written",
    [
        "“this norm has been broken”",  # case
        "“This norm has broken”",  # a word left out without an elision
        "“This norm has been broken … lead soldiers into a war”",  # an elided piece that is not verbatim
        "“The norm was broken”",
        "“”",
    ],
)
def test_quote_rejects(project: Project, written: str) -> None:
    text = f"Mr. Plesner elaborated, {{claim}}`{written} <plesner-norm>` and more.\n"
    f = only(project, text, "quote", "{claim}")
    assert "plesner-norm" in f.message


def test_quote_names_the_nearest_text_of_the_article(project: Project) -> None:
    text = "Mr. Plesner elaborated, {claim}`“The established practice was for big decisions” <plesner-norm>`.\n"
    f = only(project, text, "quote", "{claim}")
    assert "nearest text in the source is" in f.message
    assert "The established practice was for" in f.message


def test_quote_of_another_claim_suggests_it(project: Project) -> None:
    text = "Plesner said {claim}`“This norm has been broken” <plesner-era>`.\n"
    f = only(project, text, "quote", "{claim}")
    assert f.message.endswith("did you mean plesner-norm?")


def test_statement_marker_keeps_its_quotations_verbatim(project: Project) -> None:
    text = "{claim}`Mr. Katz is widely seen as “a staunch Netanyahu ally” <katz-loyalist>`.\n"
    only(project, text, "quote", "{claim}")
