"""The real site: every claim rendered, the export faithful, builds reproducible and incremental."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from claimdocs.export import claims_document
from claimdocs.project import Project
from conftest import copy_project, set_field

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Build:
    site: Path
    out: Path
    warnings: str
    reread: list[str] = field(default_factory=list)

    @property
    def html(self) -> Path:
        return self.out / "html"

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.html / name).read_text(encoding="utf-8"), "html.parser")


def build(site: Path, out: Path, *, parallel: int = 1) -> Build:
    warning = StringIO()
    result = Build(site, out, "")
    with patch_docutils(site), docutils_namespace():  # as sphinx-build does: no state leaks between builds
        app = Sphinx(
            srcdir=site / "docs", confdir=site, outdir=out / "html", doctreedir=out / "doctrees",
            buildername="html", status=StringIO(), warning=warning, parallel=parallel,
        )
        app.connect("env-before-read-docs", lambda app, env, docnames: result.reread.extend(sorted(docnames)))
        app.build()
    result.warnings = ANSI.sub("", warning.getvalue())
    return result


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = copy_project(tmp_path_factory.mktemp("real") / "site")
    return build(site, site / "_build")


def test_the_site_builds_without_a_warning(real: Build) -> None:
    assert real.warnings == ""


def test_every_claim_is_rendered_on_some_page(real: Build, real_project: Project) -> None:
    rendered: set[str] = set()
    skip = {"claims.html", "source.html", "genindex.html", "search.html"}
    for path in real.html.rglob("*.html"):
        if path.name in skip and path.parent == real.html:
            continue
        rendered |= set(re.findall(r'data-claim-id="([a-z0-9-]+)"', path.read_text(encoding="utf-8")))
    assert set(real_project.claims) - rendered == set()


def test_every_claim_has_an_index_entry_and_a_source_anchor(real: Build, real_project: Project) -> None:
    index, source = real.page("claims.html"), real.page("source.html")
    for ident in real_project.claims:
        assert index.select_one(f"#claim-{ident}") is not None, ident
        assert source.select_one(f"#src-{ident}") is not None, ident


def test_claims_json_says_what_the_claims_file_says(real: Build, real_project: Project) -> None:
    exported = json.loads((real.html / "claims.json").read_text(encoding="utf-8"))
    expected = claims_document(real_project)
    assert exported["source"] == expected["source"]
    assert exported["entities"] == expected["entities"]
    without_uses = [{k: v for k, v in c.items() if k != "uses"} for c in exported["claims"]]
    assert without_uses == expected["claims"]
    for claim in exported["claims"]:
        assert claim["uses"], f"{claim['id']} has no use"
        for use in claim["uses"]:
            target, anchor = use["url"].split("#")
            assert real.page(target).select_one(f"#{anchor}") is not None, use


def test_a_parallel_build_writes_the_same_html_and_export(real: Build, tmp_path: Path) -> None:
    twin = build(real.site, tmp_path / "j2", parallel=2)
    assert twin.warnings == ""
    names = sorted(p.relative_to(real.html).as_posix() for p in real.html.rglob("*")
                   if p.is_file() and p.suffix in (".html", ".json", ".csv"))
    assert "claims.json" in names and "index.html" in names
    different = [n for n in names if (real.html / n).read_bytes() != (twin.html / n).read_bytes()]
    assert different == []


def pages_using(html: Path, ident: str) -> set[str]:
    exported = json.loads((html / "claims.json").read_text(encoding="utf-8"))
    [claim] = [c for c in exported["claims"] if c["id"] == ident]
    return {u["page"] for u in claim["uses"]}


VIEW_PAGES = {"claims", "source", "figures", "positions", "quotations", "checking"}  # checking: {claims-waivers}


def test_editing_one_claim_rereads_exactly_the_pages_that_use_it(tmp_path: Path) -> None:
    site = copy_project(tmp_path / "site")
    first = build(site, site / "_build")
    assert first.warnings == ""
    users = pages_using(first.html, "gaza-deaths")
    set_field(site / "claims" / "context.yaml", "gaza-deaths", "caveat",
              "the count does not distinguish between combatants and civilians")
    second = build(site, site / "_build")
    assert second.warnings == ""
    views = {d for d in first.reread if d.rsplit("/", 1)[-1] in VIEW_PAGES and _has_view(site, d)}
    assert set(second.reread) == users | views
    assert "the count does not distinguish" in (second.html / "claims.html").read_text(encoding="utf-8")


def test_an_untouched_rebuild_reads_nothing(real: Build) -> None:
    again = build(real.site, real.site / "_build")
    assert again.reread == []


def _has_view(site: Path, docname: str) -> bool:
    return "{claims-" in (site / "docs" / f"{docname}.md").read_text(encoding="utf-8")


def test_every_rules_help_uri_leads_to_its_section_of_the_built_page(real: Build) -> None:
    """SARIF's helpUri of each rule names the rule's entry on the page the project's rules_page says."""
    from claimdocs.config import Config
    from claimdocs.reporting import RuleDocs, sarif_rules

    config = Config.from_pyproject(real.site).model_copy(update={"html_baseurl": "https://example.org/site/"})
    assert (real.site / RuleDocs.of(config).source).is_file()
    page = real.page(f"{config.rules_page}.html")
    for rule in sarif_rules(RuleDocs.of(config)):
        path, _, anchor = str(rule["helpUri"]).removeprefix("https://example.org/site/").partition("#")
        assert path == f"{config.rules_page}.html"
        entry = page.find(id=anchor)
        assert entry is not None and entry.get_text(" ", strip=True).startswith(str(rule["id"])), rule["id"]
