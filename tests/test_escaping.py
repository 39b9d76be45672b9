"""Claim text is data: markup and script in claims render as text in every view, card and export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

INJECTED = ("<script>alert", "<img src=x", "<b>Bold", "<i>Lee", "<em>board", "</span><script>")


@pytest.mark.sphinx("html", testroot="hostile", confoverrides={"claimdocs_check": False})
def test_markup_in_claims_never_reaches_the_html_as_markup(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    pages = sorted(out.rglob("*.html"))
    assert pages
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        for needle in INJECTED:
            assert needle not in raw, f"{needle!r} unescaped in {page.name}"
    views = (out / "views.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    # the text is still there, escaped: in views, cards, titles, the source page and JSON-LD
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt; Collective" in views
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;/span&gt;&lt;script&gt;alert(self)&lt;/script&gt; move," in index
    assert 'title="lee-bold: Ada &lt;i&gt;Lee&lt;/i&gt;' in index
    assert "\\u003cscript\\u003ealert(4)\\u003c/script\\u003e" in views  # JSON-LD cannot close its script


@pytest.mark.sphinx("html", testroot="hostile", confoverrides={"claimdocs_check": False})
def test_exports_keep_the_text_as_data(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    data = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in data["claims"]}
    assert by_id["lee-bold"]["text"] == "<b>Bold</b> & </span><script>alert(self)</script> move,"
    rows = list(csv.DictReader((out / "figures.csv").open(encoding="utf-8")))
    assert rows[0]["counts"] == "<img src=x onerror=alert(document.domain)> vans"
