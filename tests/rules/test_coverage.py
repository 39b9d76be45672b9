"""Specification of claims.coverage (:mod:`claimdocs.rules.coverage`).

Every figure, date and quotation of the article lies inside the evidence of a claim of
its kind; one left without a claim is reported at its place in the article.
"""

from __future__ import annotations

from pathlib import Path

from claimdocs.project import Project
from claimdocs.rules.coverage import coverage

from .helpers import findings_for

# ---------------------------------------------------------------- the article to the claims


def test_the_real_claims_cover_every_figure_date_and_quotation(real_project: Project) -> None:
    cov = coverage(real_project, real_project.article)
    assert cov.uncovered == []
    assert cov.percent == 100.0
    assert cov.quotations == 6
    assert cov.figures >= 18 and cov.times >= 8


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


# ---------------------------------------------------------------- terms and split quotations (an invented article)


def test_terms_and_a_split_quotation_cover_the_articles_quotations(quoting: Project) -> None:
    cov = coverage(quoting, quoting.article)
    assert cov.uncovered == []
    assert cov.quotations == 9  # the split quotation is two quotations of the article, one claim


def test_words_the_article_quotes_in_its_own_voice_need_a_term_claim(tmp_path: Path) -> None:
    from .quoting import build

    found = [f for f in findings_for(build(tmp_path, drop=("savings", "report-title"))) if f.rule == "coverage"]
    assert [f.message for f in found] == [
        "quotation '“Crossing Riverton”' in the article has no claim; add a claim whose evidence covers it",
        "quotation '“savings”' in the article has no claim; add a claim whose evidence covers it",
    ]
