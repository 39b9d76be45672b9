"""Specification of the engine (:mod:`claimdocs.rules.engine`): no rule of its own, every rule run.

The article's checks on the real claims (:func:`~claimdocs.rules.engine.check_source`);
a whole page (:func:`~claimdocs.rules.engine.check_page`) and where its findings are
placed once the page is parsed into blocks as the rules see them (:mod:`claimdocs.rules.view`);
a whole site and its summary (:func:`~claimdocs.rules.engine.check_pages`), in parallel,
with the article's checks alongside and without the cycle collector; the shared lookup
tables (:mod:`claimdocs.rules.tables`) and their nearest-text hints; and robustness: no
page makes a check raise, and hostile pages stay linear in time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdocs.findings import Finding
from claimdocs.project import Project
from claimdocs.rules.engine import PageResult, PagesResult, check_page, check_pages, check_source
from claimdocs.rules.registry import RULES

from .helpers import FIXTURES, build_project, check, load, only

# ---------------------------------------------------------------- the article's checks on the real claims


def test_the_real_claims_are_clean(real_project: Project) -> None:
    assert check_source(real_project) == []


def test_every_claim_kind_is_present(real_project: Project) -> None:
    kinds = {c.kind for c in real_project.claims.values()}
    assert kinds == {"quantity", "quote", "role", "stance", "event", "assertion", "statement"}


# ---------------------------------------------------------------- a whole page


def test_the_good_fixture_page_is_clean(project: Project) -> None:
    text = (FIXTURES / "good_page.txt").read_text(encoding="utf-8")
    result = check_page(project, "docs/good.md", text)
    assert isinstance(result, PageResult)
    assert result.findings == [], "\n".join(f.format() for f in result.findings)
    assert result.nofact == 1
    used = {u.claim for u in result.uses if u.role == "claim"}
    assert {"gaza-deaths", "plesner-era", "gravity", "qatar-timing-opposed", "icc-accusation"} <= used
    assert {u.claim for u in result.uses if u.role == "person"} == {"plesner", "shafran-gittleman"}


def test_every_rule_name_is_known(project: Project) -> None:
    text = (FIXTURES / "good_page.txt").read_text(encoding="utf-8").replace("about 65,000", "65,000")
    text += "\nSome 12 people. {claim}`nope` {person}`x <nope>` “odd words”\n"
    for f in check(project, text):
        assert f.rule in RULES


# ---------------------------------------------------------------- positions in the page


def test_reflowed_paragraph_reports_the_marker_start(project: Project) -> None:
    text = "Intro line.\n\nHealth officials in the enclave report {claim}`about\n66,000 <gaza-deaths>` killed.\n"
    only(project, text, "value", "{claim}")


def test_column_after_an_entity_is_exact(project: Project) -> None:
    text = "Tom &amp; Jerry &amp; friends saw 65,000 people.\n"
    only(project, text, "unbacked", "65,000")


def test_column_in_a_table_cell(project: Project) -> None:
    text = "| a | b |\n|---|---|\n| ok | it was 65,000 |\n"
    only(project, text, "unbacked", "65,000")


# ---------------------------------------------------------------- the site


def test_check_pages_walks_the_docs(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Home\n\nHealth officials in the enclave report that {claim}`about 65,000 <gaza-deaths>` "
                    "Palestinians have been killed in the war.\n",
        "sub/b.md": "Some 65,000 are listed.\n",
        "sub/c.md": "Part {nofact}`1`.\n",
        "_build/x.md": "Some 65,000 died.\n",
        ".hidden/x.md": "Some 65,000 died.\n",
        "drafts/d.md": "Some 65,000 died.\n",
        "skip-me.md": "Some 65,000 died.\n",
        "notes.txt": "Some 65,000 died.\n",
    }
    root = build_project(tmp_path, pages, exclude=["drafts", "skip-*.md"])
    (root / "docs" / "sub" / "bom.md").write_bytes(b"\xef\xbb\xbfIndex\n")
    (root / "docs" / "sub" / "crlf.md").write_bytes(b"Index\r\nhere\n")
    (root / "docs" / "sub" / "latin1.md").write_bytes(b"ok\ncaf\xe9\n")
    os.symlink(root / "docs" / "missing.md", root / "docs" / "sub" / "dangling.md")
    proj = load(root)
    result = check_pages(proj)
    assert isinstance(result, PagesResult)
    page_findings = [(f.path, f.line, f.col, f.rule) for f in result.findings if f.rule != "unused"]
    assert page_findings == [  # a BOM and CRLF line ends are read like LF; one finding a page that cannot be read
        ("docs/sub/b.md", 1, 1, "unbacked"),
        ("docs/sub/dangling.md", 1, 1, "page"),
        ("docs/sub/latin1.md", 2, 4, "page"),
    ]
    # two pages could not be read: their claims cannot be known to be unused, so none is reported
    assert [f for f in result.findings if f.rule == "unused"] == []
    assert result.summary == {"pages": 7, "uses": 1, "nofact": 1, "waived": 0}
    assert result.findings == sorted(result.findings)
    (root / "docs" / "sub" / "dangling.md").unlink()
    (root / "docs" / "sub" / "latin1.md").unlink()
    again = check_pages(load(root))
    unused = {f.claim for f in again.findings if f.rule == "unused"}
    assert unused == set(proj.claims) - {"gaza-deaths"}


def test_check_pages_without_docs_folder(tmp_path: Path) -> None:
    proj = load(build_project(tmp_path))
    result = check_pages(proj)
    assert [f.rule for f in result.findings if f.rule != "unused"] == ["config"]
    assert result.summary["pages"] == 0


def test_checking_in_parallel_gives_the_same_result(real_project: Project) -> None:
    one, two = check_pages(real_project, jobs=1), check_pages(real_project, jobs=2)
    assert one.findings == two.findings
    assert one.uses == two.uses
    assert one.summary == two.summary
    assert one.summary["uses"] > 200


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_check_alongside_the_pages_adds_its_findings(real_project: Project, jobs: int) -> None:
    extra = Finding("claims/x.yaml", 3, 1, "evidence", "from the article's checks")
    seen: list[int] = []

    def article_checks(project: Project) -> list[Finding]:  # a closure: run in a worker, never pickled
        seen.append(len(project.claims))
        return [extra]

    result = check_pages(real_project, jobs=jobs, alongside=article_checks)
    assert extra in result.findings
    assert result.findings == sorted(result.findings)
    if jobs == 1:
        assert seen == [len(real_project.claims)]  # in this process, once


@pytest.mark.parametrize("enabled", [True, False])
def test_a_page_is_checked_without_the_cycle_collector_and_its_state_is_restored(
        real_project: Project, monkeypatch: pytest.MonkeyPatch, enabled: bool) -> None:
    import gc

    import claimdocs.rules.engine as page_rules

    seen: list[bool] = []
    real_parse = page_rules.parse_page

    def spy(text: str, path: str, **options: object):
        seen.append(gc.isenabled())
        return real_parse(text, path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(page_rules, "parse_page", spy)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        result = page_rules.check_page(real_project, "docs/x.md", "The war began in 2023.\n")
        assert result.findings  # an unmarked date: the page was really checked
        assert seen == [False]
        assert gc.isenabled() is enabled

        def boom(text: str, path: str, **options: object):
            raise RuntimeError("parse failed")

        monkeypatch.setattr(page_rules, "parse_page", boom)
        with pytest.raises(RuntimeError):
            page_rules.check_page(real_project, "docs/x.md", "x\n")
        assert gc.isenabled() is enabled  # restored on the way out of an error too
    finally:
        gc.enable() if was else gc.disable()


# ---------------------------------------------------------------- the tables


def test_tables_follow_a_changed_project(tmp_path: Path) -> None:
    proj = load(build_project(tmp_path))
    text = "Health officials in the enclave report {claim}`about 65,000 <gaza-deaths>` killed.\n"
    assert check(proj, text) == []
    claim = proj.claims["gaza-deaths"]
    proj.claims["gaza-deaths"] = claim.model_copy(update={"value": 66000.0, "text": "approximately 66,000"})
    assert [f.rule for f in check(proj, text)] == ["value"]


@pytest.mark.parametrize(
    "text",
    ["The established practice was for big decisions", "We are witnessing a unique era", "the norm is gone",
     "It is hard to overstate the gravity", "approximately 66,000 Palestinians", "national and moral duty",
     "a battle he may not endorse", "hell on Hamas"],
)
def test_nearest_hint_is_the_article_nearest(project: Project, text: str) -> None:
    from claimdocs.rules.tables import tables_of

    assert project.article is not None
    assert tables_of(project).nearest_text(project.article.text, text) == project.article.nearest(text)


# ---------------------------------------------------------------- robustness and speed


_ATOMS = st.sampled_from(
    ["{claim}`", "{person}`", "{nofact}`", "`", "``", "<", ">", "<gaza-deaths>", "<plesner-norm>", "<zamir>",
     "<qatar-timing-opposed>", "<zamir-chief-of-staff>", "<icc-accusation>", "{", "}", '"', "“", "”", "\n", "\n\n",
     ":::", "```", "{admonition}", "| a | b |\n|---|---|\n", "- ", "# ", "> ", "65,000", "about", "Plesner said",
     "Zamir", "chief of staff", "former", "\\", "&amp;", "*", "[", "](", ")", "...", "…", " ", "'", "’",
     "this week", "October 7, 2023", "opposed", ",", ".", "\x00", "\r", "\t", "    "]
)
_PAGES = st.lists(st.one_of(_ATOMS, st.text(max_size=6)), max_size=40).map("".join)

@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=_PAGES)
def test_check_page_never_raises(project: Project, text: str) -> None:
    result = check_page(project, "docs/f.md", text)
    lines = text.count("\n") + 1
    for f in result.findings:
        assert 1 <= f.line <= lines and f.col >= 1
        assert f.rule in RULES
        assert len(f.format().splitlines()) == 1


@pytest.mark.parametrize(
    "unit",
    ["Zamir said, the chief of staff ", "“a” 65,000 ", "Barnea said {claim}`“This norm has been broken” <plesner-norm>` ",
     "{claim}`he was accused <icc-accusation>` ", "a\n", "[a](http://x) 12 ", "&amp; 12 ", "“w x y"],
)
def test_long_hostile_pages_stay_linear(project: Project, unit: str) -> None:
    start = time.perf_counter()
    check_page(project, "docs/p.md", unit * 2000)
    small = time.perf_counter() - start
    start = time.perf_counter()
    check_page(project, "docs/p.md", unit * 8000)
    large = time.perf_counter() - start
    assert large < 10 * small + 1.0, (small, large)  # four times the text: quadratic work would take sixteen times
