"""Specification of claims.source and claims.duplicate-id (:mod:`claimdocs.rules.inputs`).

The article must be byte for byte the file its metadata pins, and ids must be unique;
these are load-time findings that never hide the others. The other input rules
(config, yaml, schema, page) are specified with the loader and the command line
(tests/test_loader.py, tests/test_hostile.py, tests/test_cli.py) and, for pages that
cannot be read, in rules/test_engine.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit

from .helpers import findings_for

# ---------------------------------------------------------------- reading the inputs


def test_duplicate_ids(site: Path) -> None:
    path = site / "claims" / "context.yaml"
    edit(path, "id: gaza-deaths", "id: fled-gaza-city")
    found = [f for f in findings_for(site) if f.rule == "duplicate-id"]
    assert len(found) == 1
    assert "duplicate id 'fled-gaza-city': first defined at claims/" in found[0].message


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


def test_a_missing_article(site: Path) -> None:
    (site / "seeds" / "000_47ef2131506feb3b.txt").unlink()
    [f] = findings_for(site)
    assert f.rule == "source"
    assert f.message == "cannot read the article: it does not exist"
