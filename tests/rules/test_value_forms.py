"""claims.value and claims.hedge on forms the real article lacks (tests/rules/forms.py).

Each form through the whole chain: the project's claims agree with their evidence
(no finding), a claim that misreads its evidence is reported, a page marking the
form rightly passes, a page marking it wrongly is reported at the marker with what
was expected and found, and the form unmarked in prose is ``claims.unbacked``. The
grammar's side of each form is specified in tests/test_quantities_misreadings.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.findings import Finding
from claimdocs.project import Project
from claimdocs.rules.engine import check_source

from .forms import build
from .helpers import check, clean, findings_for, load, loc, only


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Project:
    proj = load(build(tmp_path_factory.mktemp("forms")))
    assert not proj.findings, proj.findings
    return proj


def test_the_claims_agree_with_the_article_and_cover_it(forms: Project) -> None:
    assert check_source(forms) == []


def claim_findings(tmp_path: Path, ident: str, **fields: object) -> list[Finding]:
    return [f for f in findings_for(build(tmp_path, change={ident: dict(fields)})) if f.claim == ident]


# ---------------------------------------------------------------- a change is not a level


@pytest.mark.parametrize(
    "written", ["grown by 18%", "grew 18%", "up 18%", "an increase of 18%", "18% higher", "an 18% rise",
                "a rise of 18 per cent", "risen by 18 percent"],
)  # fmt: skip
def test_a_change_written_with_any_change_word_of_its_direction(forms: Project, written: str) -> None:
    clean(forms, f"Waiting lists have {{claim}}`{written} <lists-grown>`.\n")


def test_a_change_written_as_a_level(forms: Project) -> None:
    f = only(forms, "Line one.\nWaiting lists are {claim}`18% <lists-grown>` longer.\n", "value", "{claim}")
    assert f.message == (
        'change differs from the source: page says "18%" (a level, not a change), '
        'claim lists-grown says "grown by 18%" (a rise)'
    )
    assert f.claim == "lists-grown"
    assert f.format().startswith("docs/p.md:2:19: error: change differs")


def test_a_change_word_outside_the_marker_is_named(forms: Project) -> None:
    f = only(forms, "Waiting lists have grown by {claim}`18% <lists-grown>`.\n", "value", "{claim}")
    assert f.message.endswith('(the change word "grown by" is outside the marker; move it inside)')


@pytest.mark.parametrize("written", ["fell 18%", "an 18% drop", "18% lower"])
def test_a_change_of_the_other_direction(forms: Project, written: str) -> None:
    f = only(forms, f"Waiting lists have {{claim}}`{written} <lists-grown>`.\n", "value", "{claim}")
    assert f'page says "{written.removeprefix("an ")}"' in f.message and '"grown by 18%"' in f.message


@pytest.mark.parametrize("written", ["grew by 12%", "12% more", "an increase of 12%"])
def test_a_level_written_as_a_change(forms: Project, written: str) -> None:
    f = only(forms, f"The clinic keeps {{claim}}`{written} <beds-children>` of its beds for children.\n", "value", "{claim}")
    assert "change differs from the source" in f.message and 'claim beds-children says "12%" (a level, not a change)' in f.message


def test_a_change_unmarked(forms: Project) -> None:
    f = only(forms, "Waiting lists have grown by 18%.\n", "unbacked", "grown by 18%")
    assert 'figure "grown by 18%" is not marked' in f.message


def test_a_claim_that_writes_a_change_as_a_level(tmp_path: Path) -> None:
    [f] = claim_findings(tmp_path, "lists-grown", text="18%")
    assert (f.rule, f.message) == (
        "value",
        "claim lists-grown: change differs from the source: claim says '18%' (a level, not a change), "
        "evidence 'grown by 18%' is a rise",
    )


# ---------------------------------------------------------------- an abbreviated unit


@pytest.mark.parametrize("written", ["19 wks", "19wks", "19 weeks", "nineteen weeks"])
def test_an_abbreviated_unit_is_the_same_figure(forms: Project, written: str) -> None:
    text = f"Patients wait {{claim}}`{written} <wait-19>` for surgery.\n"
    assert [f.format() for f in check(forms, text, tracing=True)] == []


@pytest.mark.parametrize("written", ["19 days", "19 hrs", "19 mths"])
def test_an_abbreviation_of_another_unit(forms: Project, written: str) -> None:
    f = only(forms, f"Patients wait {{claim}}`{written} <wait-19>` for surgery.\n", "value", "{claim}")
    assert f'unit differs from the source: page says "{written}"' in f.message and "(time:week)" in f.message


def test_an_abbreviated_unit_unmarked(forms: Project) -> None:
    only(forms, "Patients wait 19 wks for surgery.\n", "unbacked", "19 wks")


# ---------------------------------------------------------------- a hedge after a fraction or a ratio


@pytest.mark.parametrize(("ident", "written"), [
    ("beds-quarter", "a quarter or more"), ("beds-quarter", "at least a quarter"), ("beds-quarter", "more than a quarter"),
    ("nurses-one-in-four", "one in four or more"), ("nurses-one-in-four", "at least one in four"),
])  # fmt: skip
def test_a_hedge_after_a_fraction_in_its_class(forms: Project, ident: str, written: str) -> None:
    clean(forms, f"The review found {{claim}}`{written} <{ident}>`.\n")


@pytest.mark.parametrize(("ident", "written", "label"), [
    ("beds-quarter", "a quarter", "exact"), ("beds-quarter", "a quarter or less", "upper bound"),
    ("nurses-one-in-four", "one in four", "exact"), ("nurses-one-in-four", "about one in four", "approximate"),
])  # fmt: skip
def test_a_hedge_after_a_fraction_dropped_or_changed(forms: Project, ident: str, written: str, label: str) -> None:
    f = only(forms, f"The review found {{claim}}`{written} <{ident}>`.\n", "hedge", "{claim}")
    assert f'page says "{written}" ({label})' in f.message and "(lower bound)" in f.message


def test_a_claim_that_drops_the_hedge_after_a_fraction(tmp_path: Path) -> None:
    [f] = claim_findings(tmp_path, "beds-quarter", text="A quarter", hedge="exact")
    assert (f.rule, f.message) == (
        "hedge",
        "claim beds-quarter: hedge differs from the source: claim says exact, evidence 'A quarter or more' is lower_bound",
    )


# ---------------------------------------------------------------- "over" a duration as a span


@pytest.mark.parametrize("marked", ["spread over {claim}`three years <upgrade-years>`",
                                    "{claim}`spread over three years <upgrade-years>`",
                                    "spread over {claim}`3 yrs <upgrade-years>`"])  # fmt: skip
def test_a_span_restated(forms: Project, marked: str) -> None:
    clean(forms, f"The upgrade will be {marked}.\n")


@pytest.mark.parametrize(("written", "label"), [("over three years", "lower bound"), ("more than three years", "lower bound"),
                                                ("about three years", "approximate")])  # fmt: skip
def test_a_span_written_as_a_bound(forms: Project, written: str, label: str) -> None:
    f = only(forms, f"The upgrade will take {{claim}}`{written} <upgrade-years>`.\n", "hedge", "{claim}")
    assert f'page says "{written}" ({label})' in f.message and "(exact)" in f.message


def test_a_claim_that_reads_a_span_as_a_bound(tmp_path: Path) -> None:
    [f] = claim_findings(tmp_path, "upgrade-years", text="over three years", hedge="lower_bound")
    assert (f.rule, f.message) == (
        "hedge",
        "claim upgrade-years: hedge differs from the source: claim says lower_bound, evidence 'three years' is exact",
    )


# ---------------------------------------------------------------- a season and a period relative to the article


@pytest.mark.parametrize(("ident", "written"), [("work-spring", "in the spring"), ("work-spring", "the spring"),
                                                ("full-decade", "the past decade"), ("full-decade", "over the past decade")])  # fmt: skip
def test_a_relative_time_restated(forms: Project, ident: str, written: str) -> None:
    clean(forms, f"It happens {{claim}}`{written} <{ident}>`.\n")


@pytest.mark.parametrize(("ident", "written"), [("work-spring", "this spring"), ("work-spring", "in the summer"),
                                                ("full-decade", "the next decade"), ("full-decade", "the past year")])  # fmt: skip
def test_another_relative_time(forms: Project, ident: str, written: str) -> None:
    f = only(forms, f"It happens {{claim}}`{written} <{ident}>`.\n", "value", "{claim}")
    assert f.claim == ident


def test_a_relative_time_unmarked(forms: Project) -> None:
    f = only(forms, "The work starts in the spring.\n", "unbacked", "the spring")
    assert "the spring" in f.message


# ---------------------------------------------------------------- a model name is no figure


def test_a_model_name_needs_no_claim_and_no_marker(forms: Project) -> None:
    clean(forms, "Patients are flown in on a Boeing 737-800.\n")


# ---------------------------------------------------------------- a date given as a bound


def test_a_bound_on_a_date_is_a_date_not_a_count(forms: Project) -> None:
    """ "no earlier than 2029": the year is a date (an event claim), never an unbacked count of 2029."""
    clean(forms, "The new wing will open no earlier than {claim}`2029 <wing-opens>`.\n")
    f = only(forms, "The new wing will open no earlier than 2029.\n", "unbacked", "2029")
    assert "date" in f.message or "time" in f.message, f.message


@pytest.mark.parametrize(("written", "word", "rule"), [("no later than", "later", "polarity"),
                                                       ("no sooner than", "sooner", "support")])  # fmt: skip
def test_a_bound_turned_around_is_held_by_the_tracing_rules(forms: Project, written: str, word: str, rule: str) -> None:
    """The grammar reads the date alone; the bound's words are held by the tracing rules: an order word the article
    does not hold ("later"), a word it does not use ("sooner")."""
    text = f"The new wing will open {written} {{claim}}`2029 <wing-opens>`.\n"
    found = check(forms, text, tracing=True)
    assert (rule, *loc(text, word)) in [(f.rule, f.line, f.col) for f in found], "\n".join(
        f.format() for f in found
    )


def test_a_bound_whose_negation_is_dropped_is_held_by_the_tracing_rules(forms: Project) -> None:
    """ "earlier than 2029" for "no earlier than 2029": the article's negation dropped."""
    found = check(forms, "The new wing will open earlier than {claim}`2029 <wing-opens>`.\n", tracing=True)
    assert "polarity" in [f.rule for f in found], "\n".join(f.format() for f in found)


def test_a_bound_kept_passes_the_tracing_rules(forms: Project) -> None:
    found = check(forms, "The new wing will open no earlier than {claim}`2029 <wing-opens>`.\n", tracing=True)
    assert found == [], "\n".join(f.format() for f in found)


def test_a_negation_that_governs_no_content_word_is_shown_with_the_words_after_it(forms: Project) -> None:
    """The message shows the article's "no earlier than", not a bare "no"."""
    text = "The new wing will open no sooner than {claim}`2029 <wing-opens>`.\n"
    (f,) = [f for f in check(forms, text, tracing=True) if f.rule == "polarity"]
    assert 'it negates only "no earlier than"' in f.message, f.message
