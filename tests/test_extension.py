"""The Sphinx extension on a tiny project: every role, directive and view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.sphinx("html", testroot="claims")


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def warnings(app: SphinxTestApp) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())


@pytest.fixture
def built(app: SphinxTestApp) -> SphinxTestApp:
    app.build()
    return app


def test_builds_without_warnings(built: SphinxTestApp) -> None:
    assert warnings(built) == ""


def test_a_claim_renders_its_written_text_with_id_anchor_link_and_card(built: SphinxTestApp) -> None:
    page = soup(built, "index.html")
    span = page.select_one('span.claim[data-claim-id="evacuated"]')
    assert span is not None
    assert span["id"] == "use-evacuated-1"
    link = span.select_one("a.claim-link")
    assert link.get_text() == "about 1,500"
    assert link["href"] == "claims.html#claim-evacuated"
    assert "according to the ministry" in link["title"]
    assert "approximately 1,500 people were evacuated" in link["title"]  # works without JS or CSS
    card = span.select_one(".claim-card")
    assert card["role"] == "tooltip"
    assert link["aria-describedby"] == card["id"]
    assert card.select_one("mark").get_text() == "approximately 1,500 people were evacuated"
    assert "The ministry reports that" in card.get_text()  # the evidence sentence
    assert card.select_one("a")["href"] == "source.html#src-evacuated"


def test_the_bare_form_renders_the_claims_own_wording(built: SphinxTestApp) -> None:
    spans = soup(built, "index.html").select('span.claim[data-claim-id="evacuated"] > a.claim-link')
    assert [s.get_text() for s in spans] == ["about 1,500", "approximately 1,500", "approximately 1,500"]


def test_every_use_gets_its_own_stable_anchor(built: SphinxTestApp) -> None:
    ids = [s["id"] for s in soup(built, "index.html").select('span.claim[data-claim-id="evacuated"]')]
    assert ids == ["use-evacuated-1", "use-evacuated-2", "use-evacuated-3"]


def test_a_person_shows_name_and_office_on_hover(built: SphinxTestApp) -> None:
    span = soup(built, "index.html").select_one('span.claim-person[data-entity-id="levi"]')
    assert span.select_one("a.claim-link").get_text() == "Dana Levi"
    assert span.select_one("a.claim-link")["href"] == "claims.html#entity-levi"
    assert "the mayor of Riverton" in span.select_one(".claim-card").get_text()


def test_claim_quote_sets_a_block_quotation_with_speaker_and_office(built: SphinxTestApp) -> None:
    quote = soup(built, "index.html").select_one("blockquote.claim-quote")
    assert quote is not None
    text = quote.get_text(" ", strip=True)
    assert "\u201cWe acted as quickly as we could,\u201d" in text
    assert "Dana Levi" in text and "the mayor of Riverton" in text


def test_text_inside_a_card_is_rendered_and_linked(built: SphinxTestApp) -> None:
    card = soup(built, "index.html").select_one(".sd-card")
    assert card.select_one('span.claim[data-claim-id="evacuated"]') is not None


def test_the_claims_index_lists_every_claim_with_evidence_and_backlinks(built: SphinxTestApp) -> None:
    page = soup(built, "claims.html")
    for ident in ("evacuated", "evacuated-monday", "levi-quickly", "levi-overdue", "levi-mayor", "critics-late",
                  "council-opposed"):
        entry = page.select_one(f"#claim-{ident}")
        assert entry is not None, ident
    entry = page.select_one("#claim-evacuated")
    text = entry.get_text(" ", strip=True)
    assert "Attribution: according to the ministry" in text
    assert "approximately 1,500 people were evacuated" in text
    backlinks = [a["href"] for a in entry.select(".claim-entry-uses a")]
    assert backlinks == ["index.html#use-evacuated-1", "index.html#use-evacuated-2", "index.html#use-evacuated-3"]
    assert page.select_one("#entity-levi") is not None


def test_each_index_entry_carries_schema_org_claim_json_ld(built: SphinxTestApp) -> None:
    script = soup(built, "claims.html").select_one('#claim-evacuated script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "Claim"
    assert data["identifier"] == "evacuated"
    assert data["appearance"]["text"] == "approximately 1,500 people were evacuated"
    assert data["author"]["name"] == "the ministry"


def test_figures_positions_and_quotations_views(built: SphinxTestApp) -> None:
    page = soup(built, "views.html")
    figures = page.select_one("table.claims-figures-table")
    cells = figures.select("tbody tr")[0].select("td")
    assert cells[0].select_one("a.claim-link").get_text() == "approximately 1,500"
    assert [td.get_text(strip=True) for td in cells[1:]] == [
        "approximate", "people evacuated from Riverton", "the ministry", "", "",
    ]
    assert page.select_one('a[href="figures.csv"]') is not None
    matrix = page.select_one("table.claims-positions-table")
    row = matrix.select("tbody tr")[0]
    assert row.select("td")[0].select_one("a.claim-link").get_text() == "the council"
    assert row.select("td")[1].select_one('[data-claim-id="council-opposed"] a.claim-link').get_text() == "opposed"
    assert row.select("td")[2].get_text(strip=True) == "\u2014"
    quotes = page.select(".claims-quotations blockquote.claim-quote")
    assert len(quotes) == 2


def test_the_source_page_highlights_every_evidence_span(built: SphinxTestApp) -> None:
    page = soup(built, "source.html")
    for ident in ("evacuated", "levi-quickly", "council-opposed"):
        assert page.select_one(f"#src-{ident}") is not None
    marks = page.select("a.claims-evidence")
    assert any(a["href"] == "claims.html#claim-evacuated" for a in marks)
    text = page.select_one(".claims-source").get_text()
    assert "The ministry reports that approximately 1,500 people were evacuated from Riverton on Monday." in text


def test_claims_json_is_written_with_uses(built: SphinxTestApp) -> None:
    data = json.loads((Path(built.outdir) / "claims.json").read_text(encoding="utf-8"))
    assert data["format"] == "claimdocs/1"
    by_id = {c["id"]: c for c in data["claims"]}
    assert set(by_id) == {"evacuated", "evacuated-monday", "levi-quickly", "levi-overdue", "levi-mayor",
                          "critics-late", "council-opposed"}
    assert by_id["evacuated"]["value"] == 1500
    assert by_id["evacuated"]["hedge"] == "approximate"
    assert [u["url"] for u in by_id["evacuated"]["uses"]] == [
        "index.html#use-evacuated-1", "index.html#use-evacuated-2", "index.html#use-evacuated-3",
    ]
    csv = (Path(built.outdir) / "figures.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0].startswith("id,figure,value,hedge")
    assert csv[1].startswith('evacuated,"approximately 1,500",1500,approximate')


@pytest.mark.sphinx("text", testroot="claims")
def test_other_builders_write_the_text(app: SphinxTestApp) -> None:
    app.build()
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "about 1,500" in text and "Dana Levi" in text
    assert warnings(app) == ""


def _project_with(make_app, rootdir: Path, tmp_path: Path, extra: str):
    import shutil

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-claims", src)
    index = src / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    return app, index.read_text(encoding="utf-8").count("\n")


def test_an_unknown_claim_id_is_a_typed_warning_with_its_location(make_app, rootdir: Path, tmp_path: Path) -> None:
    app, last = _project_with(make_app, rootdir, tmp_path, "Also {claim}`about 1,500 <evacuatd>` people.\n")
    text = warnings(app)
    assert f"index.md:{last}: WARNING:" in text
    assert "evacuatd" in text and "evacuated" in text  # did you mean
    assert text.rstrip().endswith("[claims.unknown-id]")


def test_a_wrong_figure_is_a_typed_warning(make_app, rootdir: Path, tmp_path: Path) -> None:
    app, last = _project_with(
        make_app, rootdir, tmp_path, "The ministry reports {claim}`1,500 <evacuated>` people evacuated.\n"
    )
    text = warnings(app)
    assert f"index.md:{last}: WARNING:" in text
    assert "[claims.hedge]" in text


def test_warnings_can_be_silenced_by_type(make_app, rootdir: Path, tmp_path: Path) -> None:
    import shutil

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-claims", src)
    (src / "conf.py").write_text((src / "conf.py").read_text() + 'suppress_warnings = ["claims.hedge"]\n')
    index = src / "index.md"
    index.write_text(index.read_text() + "\nThe ministry reports {claim}`1,500 <evacuated>` people evacuated.\n")
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings(app) == ""


def test_an_unused_claim_is_a_warning_at_its_yaml_line(make_app, rootdir: Path, tmp_path: Path) -> None:
    import shutil

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-claims", src)
    index = src / "index.md"
    index.write_text(index.read_text().replace("{claim}`Critics contend <critics-late>` that the order came late.", ""))
    app = make_app("html", srcdir=src)
    app.build()
    text = warnings(app)
    assert "claims.yaml:" in text
    assert "critics-late" in text and "[claims.unused]" in text


def test_the_claims_index_groups_claims_by_kind_then_topic(built: SphinxTestApp) -> None:
    index = soup(built, "claims.html").select_one(".claims-index")
    sections = index.select(":scope > .claims-kind")
    kinds = [s.select_one(":scope > h2.rubric")["id"] for s in sections]
    # every kind a claim of the project is of, in the model's order (no statement or term here: no empty section)
    assert kinds == ["kind-quantity", "kind-quote", "kind-role", "kind-stance", "kind-event", "kind-assertion",
                     "entities"]
    quotes = sections[1]
    groups = {g.select_one(":scope > h3.rubric").get_text(): [e["id"] for e in g.select(":scope > .claim-entry")]
              for g in quotes.select(":scope > .claims-group")}
    # levi-quickly's first topic is the offensive; levi-overdue has none
    assert groups == {"The evacuation order": ["claim-levi-quickly"], "Other": ["claim-levi-overdue"]}
    figures = {g.select_one("h3").get_text(): [e["id"] for e in g.select(".claim-entry")]
               for g in sections[0].select(".claims-group")}
    assert figures == {"The evacuation": ["claim-evacuated"]}
    people = {g.select_one("h3").get_text(): [e["id"] for e in g.select(".claim-entry")]
              for g in sections[-1].select(".claims-group")}
    assert people == {"People": ["entity-levi"], "Organisations": ["entity-council", "entity-ministry"],
                      "Groups": ["entity-critics"], "Places": ["entity-riverton"]}
    assert len(index.select(".claim-entry[id^='claim-']")) == 7  # every claim once


def test_each_index_entry_says_its_kind_and_who_for_the_filter(built: SphinxTestApp) -> None:
    page = soup(built, "claims.html")
    mayor = page.select_one("#claim-levi-mayor")
    assert (mayor["data-kind"], mayor["data-who"]) == ("role", "levi riverton")
    assert page.select_one("#claim-evacuated-monday")["data-who"] == ""
    levi = page.select_one("#entity-levi")
    assert (levi["data-kind"], levi["data-who"]) == ("entity", "levi")


def test_the_filter_is_in_the_page_hidden_until_the_script_shows_it(built: SphinxTestApp) -> None:
    form = soup(built, "claims.html").select_one(".claims-index form.claims-filter")
    assert form is not None and form.has_attr("hidden")
    kinds = [o["value"] for o in form.select("select[name=kind] option")]
    assert kinds == ["", "quantity", "quote", "role", "stance", "event", "assertion", "entity"]
    who = {g["label"]: [o["value"] for o in g.select("option")] for g in form.select("select[name=who] optgroup")}
    # the entities some claim names, by kind
    assert who == {"People": ["levi"], "Organisations": ["council", "ministry"], "Groups": ["critics"],
                   "Places": ["riverton"]}
    assert form.select_one("input[type=search][name=text]") is not None


def test_waivers_apply_in_the_build_and_the_view_lists_them(make_app, rootdir: Path, tmp_path: Path) -> None:
    """The build applies the checker's waivers (one engine), and ``{claims-waivers}`` shows each with its reason."""
    import shutil

    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-claims", src)
    index = src / "index.md"
    text = index.read_text(encoding="utf-8").replace("{claim}`Critics contend <critics-late>` that the order came late.", "")
    index.write_text(text + "\n% claims: ignore[hedge] the ministry's own round figure, shown as the page's example\n"
                     "The ministry reports {claim}`1,500 <evacuated>` people evacuated.\n", encoding="utf-8")
    claims = src / "claims" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "    summary: Critics contend that the order came late.\n",
        "    summary: Critics contend that the order came late.\n"
        "    waive: [{rule: unused, reason: kept for the next edition of the page}]\n"), encoding="utf-8")
    views = src / "views.md"
    views.write_text(views.read_text(encoding="utf-8") + "\n## Waivers\n\n```{claims-waivers}\n```\n", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings(app) == ""
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in soup(app, "views.html").select(".claims-waivers-table tbody tr")]
    assert [(r[1], r[2]) for r in rows] == [
        ("claims.unused", "kept for the next edition of the page"),
        ("claims.hedge", "the ministry's own round figure, shown as the page's example"),
    ]
    assert rows[1][0].startswith("index.md:") and "hedge differs" in rows[1][4]


def test_quotation_conventions_and_terms_build_clean(make_app, tmp_path: Path) -> None:
    """An invented article's follow-on, split quotation and terms, restated the way it writes them."""
    from rules.quoting import build

    root = build(tmp_path / "quoting")
    docs = root / "docs"
    (docs / "conf.py").write_text('extensions = ["myst_parser", "claimdocs"]\nmyst_enable_extensions = ["colon_fence"]\n'
                                  'html_theme = "basic"\nclaimdocs_root = ".."\n', encoding="utf-8")
    (docs / "index.md").write_text(
        "# Quotations\n\n"
        "{claim}`“We cannot wait any longer,” <levi-wait>` said {person}`Dana Levi <levi>`. "
        "{claim}`“The bridge is not safe.” <levi-unsafe>`\n\n"
        "{claim}`“Part of the budget is spent,” <levi-budget>` Levi said, {claim}`“and the rest is promised.” <levi-budget>`\n\n"
        "The council’s report, {claim}`“Crossing Riverton” <report-title>`, calls the closure a saving. "
        "Its {claim}`“savings” <savings>` would pay for a ferry.\n\n"
        "{person}`Omar Ortiz <ortiz>` answered, {claim}`“The ferry is a waste of money.” <ortiz-waste>`\n\n"
        "{claim}`“Nobody asked the town.” <ortiz-nobody>`\n\n"
        "Ortiz said the plan was {claim}`“a rush job” <ortiz-rush>`.\n\n"
        "```{claims-quotations}\n```\n\n```{claims-index}\n```\n", encoding="utf-8")
    app = make_app("html", srcdir=docs)
    app.build()
    assert warnings(app) == ""
    page = soup(app, "index.html")
    terms = page.select(".claims-quotations blockquote.claim-term")
    assert [t.select_one(".claim-badge").get_text() for t in terms] == ["a title", "scare quotes"]
    assert terms[1].select_one(".attribution").get_text().endswith("the article's own words: what the report says the closure saves")
    assert [h["id"] for h in page.select(".claims-index h2.rubric")] == ["kind-quote", "kind-term", "entities"]
    entry = page.select_one("#claim-savings .claim-entry-who").get_text()
    assert entry == "Attribution: the article's own words in quotation marks (scare quotes), no speaker"
