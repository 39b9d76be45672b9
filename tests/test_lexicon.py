"""The lexicon: one word list for both halves, so the article's check and the pages' check agree.

Each test runs the same words through the article-to-claims half and the
claims-to-pages half and asserts the two answers are the same: they once disagreed
("the previous defense minister" was former on one side, current on the other).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdocs.config import Config
from claimdocs.findings import RuleId
from claimdocs.lexicon import (
    DEFAULT,
    Lexicon,
    did_you_mean,
    fold,
    fold_same_length,
    hedge_label,
    lower_phrase_re,
    phrase_re,
    quotations,
    same_value,
    shorten,
)
from claimdocs.project import Project, load_project
from claimdocs.quantities import Hedge
from claimdocs.rules.coverage import coverage
from claimdocs.rules.engine import check_page, check_source
from claimdocs.text import lower_same_length
from conftest import edit

# ---------------------------------------------------------------- former and current, on both halves

FORMER_WORDS = ["former", "previous", "erstwhile", "ex-"]


@pytest.mark.parametrize("word", FORMER_WORDS)
def test_both_halves_read_the_same_words_as_former(site: Path, word: str) -> None:
    # the article's half: a role claim whose text says "former" must have status former
    text = f"a {word}centrist lawmaker" if word.endswith("-") else f"a {word} centrist lawmaker"
    assert DEFAULT.says_former(text)
    # the pages' half: a marker that says so for a current role is a finding; for a former one, not
    project = load_project(Config.from_pyproject(site))
    current = check_page(project, "docs/x.md", f"Eyal Zamir is {{claim}}`the {word}{' ' if not word.endswith('-') else ''}chief of staff <zamir-chief-of-staff>`.\n", tracing=False)
    assert [f.rule for f in current.findings] == [RuleId.OFFICE], current.findings
    assert "(former)" in current.findings[0].message
    former = check_page(project, "docs/x.md", f"Mr. Plesner is {{claim}}`{text} <plesner-former-lawmaker>`.\n", tracing=False)
    assert former.findings == [], former.findings


def test_the_article_half_reports_a_former_office_given_as_current(site: Path) -> None:
    path = site / "claims" / "people.yaml"
    text = path.read_text(encoding="utf-8")
    block = text[text.index("- id: plesner-former-lawmaker") :]
    edit(path, block[: block.index("status: former") + len("status: former")],
         block[: block.index("status: former")] + "status: current")
    findings = check_source(load_project(Config.from_pyproject(site)))
    assert [(f.rule, f.claim) for f in findings] == [(RuleId.OFFICE, "plesner-former-lawmaker")]


@pytest.mark.parametrize("text", ["the defense minister", "a formidable lawmaker", "an exciting general", "a lawmaker"])
def test_words_that_merely_start_alike_are_not_former(text: str) -> None:
    assert not DEFAULT.says_former(text)


# ---------------------------------------------------------------- quotations, on both halves

MIXED = "„hello“ and «bonjour» and “hi” and \"hey\""


def test_one_quotation_scanner_pairs_each_mark_with_its_own_closer() -> None:
    found = [MIXED[q.start : q.end] for q in quotations(MIXED)]
    assert found == ["hello", "bonjour", "hi", "hey"]


def test_an_unterminated_quotation_stops_at_its_paragraphs_end() -> None:
    text = "“one paragraph\nanother “two” here"
    found = [(text[q.start : q.end], q.close - q.open) for q in quotations(text)]
    assert found == [("one paragraph", 14), ("two", 5)]


def test_both_halves_see_the_same_quotations(tmp_path: Path) -> None:
    """The article's coverage and a page's prose find the same four quotations in the same text."""
    root = tmp_path / "p"
    (root / "seeds").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "docs").mkdir()
    article = f"They wrote {MIXED}."
    (root / "seeds" / "a.txt").write_text(article, encoding="utf-8")
    (root / "claims" / "c.yaml").write_text("claims: []\n", encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.claimdocs]\narticle = "seeds/a.txt"\nmetadata = "seeds/a.yaml"\n', encoding="utf-8")
    project = load_project(Config.from_pyproject(root))
    assert project.article is not None
    article_side = sorted(text for what, _s, _e, text in coverage(project, project.article).uncovered if what == "quotation")
    page = check_page(project, "docs/x.md", f"They wrote {MIXED}.\n", tracing=False)
    page_side = [f for f in page.findings if f.rule in (RuleId.UNBACKED, RuleId.QUOTE)]
    assert len(article_side) == 4
    assert len(page_side) == 4, page_side


# ---------------------------------------------------------------- the small helpers


def test_values_are_the_same_up_to_floating_point_noise_and_none_only_equals_none() -> None:
    assert same_value(0.1 + 0.2, 0.3)
    assert same_value(2e9, 2_000_000_000)
    assert not same_value(65_000, 66_000)
    assert same_value(None, None)
    assert not same_value(None, 0)


def test_hedge_labels_are_the_sites() -> None:
    assert hedge_label(Hedge.VAGUE) == "vague quantity"
    assert hedge_label("lower_bound") == "lower bound"
    assert {hedge_label(h) for h in Hedge} >= {"exact", "approximate", "just below", "upper bound"}


def test_did_you_mean_and_shorten() -> None:
    assert did_you_mean("gaza-deahts", ["gaza-deaths", "hostages-alive"]) == "gaza-deaths"
    assert did_you_mean("entirely-different", ["gaza-deaths"]) is None
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("x" * 30, 10) == "x" * 9 + "\u2026"


def test_fold_straightens_quotes_and_whitespace() -> None:
    assert fold("“Israel’s\n  push”") == '"Israel\'s push"'


def test_a_project_may_bring_its_own_words(real_project: Project) -> None:
    """A Lexicon is data: another one changes what the rules read, without code."""
    mine = Lexicon(former=("sometime",))
    assert mine.says_former("the sometime minister")
    assert not mine.says_former("the former minister")
    assert DEFAULT.says_former("the former minister")


def test_the_stems_are_snowballs_english_whichever_implementation_is_installed() -> None:
    """PyStemmer (C) and snowballstemmer's own Python modules run the same algorithm: the checks
    must not depend on which one an install picked up."""
    from snowballstemmer.english_stemmer import EnglishStemmer

    reference = EnglishStemmer()
    words = ["negotiations", "negotiated", "offensive", "officials", "generously", "hopeful", "running",
             "studies", "dying", "skies", "news", "evacuating", "feared", "criticized", "criticised"]
    assert [DEFAULT.stem(w) for w in words] == [reference.stemWord(w) for w in words]


_PHRASES = st.lists(st.lists(st.sampled_from(["Chief", "of", "staff", "mayor", "MAYOR", "İlk", "head"]), min_size=1,
                             max_size=3).map(" ".join), min_size=1, max_size=6)
_PROSE = st.lists(st.sampled_from(["Chief", "chief", "of", "Staff", "staff", "mayor", "Mayor’s", "İlk", "ilk", "head",
                                   " ", "  ", "\n", "-", "_", "x", ".", "’"]), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(phrases=_PHRASES, text=_PROSE)
def test_a_lowercase_phrase_pattern_on_lowered_text_finds_what_the_case_blind_one_finds(phrases: list[str],
                                                                                       text: str) -> None:
    """Offices are found on every block with the lowercase pattern (twice as fast); same spans as case-blind."""
    blind, lower = phrase_re(phrases), lower_phrase_re(phrases)
    assert blind is not None and lower is not None
    folded = fold_same_length(text)
    assert [m.span() for m in lower.finditer(lower_same_length(folded))] == [m.span() for m in blind.finditer(folded)]


def test_a_lowercase_phrase_pattern_is_not_case_blind() -> None:
    pattern = lower_phrase_re(["Chief of Staff"])
    assert pattern is not None and pattern.search("chief of  staff") and not pattern.search("Chief of Staff")
    assert lower_phrase_re([" ", ""]) is None
