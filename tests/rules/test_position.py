"""Specification of claims.position (:mod:`claimdocs.rules.position`).

On a page, a marked stance names exactly the claim's actors and a word of the claim's
position, and no word that belongs only to positions of the other side.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.lexicon import DEFAULT
from claimdocs.project import Project

from .helpers import clean, only

POSITION_WORDS = DEFAULT.positions


# ---------------------------------------------------------------- the claims to the pages


@pytest.mark.parametrize(
    "written",
    [
        "General Zamir and David Barnea opposed the timing of the strike in Qatar",
        "Barnea and Zamir objected to the timing",
        "Eyal Zamir and Mr. Barnea had reservations about the timing",
        "Zamir and Barnea were at odds with the timing",
    ],
)
def test_position_accepted(project: Project, written: str) -> None:
    clean(project, f"{{claim}}`{written} <qatar-timing-opposed>`.\n")


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("General Zamir and David Barnea supported the timing", 'page says "supported", claim qatar-timing-opposed says "opposed"'),
        ("General Zamir and David Barnea questioned the timing", 'no word for "opposed"'),
        ("General Zamir opposed the timing", 'page names "Eyal Zamir"'),
        ("They opposed the timing", "page names nobody"),
        ("Zamir, Barnea and Hanegbi opposed the timing", '"Tzachi Hanegbi"'),
    ],
)
def test_position_rejected(project: Project, written: str, words: str) -> None:
    f = only(project, f"{{claim}}`{written} <qatar-timing-opposed>`.\n", "position", "{claim}")
    assert words in f.message


@pytest.mark.parametrize(
    ("ident", "written"),
    [
        ("allies-condemnation", "drawn condemnation and sanctions from some of Israel’s long-standing allies"),
        ("allies-condemnation", "long-standing allies condemned"),
        ("allies-condemnation", "long-standing allies sanctioned"),
        ("zamir-hostages-affirmed", "General Zamir underscored"),
        ("zamir-hostages-affirmed", "General Zamir affirmed"),
    ],
)
def test_position_words_the_article_uses(project: Project, ident: str, written: str) -> None:
    clean(project, f"His actions have {{claim}}`{written} <{ident}>` it.\n")


@pytest.mark.parametrize(
    ("ident", "written", "said"),
    [
        ("allies-condemnation", "long-standing allies supported", "supported"),
        ("allies-condemnation", "long-standing allies praised", "praised"),
        ("zamir-hostages-affirmed", "General Zamir denied", "denied"),
        ("zamir-hostages-affirmed", "General Zamir condemned", "condemned"),
    ],
)
def test_position_words_of_another_family(project: Project, ident: str, written: str, said: str) -> None:
    f = only(project, f"{{claim}}`{written} <{ident}>` it.\n", "position", "{claim}")
    assert f'page says "{said}"' in f.message


@pytest.mark.parametrize(
    ("ident", "written", "said"),
    [
        # a word of its own position does not excuse a word of the other side beside it
        ("allies-condemnation", "drawn supported and sanctions from some of Israel’s long-standing allies", "supported"),
        ("qatar-timing-opposed", "General Zamir and David Barnea opposed, then backed, the timing", "backed"),
        ("allies-condemnation", "long-standing allies condemned and praised", "praised"),
    ],
)
def test_position_word_of_the_other_side(project: Project, ident: str, written: str, said: str) -> None:
    f = only(project, f"{{claim}}`{written} <{ident}>` it.\n", "position", "{claim}")
    assert f'page says "{said}"' in f.message


@pytest.mark.parametrize(
    ("ident", "written"),
    [
        # words of positions that take no side (decided, argued ...) or of the same side are fine
        ("qatar-timing-opposed", "General Zamir and David Barnea opposed the decision on the timing"),
        ("qatar-timing-opposed", "General Zamir and David Barnea argued against the timing"),
        ("qatar-timing-opposed", "General Zamir and David Barnea had reservations and were concerned"),
        ("zamir-hostages-affirmed", "General Zamir underscored, against all doubts"),
    ],
)
def test_position_words_of_no_side_or_the_same_side(project: Project, ident: str, written: str) -> None:
    clean(project, f"{{claim}}`{written} <{ident}>` it.\n")


def test_every_position_of_the_real_claims_has_words(real_project: Project) -> None:
    from claimdocs.model import Stance

    used = {c.position for c in real_project.claims.values() if isinstance(c, Stance)}
    assert used and used <= set(POSITION_WORDS)
    assert all(POSITION_WORDS[p] for p in POSITION_WORDS)


def test_a_position_the_lexicon_does_not_know_is_a_reference_finding(site: Path) -> None:
    from claimdocs.config import Config
    from claimdocs.project import load_project
    from claimdocs.rules.engine import check_source
    from conftest import set_field

    set_field(site / "claims" / "offensive.yaml", "zamir-gaza-city-reservations", "position", "dreaded")
    findings = [f for f in check_source(load_project(Config.from_pyproject(site))) if f.rule == "reference"]
    assert len(findings) == 1 and "position 'dreaded' is not a position of the lexicon" in findings[0].message
    # a project adds it, with the words that state it
    (site / "claims" / "words.yaml").write_text("vocabulary:\n  positions:\n    dreaded: [dreaded, dreads]\n", encoding="utf-8")
    assert [f for f in check_source(load_project(Config.from_pyproject(site))) if f.rule == "reference"] == []


def test_a_topic_the_project_does_not_declare_is_a_reference_finding(site: Path) -> None:
    from claimdocs.config import Config
    from claimdocs.project import load_project
    from claimdocs.rules.engine import check_source
    from conftest import set_field

    set_field(site / "claims" / "offensive.yaml", "zamir-gaza-city-reservations", "topics", "[gaza-city-offensiv]")
    [f] = [f for f in check_source(load_project(Config.from_pyproject(site))) if f.rule == "reference"]
    assert "topic 'gaza-city-offensiv' is not one of the project's topics (did you mean 'gaza-city-offensive'?)" in f.message
