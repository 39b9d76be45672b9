"""Specification of claims.polarity (:mod:`claimdocs.rules.polarity`).

A traced sentence may not add a negation its evidence sentences lack, nor drop one its
claims' evidence holds, nor use a comparative, quantifier or order word they do not hold.
Negations are read per clause, with the words they govern: a negation added to one clause
fails even where the evidence sentence negates another, and a negation of the evidence
sentence dropped outside a claim's own evidence fails where the sentence keeps what it
governs (the invented article of rules/kelbrook.py).
"""

from __future__ import annotations

import pytest

from claimdocs.project import Project

from .helpers import check, loc


def polarity(project: Project, text: str) -> list:
    return [f for f in check(project, text, tracing=True) if f.rule == "polarity"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a comparative flipped: the article says "far more challenging"
        ("{claim}`Such a sweeping deal is far less challenging to achieve <sweeping-deal>`.\n", "less"),
        # an order word that is not there
        ("Later, {claim}`General Zamir was concerned about the mounting fatigue <zamir-concerned-fatigue>`, security officials revealed.\n", "Later"),
        # a quantifier added
        ("{claim}`Dozens <captives-released>` of captives were released during all brief ceasefires.\n", "all"),
    ],
)
def test_a_word_of_comparison_quantity_or_order_the_article_lacks_is_reported(project: Project, text: str, word: str) -> None:
    found = polarity(project, text)
    assert [(f.line, f.col) for f in found] == [loc(text, word)], found
    assert f'"{word}"' in found[0].message


def test_the_message_names_the_articles_word_of_the_same_class(project: Project) -> None:
    [f] = polarity(project, "{claim}`Such a sweeping deal is far less challenging to achieve <sweeping-deal>`.\n")
    assert "(it says 'more')" in f.message or "'far'" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "{claim}`Roughly 20 <hostages-alive>` hostages are not alive in Gaza, Israel currently believes.\n",
        "Security officials revealed that {claim}`General Zamir was never concerned about the mounting fatigue <zamir-concerned-fatigue>`.\n",
        "{claim}`Roughly 20 <hostages-alive>` hostages aren't still alive in Gaza, Israel currently believes.\n",
    ],
)
def test_an_added_negation_is_reported(project: Project, text: str) -> None:
    found = polarity(project, text)
    assert found and "adds a negation" in found[0].message


def test_a_dropped_negation_of_the_evidence_is_reported(project: Project) -> None:
    # the quotation of Plesner: "a battle he may not fully endorse"; restated without "not"
    text = "Mr. Plesner said {claim}`“This norm has been broken, forcing the chief of staff to lead soldiers into a battle he may … fully endorse.” <plesner-norm>`\n"
    found = polarity(project, text)
    assert found and "drops the negation" in found[0].message and "not" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # the article's own comparative and negation, kept
        "{claim}`Such a sweeping deal is far more challenging to achieve <sweeping-deal>`.\n",
        "Mr. Plesner said {claim}`“This norm has been broken, forcing the chief of staff to lead soldiers into a battle he may not fully endorse.” <plesner-norm>`\n",
        # hedges inside a figure's marker belong to the hedge rule
        "According to the Israeli military, {claim}`over 350,000 <fled>` people had fled Gaza City.\n",
    ],
)
def test_the_articles_own_words_pass(project: Project, text: str) -> None:
    assert polarity(project, text) == []


def test_not_only_adds_and_denies_nothing(project: Project) -> None:
    """"not only ... but also" is no negation (the lexicon's not_negations); "only" is still a quantifier."""
    found = polarity(project, "{claim}`Mr. Katz is widely seen as a staunch Netanyahu loyalist <katz-loyalist>`, not only once.\n")
    assert not [f for f in found if "negation" in f.message]
    assert [f for f in found if '"only"' in f.message]


def test_a_framing_sentence_is_not_held_to_polarity(project: Project) -> None:
    assert polarity(project, "This page does not list every figure, only the first ones.\n") == []


def test_a_negation_added_beside_another_clauses_negation_is_reported(kelbrook: Project) -> None:
    # the article negates "the old rules" ("without"), not "guided the valley"
    text = "{claim}`The new board works without the old rules <board-rules>` that never guided the valley.\n"
    [f] = polarity(kelbrook, text)
    assert (f.line, f.col) == loc(text, "never")
    assert '"never" adds a negation' in f.message and '"without the old rules"' in f.message


def test_a_negation_added_to_another_clause_of_a_figures_sentence_is_reported(kelbrook: Project) -> None:
    # "without testing" is the article's; "never closed" is not
    text = "The Kelbrook water board never closed {claim}`40 <wells-closed>` wells, without testing the water in them.\n"
    [f] = polarity(kelbrook, text)
    assert (f.line, f.col) == loc(text, "never")


def test_a_negation_dropped_outside_the_claims_evidence_is_reported(kelbrook: Project) -> None:
    # "without testing" is in the evidence sentence, not in claim wells-closed's own evidence
    text = "The Kelbrook water board closed {claim}`40 <wells-closed>` wells, testing the water in them.\n"
    [f] = polarity(kelbrook, text)
    assert (f.line, f.col) == loc(text, "testing")
    assert 'drops the negation "without"' in f.message


def test_a_negation_replaced_by_its_opposite_is_reported(kelbrook: Project) -> None:
    text = "{claim}`The new board works with the old rules that once guided the valley <board-rules>`.\n"
    [f] = polarity(kelbrook, text)
    assert 'drops the negation "without"' in f.message and '"old"' in f.message


@pytest.mark.parametrize(
    "text",
    [
        # the article's negations, each in its clause
        "{claim}`The new board works without the old rules that once guided the valley <board-rules>`.\n",
        "The Kelbrook water board closed {claim}`40 <wells-closed>` wells, without testing the water in them.\n",
        # the negated clause left out altogether
        "The Kelbrook water board closed {claim}`40 <wells-closed>` wells.\n",
        # the negated clause kept, the clause after it left out
        "{claim}`The new board works without the old rules <board-rules>`.\n",
    ],
)
def test_negations_kept_in_their_clauses_or_left_out_with_them_pass(kelbrook: Project, text: str) -> None:
    assert polarity(kelbrook, text) == []
