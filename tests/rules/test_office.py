"""Specification of claims.office, and of claims.unbacked for offices (:mod:`claimdocs.rules.office`).

On a page, a marked office has the claim's office words, the right status (current or
former), organisation and holder; in prose, an office attached to a person must be that
person's per the role claims, with the same status, and marked.
"""

from __future__ import annotations

import pytest

from claimdocs.project import Project

from .helpers import check, clean, only

# ---------------------------------------------------------------- marked offices


@pytest.mark.parametrize(
    "text",
    [
        "Eyal Zamir, {claim}`the military chief of staff <zamir-chief-of-staff>`, spoke.\n",
        "{claim}`Chief of staff <zamir-chief-of-staff>` {person}`Eyal Zamir <zamir>` spoke.\n",
        "Plesner is {claim}`a former centrist lawmaker <plesner-lawmaker>`.\n",
        "Plesner is a former {claim}`lawmaker <plesner-lawmaker>`.\n",
        "Plesner is {claim}`president of the Israel Democracy Institute <plesner-president>`.\n",
        "Tzachi Hanegbi, {claim}`Mr. Netanyahu’s national security adviser <hanegbi-nsa>`, spoke.\n",
        "Then {claim}`barnea-mossad`, David Barnea, spoke.\n",
        "The chief of staff must lead soldiers into battle.\n",
    ],
)
def test_office_accepted(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Eyal Zamir, {claim}`the military commander <zamir-chief-of-staff>`, spoke.\n", "without any of"),
        ("Eyal Zamir, {claim}`the former chief of staff <zamir-chief-of-staff>`, spoke.\n", "(former)"),
        ("Eyal Zamir, {claim}`ex-chief of staff <zamir-chief-of-staff>`, spoke.\n", "(former)"),
        ("Plesner is {claim}`a centrist lawmaker <plesner-lawmaker>`.\n", "(current)"),
        ("Plesner is {claim}`president of the Mossad <plesner-president>`.\n", 'naming "Mossad"'),
        ("David Barnea, {claim}`the chief of staff <zamir-chief-of-staff>`, spoke.\n", 'given to "David Barnea"'),
        ("{claim}`The chief of staff <zamir-chief-of-staff>` spoke.\n", "not given to anyone"),
    ],
)
def test_office_marked_rejected(project: Project, text: str, words: str) -> None:
    f = only(project, text, "office", "{claim}")
    assert words in f.message


# ---------------------------------------------------------------- offices in prose


def test_unmarked_office_held_by_that_person(project: Project) -> None:
    text = "Then Eyal Zamir, the military chief of staff, spoke.\n"
    f = only(project, text, "unbacked", "military chief of staff")
    assert "<zamir-chief-of-staff>" in f.message


@pytest.mark.parametrize(
    ("prose", "office"),
    [("Prime Minister Benjamin Netanyahu spoke.", "Prime Minister"),
     ("The defense minister, Israel Katz, spoke.", "defense minister"),
     ("Tzachi Hanegbi, Mr. Netanyahu’s national security adviser, spoke.", "national security adviser")],
)
def test_unmarked_office_title_and_apposition(project: Project, prose: str, office: str) -> None:
    only(project, prose + "\n", "unbacked", office)


def test_office_in_prose_given_to_another_person(project: Project) -> None:
    text = "David Barnea, the chief of staff, spoke.\n"
    f = only(project, text, "office", "chief of staff")
    assert f.message == (
        '"David Barnea" is not "chief of staff" per the role claims; role zamir-chief-of-staff gives it to "Eyal Zamir"'
    )


def test_office_in_prose_former_stays_former(project: Project) -> None:
    # "former defense minister" is an office word of Gallant's role, and says "former" itself
    f = only(project, "Israel Katz, a former defense minister, spoke.\n", "office", "former defense minister")
    assert "as former" in f.message and "role katz-defense says current" in f.message


def test_office_in_prose_former_role_without_former(project: Project) -> None:
    f = only(project, "Mr. Plesner, a centrist lawmaker, spoke.\n", "office", "centrist lawmaker")
    assert "plesner-lawmaker says former" in f.message
    only(project, "Mr. Plesner, a former centrist lawmaker, spoke.\n", "unbacked", "centrist lawmaker")


# ---------------------------------------------------------------- false alarms that must stay fixed


@pytest.mark.parametrize(
    "text",
    [
        # "General" is an office word (zamir-rank) but here part of the registered name "General Zamir"
        "Mr. Netanyahu, praising General Zamir when he appointed him, spoke.\n",
        "Mr. Netanyahu, Lt. Gen. Eyal Zamir and Mr. Barnea met.\n",
        "Mr. Netanyahu appointed General Zamir, praising his {claim}`“aggressive approach” <aggressive-approach>`.\n",
    ],
)
def test_office_inside_a_registered_name_is_nobody_elses(project: Project, text: str) -> None:
    clean(project, text)


@pytest.mark.parametrize(
    ("text", "needle", "words"),
    [
        ("Mr. Netanyahu, the General, spoke.\n", "General", '"Benjamin Netanyahu" is not "General"'),
        ("General Barnea spoke.\n", "General", '"David Barnea" is not "General"'),
    ],
)
def test_office_outside_a_name_is_still_attached(project: Project, text: str, needle: str, words: str) -> None:
    f = only(project, text, "office", needle)
    assert words in f.message and "role zamir-rank gives it to \"Eyal Zamir\"" in f.message


def test_an_office_word_that_says_former_is_former(project: Project) -> None:
    # "predecessor" says "former" itself: Gallant's role is former, so the office is right but unmarked
    text = "Katz was appointed after his predecessor, Yoav Gallant, was dismissed.\n"
    f = only(project, text, "unbacked", "predecessor")
    assert f.message == (
        'office "predecessor" of "Yoav Gallant" is not marked; mark it with {claim}`predecessor <gallant-predecessor>`'
    )
    only(project, "Yoav Gallant, a former defense minister, was dismissed.\n", "unbacked", "former defense minister")
    clean(project, "Katz was appointed after {claim}`his predecessor <gallant-predecessor>`, Yoav Gallant, was dismissed.\n")


def test_an_office_word_that_says_former_given_to_the_wrong_person(project: Project) -> None:
    f = only(project, "Israel Katz, his predecessor, spoke.\n", "office", "predecessor")
    assert '"Israel Katz" is not "predecessor"' in f.message and "gallant-predecessor" in f.message


def test_a_semicolon_ends_the_clause_an_office_belongs_to(project: Project) -> None:
    # David Barnea is nearer to the first office than Eyal Zamir, but across a semicolon
    clean(
        project,
        "{person}`Eyal Zamir <zamir>` is {claim}`the military chief of staff <zamir-chief-of-staff>`; "
        "David Barnea is {claim}`the chief of Israel’s Mossad spy agency <barnea-mossad>`.\n",
    )
    clean(project, "Zamir is {claim}`the military chief of staff <zamir-chief-of-staff>`; Barnea is not.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Eyal Zamir spoke; David Barnea is {claim}`the military chief of staff <zamir-chief-of-staff>`.\n",
        # no one in the office's clause: its sentence names the holder, and it is the wrong one
        "David Barnea spoke; {claim}`the military chief of staff <zamir-chief-of-staff>` was silent.\n",
    ],
)
def test_a_semicolon_does_not_hide_the_wrong_holder(project: Project, text: str) -> None:
    f = only(project, text, "office", "{claim}")
    assert 'given to "David Barnea"' in f.message


def test_a_semicolon_is_not_a_sentence_end(project: Project) -> None:
    # the sentence still runs past the semicolon: a figure's source there still counts
    clean(project, "Gaza health officials report; {claim}`about 65,000 <gaza-deaths>` were killed.\n")
    text = "Eyal Zamir, the military chief of staff; David Barnea, the chief of Israel’s Mossad spy agency.\n"
    found = check(project, text)
    assert [(f.rule, f.claim) for f in found] == [("unbacked", "zamir-chief-of-staff"), ("unbacked", "barnea-mossad")]


# ---------------------------------------------------------------- an office written with another name of its organisation


@pytest.mark.parametrize(
    "office",
    [
        "the chief engineer of the Kelbrook water board",  # as the article writes it
        "the chief engineer of the water board",  # another registered name of the same organisation
        "chief engineer of the board",
    ],
)
def test_an_office_with_another_name_of_its_organisation_is_the_same_office(kelbrook: Project, office: str) -> None:
    clean(kelbrook, f"Hana Brandt, {{claim}}`{office} <brandt-chief-engineer>`, spoke.\n")


@pytest.mark.parametrize(
    ("office", "words"),
    [
        # a name of another entity in its place: the office is not the claim's
        ("the chief engineer of Kelbrook", "without any of"),
        ("the chief engineer of the inspectors", "without any of"),
        # the name alone is no office
        ("the water board", "without any of"),
    ],
)
def test_an_office_with_another_entitys_name_is_another_office(kelbrook: Project, office: str, words: str) -> None:
    f = only(kelbrook, f"Hana Brandt, {{claim}}`{office} <brandt-chief-engineer>`, spoke.\n", "office", "{claim}")
    assert words in f.message and "chief engineer of the Kelbrook water board" in f.message
