"""Article to claims: every claim anchored exactly once, values and hedges as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.article import Article
from claimdocs.config import Config
from claimdocs.project import Project, load_project
from claimdocs.rules.coverage import coverage
from claimdocs.rules.engine import check_source
from conftest import ARTICLE, claim_line, edit, line_of, set_field


def anchor(article: Article, exact: str, prefix: str = "", suffix: str = "") -> tuple[int, int] | str:
    return article.anchor(exact, prefix, suffix)


def findings_for(root: Path) -> list:
    return check_source(load_project(Config.from_pyproject(root)))


def test_the_real_claims_are_clean(real_project: Project) -> None:
    assert check_source(real_project) == []


def test_the_real_claims_cover_every_figure_date_and_quotation(real_project: Project) -> None:
    cov = coverage(real_project, real_project.article)
    assert cov.uncovered == []
    assert cov.percent == 100.0
    assert cov.quotations == 6
    assert cov.figures >= 18 and cov.times >= 8


def test_every_claim_kind_is_present(real_project: Project) -> None:
    kinds = {c.kind for c in real_project.claims.values()}
    assert kinds == {"quantity", "quote", "role", "stance", "event", "assertion", "statement"}


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


def test_a_quotation_given_to_someone_not_named_there(site: Path) -> None:
    set_field(site / "claims" / "offensive.yaml", "katz-hell", "speaker", "plesner")
    found = [f for f in findings_for(site) if f.rule == "speaker"]
    assert [f.claim for f in found] == ["katz-hell"]
    assert "'Yohanan Plesner' is not named around the quotation" in found[0].message


def test_a_quotation_whose_speaker_is_a_pronoun_after_the_name_is_accepted(real_project: Project) -> None:
    # "she added, “It’s difficult ...”" two sentences after Idit Shafran Gittleman is named
    assert real_project.claims["shafran-gittleman-gravity"].speaker == "shafran-gittleman"
    assert not [f for f in check_source(real_project) if f.rule == "speaker"]


def test_duplicate_ids(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    edit(path, "id: gaza-deaths", "id: fled-gaza-city")
    found = [f for f in findings_for(site) if f.rule == "duplicate-id"]
    assert len(found) == 1
    assert "duplicate id 'fled-gaza-city': first defined at claims/" in found[0].message


def test_unknown_reference_suggests_the_nearest_id(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    set_field(path, "gaza-deaths", "according_to", "health-oficials")
    [f] = [f for f in findings_for(site) if f.rule == "reference"]
    assert f.claim == "gaza-deaths"
    assert "unknown entity 'health-oficials' (did you mean 'health-officials'?)" in f.message


def test_a_claim_removed_leaves_its_figure_uncovered(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: gaza-deaths")
    end = text.find("\n  - id:", start + 1)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    found = [f for f in findings_for(site) if f.rule == "coverage"]
    assert len(found) == 1
    f = found[0]
    assert (f.path, f.line) == ("seeds/000_47ef2131506feb3b.txt", 22)
    assert "figure 'approximately 65,000' in the article has no claim" in f.message


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b.replace(b"65,000", b"65,001"), "the article changed"),
        (lambda b: b + b"\n", "the article changed"),
        (lambda b: b"\xef\xbb\xbf" + b, "byte-order mark"),
        (lambda b: b.replace(b"\n", b"\r\n"), "CR or CRLF line ends"),
        (lambda b: b.replace("’".encode(), b"\x92", 1), "is not valid UTF-8"),
    ],
)
def test_a_changed_article_is_refused(site: Path, change, message: str) -> None:
    path = site / "seeds" / "000_47ef2131506feb3b.txt"
    path.write_bytes(change(path.read_bytes()))
    found = findings_for(site)
    assert any(f.rule == "source" and message in f.message for f in found), found


def test_a_one_character_change_names_the_claims_whose_evidence_moved(site: Path) -> None:
    path = site / "seeds" / "000_47ef2131506feb3b.txt"
    path.write_bytes(path.read_bytes().replace(b"Recently, senior", b"Recently,  senior"))
    found = findings_for(site)
    moved = {f.claim for f in found if f.rule == "offsets"}
    assert "officials-at-odds-three-matters" in moved
    assert "gaza-deaths" in moved  # everything after the change moved too
    assert any(f.rule == "source" and "the article changed" in f.message for f in found)


def test_a_missing_article(site: Path) -> None:
    (site / "seeds" / "000_47ef2131506feb3b.txt").unlink()
    [f] = findings_for(site)
    assert f.rule == "source"
    assert "cannot read the article" in f.message and "restore it" in f.message


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
