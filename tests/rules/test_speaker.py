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


# ---------------------------------------------------------------- conventions of news writing (an invented article)


def _speaker_findings(root: Path) -> list[tuple[str | None, str]]:
    return [(f.claim, f.message) for f in findings_for(root) if f.rule == "speaker"]


def test_the_invented_articles_conventions_are_accepted_in_the_claims(quoting: Project) -> None:
    # a follow-on (levi-unsafe), a split quotation (levi-budget), a quotation over two paragraphs
    # (ortiz-nobody) and two terms in the article's own voice (report-title, savings)
    assert check_source(quoting) == []


@pytest.mark.parametrize(
    ("article_edit", "change"),
    [
        # something else is said between the attributed quotation and the follow-on
        (("the mayor. “The bridge", "the mayor. The council agreed. “The bridge"), {}),
        # the quotation before the follow-on is someone else's
        (None, {"levi-unsafe": {"speaker": "ortiz"}}),
        # a quotation opened again over a paragraph is the first paragraph's speaker's, no one else's
        (None, {"ortiz-nobody": {"speaker": "levi"}}),
        # the follow-on does not make up the whole sentence: it is attributed in its own sentence, or not at all
        (("“The bridge is not safe.”", "“The bridge is not safe,” officials added."),
         {"levi-unsafe": {"text": "The bridge is not safe,", "evidence": {"exact": "The bridge is not safe,"}}}),
    ],
)
def test_a_follow_on_is_the_speaker_of_the_quotation_before_and_no_one_else(
    tmp_path: Path, article_edit: tuple[str, str] | None, change: dict
) -> None:
    from .quoting import ARTICLE, build

    article = ARTICLE.replace(*article_edit) if article_edit else ARTICLE
    found = _speaker_findings(build(tmp_path, article=article, change=change))
    claim = next(iter(change), "levi-unsafe")
    assert [c for c, _m in found] == [claim]
    assert "is not named around the quotation in the article" in found[0][1]


def test_a_follow_on_after_a_pronoun_attribution_needs_the_name_just_before(tmp_path: Path) -> None:
    from .quoting import ARTICLE, build

    article = ARTICLE.replace("said Dana Levi, the mayor.", "she said.")
    # the name is nowhere before the pronoun: neither the quotation nor its follow-on is attributed
    assert [c for c, _m in _speaker_findings(build(tmp_path / "unnamed", article=article))] == ["levi-wait", "levi-unsafe"]
    article = ARTICLE.replace("“We cannot wait any longer,” said Dana Levi, the mayor.",
                              "Dana Levi is the mayor. “We cannot wait any longer,” she said.")
    assert _speaker_findings(build(tmp_path / "pronoun", article=article)) == []


@pytest.mark.parametrize(
    ("term", "who"),
    [
        # words the article gives to Ortiz ("Ortiz said the plan was “a rush job”")
        ({"text": "a rush job", "evidence": {"exact": "“a rush job”"}}, "ortiz"),
        # a follow-on of Levi's quotation
        ({"text": "The bridge is not safe.", "evidence": {"exact": "The bridge is not safe."}}, "levi"),
        # the second paragraph of Ortiz's quotation
        ({"text": "Nobody asked the town.", "evidence": {"exact": "Nobody asked the town."}}, "ortiz"),
    ],
)
def test_a_term_claim_on_words_the_article_gives_to_someone(tmp_path: Path, term: dict, who: str) -> None:
    from .quoting import CLAIMS, build

    dropped = tuple(c["id"] for c in CLAIMS if c.get("text") == term["text"] or c["evidence"] == term["evidence"])
    claim = {"id": "a-term", "kind": "term", "usage": "scare-quotes", "means": "what the article calls it", **term}
    found = _speaker_findings(build(tmp_path, drop=dropped, add=[claim]))
    assert [c for c, _m in found] == ["a-term"]
    assert f"make it a quote claim (kind: quote, speaker: {who})" in found[0][1]


def test_a_term_the_article_calls_someones_is_theirs(tmp_path: Path) -> None:
    from .quoting import ARTICLE, build

    found = _speaker_findings(build(tmp_path, article=ARTICLE.replace("Its “savings”", "Levi called its “savings”")))
    assert found == [("savings", "claim savings: the article gives these words to 'Dana Levi'; a term is what the "
                                 "article quotes in its own voice: make it a quote claim (kind: quote, speaker: levi)")]


@pytest.mark.parametrize(
    "text",
    [
        # a follow-on, written the way the article writes it, in one paragraph or over two
        "{claim}`“We cannot wait any longer,” <levi-wait>` said {person}`Dana Levi <levi>`. "
        "{claim}`“The bridge is not safe.” <levi-unsafe>`\n",
        "{claim}`“We cannot wait any longer,” <levi-wait>` said Levi.\n\n{claim}`“The bridge is not safe.” <levi-unsafe>`\n",
        # a chain: the second follows on from the first, the third from the second
        "Ortiz answered: {claim}`“The ferry is a waste of money.” <ortiz-waste>` {claim}`“Nobody asked the town.” "
        "<ortiz-nobody>` {claim}`“a rush job” <ortiz-rush>`\n",
        # a split quotation: the two halves marked with one claim, or the whole with an elision
        "{claim}`“Part of the budget is spent,” <levi-budget>` Levi said, {claim}`“and the rest is promised.” <levi-budget>`\n",
        "Levi said: {claim}`“Part of the budget is spent … and the rest is promised.” <levi-budget>`\n",
        # terms name no speaker
        "The council's report is titled {claim}`“Crossing Riverton” <report-title>`.\n",
        "The report counts {claim}`savings`, and the council's plan a ferry.\n",
    ],
)
def test_conventions_accepted_on_a_page(quoting: Project, text: str) -> None:
    clean(quoting, text)


@pytest.mark.parametrize(
    "text",
    [
        # something else is said between: the follow-on is no longer attributed
        "{claim}`“We cannot wait any longer,” <levi-wait>` said Levi. The council agreed. "
        "{claim}`“The bridge is not safe.” <levi-unsafe>`\n",
        # the sentence before names Levi but quotes her not
        "Levi spoke. {claim}`“The bridge is not safe.” <levi-unsafe>`\n",
        # the quotation before is Ortiz's
        "{claim}`“The ferry is a waste of money.” <ortiz-waste>` said Ortiz. {claim}`“The bridge is not safe.” <levi-unsafe>`\n",
    ],
)
def test_a_follow_on_on_a_page_needs_an_attributed_quotation_of_the_speaker_right_before(quoting: Project, text: str) -> None:
    f = only(quoting, text, "speaker", "{claim}`“The bridge")
    assert 'the article\'s speaker is "Dana Levi"' in f.message


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Levi called them {claim}`“savings” <savings>`.\n", "Dana Levi"),
        ("{person}`Omar Ortiz <ortiz>` said the town's {claim}`“savings” <savings>` were real.\n", "Omar Ortiz"),
        ("The council dubbed it {claim}`report-title`.\n", "Riverton council"),
    ],
)
def test_a_page_may_not_give_a_term_a_speaker(quoting: Project, text: str, who: str) -> None:
    f = only(quoting, text, "speaker", "{claim}")
    assert f.message.endswith(f'the page gives it to "{who}": restate it without a speaker')
    assert "in quotation marks in its own voice" in f.message


def test_a_project_adds_its_own_naming_verbs(tmp_path: Path) -> None:
    from .helpers import check, load
    from .quoting import build

    text = "Levi christened them {claim}`“savings” <savings>`.\n"
    assert check(load(build(tmp_path / "default")), text) == []
    project = load(build(tmp_path / "extended", vocabulary={"naming_verbs": ["christened"]}))
    assert [f.rule for f in check(project, text)] == ["speaker"]
