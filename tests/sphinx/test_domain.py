"""Claims and entities as objects of the claims domain: objects.inv, intersphinx, genindex, ``{claim-ref}``.

The tiny project (tests/roots/test-claims) is built for real; ``refs.md`` links to
its claims with ``{claim-ref}`` and the domain's roles. A second tiny project links
to the first one's claims through intersphinx, from the first build's objects.inv
on disk.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import copy_test_claims

HEADLINE = "approximately 1,500 \u2014 people evacuated from Riverton"
CLAIMS = {"evacuated", "evacuated-monday", "levi-quickly", "levi-overdue", "levi-mayor", "critics-late",
          "council-opposed"}
ENTITIES = {"levi": "person", "ministry": "organisation", "council": "organisation", "critics": "group",
            "riverton": "place"}


def warnings(app: SphinxTestApp) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def inventory(outdir: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """objects.inv read by hand (its format, version 2), so the test does not lean on Sphinx's reader:
    (domain:type, name) -> (uri, display name)."""
    raw = (outdir / "objects.inv").read_bytes()
    header = raw.split(b"\n", 4)
    assert header[0] == b"# Sphinx inventory version 2"
    out = {}
    for line in zlib.decompress(header[4]).decode("utf-8").splitlines():
        m = re.fullmatch(r"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+(\S*)\s+(.*)", line)
        assert m, line
        name, role, _prio, uri, dispname = m.groups()
        out[(role, name)] = (uri.replace("$", name) if uri.endswith("$") else uri, name if dispname == "-" else dispname)
    return out




def append(path: Path, text: str) -> int:
    """Append ``text`` to a page; the line number of its first line."""
    old = path.read_text(encoding="utf-8")
    path.write_text(old + "\n" + text, encoding="utf-8")
    return old.count("\n") + 2


@pytest.fixture
def built(make_app, rootdir: Path, tmp_path: Path) -> SphinxTestApp:
    app = make_app("html", srcdir=copy_test_claims(rootdir, tmp_path))
    app.build()
    assert warnings(app) == ""
    return app


# ---------------------------------------------------------------- objects.inv


def test_every_claim_and_entity_is_in_objects_inv(built: SphinxTestApp) -> None:
    inv = inventory(Path(built.outdir))
    claims = {name: value for (role, name), value in inv.items() if role == "claims:claim"}
    assert set(claims) == CLAIMS
    assert claims["evacuated"] == ("claims.html#claim-evacuated", HEADLINE)
    assert claims["levi-quickly"] == ("claims.html#claim-levi-quickly", "\u201cWe acted as quickly as we could,\u201d")
    entities = {name: role for (role, name) in inv if role.startswith("claims:") and role != "claims:claim"}
    assert entities == {ident: f"claims:{kind}" for ident, kind in ENTITIES.items()}
    assert inv[("claims:person", "levi")] == ("claims.html#entity-levi", "Dana Levi")


def test_genindex_lists_claims_and_entities(built: SphinxTestApp) -> None:
    links = {a.get_text(" ", strip=True): a["href"] for a in soup(built, "genindex.html").select("table.indextable a")}
    assert links["evacuated (quantity claim)"] == "claims.html#claim-evacuated"
    assert links["levi-quickly (quote claim)"] == "claims.html#claim-levi-quickly"
    assert links["Dana Levi (person)"] == "claims.html#entity-levi"
    assert links["the ministry (organisation)"] == "claims.html#entity-ministry"
    assert sum(1 for text in links if text.endswith(" claim)")) == len(CLAIMS)


def test_search_lists_entities_and_leaves_claims_to_the_full_text(built: SphinxTestApp) -> None:
    """An entity is found by its name, before full-text hits, and its link works. A claim is not an object of
    the search: Sphinx would rebuild its anchor from its headline (``#claim-approximately 1,500 ...``)."""
    raw = (Path(built.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    types = {str(i): name for i, name in index["objtypes"].items()}
    found = {(types[str(t)], name, anchor) for prefix, objects in index["objects"].items()
             for _doc, t, _prio, anchor, name in objects if not prefix}
    assert ("claims:person", "Dana Levi", "entity-levi") in found
    assert ("claims:place", "Riverton", "entity-riverton") in found
    assert not [t for t, *_ in found if t == "claims:claim"]


# ---------------------------------------------------------------- {claim-ref} and the domain's roles


def test_claim_ref_links_to_the_entry_and_shows_its_headline_with_a_card(built: SphinxTestApp) -> None:
    page = soup(built, "refs.html")
    span = page.select_one('span.claim.claim-xref[data-claim-id="evacuated"]')
    assert span is not None and span["id"] == "ref-evacuated-1"
    assert "claim-quantity" in span["class"]
    link = span.select_one("a.claim-link")
    assert link.get_text() == HEADLINE
    assert link["href"] == "claims.html#claim-evacuated"
    assert "according to the ministry" in link["title"]
    card = span.select_one(".claim-card")
    assert link["aria-describedby"] == card["id"]
    assert card.select_one("mark").get_text() == "approximately 1,500 people were evacuated"
    quote = page.select_one('span.claim-xref[data-claim-id="levi-quickly"] > a.claim-link')
    assert quote.get_text() == "\u201cWe acted as quickly as we could,\u201d"


def test_entity_roles_link_to_the_entry_and_show_the_name(built: SphinxTestApp) -> None:
    page = soup(built, "refs.html")
    levi = page.select_one('span.claim-person.claim-xref[data-entity-id="levi"] > a.claim-link')
    assert levi.get_text() == "Dana Levi" and levi["href"] == "claims.html#entity-levi"
    ministry = page.select_one('span.claim-xref[data-entity-id="ministry"] > a.claim-link')
    assert ministry.get_text() == "the ministry" and ministry["href"] == "claims.html#entity-ministry"


def test_a_reference_is_not_a_use(built: SphinxTestApp) -> None:
    uses = [a["href"] for a in soup(built, "claims.html").select("#claim-evacuated .claim-entry-uses a")]
    assert uses and not any(href.startswith("refs.html") for href in uses)


def test_any_role_finds_a_claim(make_app, rootdir: Path, tmp_path: Path) -> None:
    src = copy_test_claims(rootdir, tmp_path)
    append(src / "refs.md", "Also {any}`council-opposed` and {any}`riverton`.\n")
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings(app) == ""
    page = soup(app, "refs.html")
    stance = page.select_one('span.claim-xref[data-claim-id="council-opposed"] > a.claim-link')
    assert stance.get_text() == "The council opposed the plan because of its cost."
    assert page.select_one('span.claim-xref[data-entity-id="riverton"] > a.claim-link')["href"] == (
        "claims.html#entity-riverton")


def test_a_reference_on_the_index_page_links_within_it(make_app, rootdir: Path, tmp_path: Path) -> None:
    src = copy_test_claims(rootdir, tmp_path)
    append(src / "claims.md", "See {claim-ref}`levi-mayor`.\n")
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings(app) == ""
    link = soup(app, "claims.html").select_one('span.claim-xref[data-claim-id="levi-mayor"] > a.claim-link')
    assert link["href"] == "#claim-levi-mayor"


def test_an_unknown_id_is_one_located_warning_from_the_page_rules(make_app, rootdir: Path, tmp_path: Path) -> None:
    src = copy_test_claims(rootdir, tmp_path)
    line = append(src / "refs.md", "See {claim-ref}`evacuatd`.\n")
    app = make_app("html", srcdir=src)
    app.build()
    lines = warnings(app).strip().splitlines()
    assert len(lines) == 1, lines  # not a second, generic one from Sphinx
    assert f"refs.md:{line}: WARNING:" in lines[0]
    assert "did you mean evacuated?" in lines[0] and lines[0].endswith("[claims.unknown-id]")
    assert soup(app, "refs.html").find(string=re.compile("evacuatd")) is not None  # the id stays, unlinked


def test_without_the_checks_an_unknown_id_is_still_a_located_warning(make_app, rootdir: Path, tmp_path: Path) -> None:
    src = copy_test_claims(rootdir, tmp_path)
    line = append(src / "refs.md", "See {claims:person}`leviathan`.\n")
    app = make_app("html", srcdir=src, confoverrides={"claimdocs_check": False})
    app.build()
    lines = warnings(app).strip().splitlines()
    assert len(lines) == 1, lines
    assert f"refs.md:{line}: WARNING: unknown entity id 'leviathan'" in lines[0]
    assert lines[0].endswith("[claims.unknown-id]")


def test_a_reference_never_shows_text_of_its_own(make_app, rootdir: Path, tmp_path: Path) -> None:
    src = copy_test_claims(rootdir, tmp_path)
    line = append(src / "refs.md", "See {claim-ref}`1,500 people <evacuated>`.\n")
    app = make_app("html", srcdir=src)
    app.build()
    text = warnings(app)
    assert f"refs.md:{line}: WARNING:" in text and text.rstrip().endswith("[claims.syntax]")
    links = [a.get_text() for a in soup(app, "refs.html").select('[data-claim-id="evacuated"] > a.claim-link')]
    assert links == [HEADLINE, HEADLINE]


@pytest.mark.sphinx("text", testroot="claims")
def test_other_builders_write_the_headline(app: SphinxTestApp) -> None:
    app.build()
    assert warnings(app) == ""
    refs = " ".join((Path(app.outdir) / "refs.txt").read_text(encoding="utf-8").split())
    assert HEADLINE in refs and "Dana Levi" in refs
    index = " ".join((Path(app.outdir) / "claims.txt").read_text(encoding="utf-8").split())
    assert "approximately 1,500 people were evacuated" in index
    assert "anyone" not in index  # the filter is HTML's alone


# ---------------------------------------------------------------- the domain's state


def test_editing_a_claim_rereads_the_pages_that_reference_it(make_app, rootdir: Path, tmp_path: Path) -> None:
    """A reference shows the claim's headline: when the claim changes, its page is read and written again."""
    src = copy_test_claims(rootdir, tmp_path)
    app = make_app("html", srcdir=src)
    app.build()
    app.cleanup()
    claims = src / "claims" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "counts: people evacuated from Riverton", "counts: residents evacuated from Riverton"), encoding="utf-8")
    again = make_app("html", srcdir=src)
    again.build()
    assert warnings(again) == ""
    link = soup(again, "refs.html").select_one('span.claim-xref[data-claim-id="evacuated"] > a.claim-link')
    assert link.get_text() == "approximately 1,500 \u2014 residents evacuated from Riverton"
    assert inventory(Path(again.outdir))[("claims:claim", "evacuated")][1] == link.get_text()


def test_removing_the_index_removes_the_objects(make_app, rootdir: Path, tmp_path: Path) -> None:
    src = copy_test_claims(rootdir, tmp_path)
    app = make_app("html", srcdir=src)
    app.build()
    assert ("claims:claim", "evacuated") in inventory(Path(app.outdir))
    app.cleanup()
    (src / "claims.md").write_text("# Claims\n\nNo index here.\n", encoding="utf-8")
    (src / "refs.md").write_text("# References\n\nNone.\n", encoding="utf-8")
    again = make_app("html", srcdir=src)
    again.build()
    assert not [key for key in inventory(Path(again.outdir)) if key[0].startswith("claims:")]


def test_a_parallel_read_keeps_every_object(make_app, rootdir: Path, tmp_path: Path) -> None:
    """Pages read in worker processes hand their objects back (merge_domaindata): objects.inv is the same."""
    serial = make_app("html", srcdir=copy_test_claims(rootdir, tmp_path / "one"))
    serial.build()
    serial.cleanup()  # a second app in one test: let it register Sphinx's nodes afresh
    src = copy_test_claims(rootdir, tmp_path / "two")
    parallel = make_app("html", srcdir=src, parallel=2)
    parallel.build()
    assert warnings(parallel) == ""
    assert inventory(Path(parallel.outdir)) == inventory(Path(serial.outdir))
    assert soup(parallel, "genindex.html").select_one('a[href="claims.html#claim-evacuated"]') is not None


# ---------------------------------------------------------------- intersphinx, from another project


def test_another_project_links_to_claims_through_intersphinx(make_app, rootdir: Path, tmp_path: Path) -> None:
    first = make_app("html", srcdir=copy_test_claims(rootdir, tmp_path))
    first.build()
    first.cleanup()
    site = Path(first.outdir)
    other = tmp_path / "other"
    other.mkdir()
    (other / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "claimdocs.sphinx.domain"]\n'
        f"intersphinx_mapping = {{'riverton': ({str(site)!r}, {str(site / 'objects.inv')!r})}}\n"
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (other / "index.rst").write_text(
        "Another project\n===============\n\n"
        "The figure: :claims:claim:`evacuated`. The mayor: :external+riverton:claims:person:`levi`.\n"
        "Any role: :any:`levi-quickly`. Unknown: :claims:claim:`nowhere`.\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=other)
    app.build()
    links = {a.get_text(): a["href"] for a in soup(app, "index.html").select("a.reference.external")}
    assert links[HEADLINE] == f"{site}/claims.html#claim-evacuated"
    assert links["Dana Levi"] == f"{site}/claims.html#entity-levi"
    assert links["\u201cWe acted as quickly as we could,\u201d"] == f"{site}/claims.html#claim-levi-quickly"
    text = warnings(app)
    assert text.count("WARNING") == 1 and "nowhere" in text  # the one id the first project does not have
