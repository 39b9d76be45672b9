"""Specification of claims.quote inside markers (:mod:`claimdocs.rules.quote`).

A quotation in a marker is a verbatim span of its claim (a quote claim), of its
claim's evidence or of a quotation of the article (a marker of another kind), up to
quote styles, apostrophes, whitespace and elisions. Quotations in prose are
specified in rules/test_unbacked.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.project import Project
from claimdocs.rules.engine import check_source

from .helpers import clean, findings_for, only

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


# ---------------------------------------------------------------- split quotations and terms (an invented article)


def _quote_findings(root: Path) -> list[tuple[str | None, str]]:
    return [(f.claim, f.message) for f in findings_for(root) if f.rule == "quote"]


def test_a_split_quotation_is_one_claim_with_an_elision(quoting: Project) -> None:
    # “Part of the budget is spent,” Levi said, “and the rest is promised.”
    assert quoting.claims["levi-budget"].written == "Part of the budget is spent, … and the rest is promised."
    assert [f for f in check_source(quoting) if f.rule in ("quote", "evidence", "coverage")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Part of the budget, … and the rest is promised.",  # leaves "is spent" out of the first half
        "Part of the budget is spent, … the rest is promised.",  # leaves "and" out of the second
        "Part of … spent, … and the rest is promised.",  # an elision inside one quotation
    ],
)
def test_an_elision_in_a_quote_claim_stands_for_the_attribution_only(tmp_path: Path, text: str) -> None:
    from .quoting import build

    found = _quote_findings(build(tmp_path, change={"levi-budget": {"text": text}}))
    assert [c for c, _m in found] == ["levi-budget"]
    assert "stands only for the attribution between the two parts of a split quotation" in found[0][1]


@pytest.mark.parametrize(
    "between",
    [
        "Levi said, as the council voted to close the old bridge and to open the ferry instead,",
        "Levi said. The council voted.",
    ],
)
def test_an_elision_may_not_join_quotations_with_narration_between(tmp_path: Path, between: str) -> None:
    from .quoting import ARTICLE, build

    article = ARTICLE.replace("Levi said, “and the rest", f"{between} “and the rest")
    change = {"levi-budget": {"evidence": {"exact": f"Part of the budget is spent,” {between} “and the rest is promised."}}}
    found = _quote_findings(build(tmp_path, article=article, change=change))
    assert [c for c, _m in found] == ["levi-budget"]
    assert "leaves words out of the article's quotation, or more than its attribution" in found[0][1]


def test_a_term_is_words_the_article_puts_in_quotation_marks(tmp_path: Path) -> None:
    from .quoting import build

    narration = {"id": "old-bridge", "kind": "term", "usage": "coined", "means": "the bridge", "text": "old bridge",
                 "evidence": {"exact": "the old bridge"}}
    found = _quote_findings(build(tmp_path, add=[narration]))
    assert found == [("old-bridge", "claim old-bridge: the article does not put 'old bridge' in quotation marks; a term "
                                    "claim is for words the article itself quotes (scare quotes, a coined term, a title)")]


@pytest.mark.parametrize(
    "text",
    [
        "{claim}`“Part of the budget is spent,” <levi-budget>` Levi said, {claim}`“and the rest is promised.” <levi-budget>`\n",
        "Levi said: {claim}`“Part of the budget is spent … and the rest is promised.” <levi-budget>`\n",
        "Levi said: {claim}`“Part of the budget is spent,” Levi said, “and the rest is promised.” <levi-budget>`\n",
        "The report counts {claim}`“savings” <savings>`.\n",
        "The council's report is {claim}`“Crossing Riverton” <report-title>`.\n",
    ],
)
def test_split_quotations_and_terms_are_quoted_verbatim(quoting: Project, text: str) -> None:
    clean(quoting, text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # the halves joined as if the article had written them together
        ("Levi said {claim}`“Part of the budget is spent and the rest is promised.” <levi-budget>`\n", "levi-budget"),
        ("Levi said {claim}`“The rest is promised … part of the budget is spent.” <levi-budget>`\n", "levi-budget"),
        ("The report counts {claim}`“profits” <savings>`.\n", "savings"),
    ],
)
def test_split_quotations_and_terms_rejected_when_not_verbatim(quoting: Project, text: str, claim: str) -> None:
    f = only(quoting, text, "quote", "{claim}")
    assert f.message.startswith("quotation differs from the source") and f"claim {claim} says" in f.message
