"""Specification of claims.value and claims.hedge (:mod:`claimdocs.rules.value`).

In the claims, a quantity's value and hedge are what the grammar reads in its
evidence. On a page, a marked figure or date says what its claim says, no more
precisely: same value (or time), same hedge class.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.project import Project
from conftest import set_field

from .helpers import clean, findings_for, only

# ---------------------------------------------------------------- the article to the claims


def test_a_value_that_disagrees_with_its_evidence(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    set_field(path, "gaza-deaths", "value", "66000")
    [f] = [f for f in findings_for(site) if f.rule == "value"]
    assert f.claim == "gaza-deaths"
    assert "claim says 66,000" in f.message and "says 65,000" in f.message


def test_a_hedge_that_disagrees_with_its_evidence(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    set_field(path, "gaza-deaths", "hedge", "exact")
    [f] = [f for f in findings_for(site) if f.rule == "hedge"]
    assert f.claim == "gaza-deaths"
    assert "claim says exact" in f.message and "is approximate" in f.message


# ---------------------------------------------------------------- the claims to the pages


@pytest.mark.parametrize(
    "written",
    ["approximately 65,000", "about 65,000", "around 65000", "roughly 65 thousand", "some sixty-five thousand",
     "about 65,000 Palestinians"],
)
def test_value_accepts_the_same_figure_and_hedge_class(project: Project, written: str) -> None:
    clean(project, f"Health officials in the enclave report {{claim}}`{written} <gaza-deaths>` killed.\n")


@pytest.mark.parametrize("written", ["two million", "2 million", "2,000,000", "2000000"])
def test_value_accepts_number_words_and_digits(project: Project, written: str) -> None:
    clean(project, f"The Gaza Strip has {{claim}}`{written} <gaza-population>` residents.\n")


def test_value_rejects_another_figure(project: Project) -> None:
    text = "Line one.\nHealth officials in the enclave report {claim}`about 66,000 <gaza-deaths>` killed.\n"
    f = only(project, text, "value", "{claim}")
    assert 'page says "about 66,000", claim gaza-deaths says "approximately 65,000"' in f.message
    assert f.claim == "gaza-deaths"


def test_value_without_any_figure(project: Project) -> None:
    text = "Health officials in the enclave report {claim}`a lot of people <gaza-deaths>` killed.\n"
    f = only(project, text, "value", "{claim}")
    assert "no figure" in f.message


def test_value_suggests_the_claim_that_fits(project: Project) -> None:
    text = "Health officials in the enclave report {claim}`about 1,200 <gaza-deaths>` killed.\n"
    f = only(project, text, "value", "{claim}")
    assert f.message.endswith("did you mean attack-deaths?")


@pytest.mark.parametrize(
    ("ident", "written"),
    [("address-tuesday", "on Tuesday"), ("address-tuesday", "Tuesday"), ("october-7", "7 October 2023"),
     ("october-7", "October 7, 2023"), ("invasion-this-week", "this week"), ("katz-last-year", "last year")],
)
def test_value_accepts_the_same_time(project: Project, ident: str, written: str) -> None:
    clean(project, f"It happened {{claim}}`{written} <{ident}>`.\n")


@pytest.mark.parametrize(
    ("ident", "written"),
    [("address-tuesday", "on Wednesday"), ("october-7", "October 8, 2023"), ("invasion-this-week", "last week"),
     ("katz-last-year", "this year"), ("october-7", "the other day")],
)
def test_value_rejects_another_time(project: Project, ident: str, written: str) -> None:
    text = f"It happened {{claim}}`{written} <{ident}>`.\n"
    f = only(project, text, "value", "{claim}")
    assert ident in f.message


def test_hedge_more_precision_than_the_source(project: Project) -> None:
    text = "Health officials in the enclave report {claim}`65,000 <gaza-deaths>` killed.\n"
    f = only(project, text, "hedge", "{claim}")
    assert f.message == (
        'hedge differs from the source: page says "65,000" (exact), '
        'claim gaza-deaths says "approximately 65,000" (approximate)'
    )
    assert f.format().startswith("docs/p.md:1:40: error: hedge differs")


@pytest.mark.parametrize("written", ["over 65,000", "nearly 65,000", "up to 65,000", "at least 65,000"])
def test_hedge_rejects_another_class(project: Project, written: str) -> None:
    only(project, f"Health officials in the enclave report {{claim}}`{written} <gaza-deaths>` killed.\n",
         "hedge", "{claim}")


def test_hedge_outside_the_marker_is_named(project: Project) -> None:
    text = "Health officials in the enclave report about {claim}`65,000 <gaza-deaths>` killed.\n"
    f = only(project, text, "hedge", "{claim}")
    assert 'the hedge "about" is outside the marker' in f.message


@pytest.mark.parametrize(("ident", "written"), [("war-length", "almost two years"), ("hostages-remains", "up to 28"),
                                               ("fled", "more than 350,000"), ("captives-released", "dozens")])
def test_hedge_accepts_the_same_class(project: Project, ident: str, written: str) -> None:
    source = "according to the Israeli military " if ident == "fled" else ""
    clean(project, f"It was {source}{{claim}}`{written} <{ident}>`.\n")


@pytest.mark.parametrize("written", ["thousands", "tens of thousands", "300,000", "millions"])
def test_vague_quantities_compare_by_their_word(project: Project, written: str) -> None:
    text = f"Still, {{claim}}`{written} <within-borders>` remained.\n"
    f = only(project, text, "hedge", "{claim}")
    assert '"hundreds of thousands"' in f.message
    clean(project, "Still, {claim}`hundreds of thousands <within-borders>` remained.\n")


def test_just_below_is_not_exact(project: Project) -> None:
    only(project, "After {claim}`two years <war-length>` of war.\n", "hedge", "{claim}")
