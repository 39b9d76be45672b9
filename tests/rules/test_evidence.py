"""Specification of claims.evidence and claims.offsets (:mod:`claimdocs.rules.evidence`).

Every claim is anchored exactly once in the pinned article, folding only quotes,
apostrophes and whitespace, at the offsets it gives; a missing anchor names the
nearest text of the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.article import Article
from conftest import ARTICLE, claim_line, line_of, set_field

from .helpers import findings_for


def anchor(article: Article, exact: str, prefix: str = "", suffix: str = "") -> tuple[int, int] | str:
    return article.anchor(exact, prefix, suffix)


# ---------------------------------------------------------------- the article to the claims


def test_anchor_finds_once_and_refuses_twice() -> None:
    article = Article.from_bytes("a.txt", ARTICLE.read_bytes())
    start, end = anchor(article, "approximately 65,000")
    assert article.text[start:end] == "approximately 65,000"
    twice = anchor(article, "nearly two years")
    assert isinstance(twice, str)
    assert "found 2 times" in twice and "add a prefix or suffix" in twice
    assert anchor(article, "nearly two years", suffix=" of conflict") != twice


def test_anchor_folds_only_quotes_and_whitespace() -> None:
    article = Article.from_bytes("a.txt", ARTICLE.read_bytes())
    assert not isinstance(anchor(article, 'praising his "aggressive approach"'), str)
    assert not isinstance(anchor(article, "Israel's  military\npush"), str)
    # case and punctuation are not folded: a verifier must not re-attach fuzzily
    assert isinstance(anchor(article, "israel's military push"), str)
    assert isinstance(anchor(article, "approximately 65000"), str)


def test_missing_evidence_names_the_nearest_text(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    set_field(path, "gaza-deaths", "exact", '"approximately 66,000 Palestinians have been killed in the war"')
    [f] = [f for f in findings_for(site) if f.rule == "evidence"]
    assert f.path == "claims/context.yaml"
    assert f.claim == "gaza-deaths"
    assert f.line == line_of(path, "id: gaza-deaths")
    assert f.col == 5
    assert "evidence not found in the article" in f.message
    assert "nearest text in the source is 'approximately 65,000 Palestinians have been killed in the war" in f.message


def test_evidence_found_twice(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    set_field(path, "war-duration-unsuccessful", "exact", "nearly two years")
    [f] = [f for f in findings_for(site) if f.rule == "evidence"]
    assert f.claim == "war-duration-unsuccessful"
    assert "evidence found 2 times in the article (line 8:192, line 19:165)" in f.message
    assert "add a prefix or suffix" in f.message


def test_offsets_that_do_not_point_at_the_text(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    start = int(claim_line(path, "gaza-deaths", "start").split(":")[1])
    set_field(path, "gaza-deaths", "start", str(start + 1))
    found = [f for f in findings_for(site) if f.rule == "offsets"]
    assert [f.claim for f in found] == ["gaza-deaths"]
    assert f"claim says {start + 1}-" in found[0].message
    assert f"the text is at {start}-" in found[0].message


def test_a_one_character_change_names_the_claims_whose_evidence_moved(site: Path) -> None:
    path = site / "seeds" / "000_47ef2131506feb3b.txt"
    path.write_bytes(path.read_bytes().replace(b"Recently, senior", b"Recently,  senior"))
    found = findings_for(site)
    moved = {f.claim for f in found if f.rule == "offsets"}
    assert "officials-at-odds-three-matters" in moved
    assert "gaza-deaths" in moved  # everything after the change moved too
    assert any(f.rule == "source" and "the article changed" in f.message for f in found)


# ---------------------------------------------------------------- a split quotation (an invented article)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Part of the budget is spent, … and the rest is promised.", True),
        ("Part of the budget is spent ... and the rest is promised", True),
        ("and the rest is promised, … Part of the budget is spent.", False),  # out of order
        ("Part of the budget is spent, and the rest is promised.", False),  # no elision: not in the article
    ],
)
def test_a_split_quotations_pieces_are_inside_its_evidence_in_order(tmp_path: Path, text: str, ok: bool) -> None:
    from .quoting import build

    found = [f.message for f in findings_for(build(tmp_path, change={"levi-budget": {"text": text}})) if f.rule == "evidence"]
    assert found == ([] if ok else [f"claim levi-budget: text {text!r} is not inside its evidence "
                                    "'Part of the budget is spent,\" Levi said, \"and the rest is promised.'"])
