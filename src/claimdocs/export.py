"""The machine-readable form of the claims: ``claimdocs claims --json`` and ``claims.json``.

Format (stable; documented on the "how this site is checked" page)::

    {"format": "claimdocs/1", "source": {"file", "sha256", "title"},
     "entities": [{"id", "kind", "name", "aliases"}],
     "claims": [{"id", "kind", "value", "hedge", "text", "speaker", "actors", ...,
                 "evidence": {"exact", "prefix", "suffix", "start", "end"},
                 "uses": [{"page", "line", "anchor"}]}]}

Claims are sorted by id and keys by name, so the export is deterministic, and
strict JSON (:func:`claims_json`: no NaN or Infinity, which the model refuses anyway).

``figures.csv`` (:func:`figures_csv`) is safe to open in a spreadsheet: a text cell
that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
gets a leading ``'`` (OWASP's rule against CSV injection), and every value is written
exactly, as a plain decimal (``2000000``, ``1234567``, ``0.5``; never ``2e+06``).
"""

from __future__ import annotations

import csv
import io
import json
import math
from decimal import Decimal
from typing import Any

from claimdocs.model import AnyClaim, Quantity
from claimdocs.project import Project

FORMAT = "claimdocs/1"


def claim_record(claim: AnyClaim) -> dict[str, Any]:
    data = claim.model_dump(mode="json", exclude_none=False)
    data.setdefault("value", None)
    data.setdefault("hedge", None)
    return data


def claims_document(project: Project, uses: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    meta = project.meta
    source = {
        "file": project.config.article,
        "sha256": project.article.sha256 if project.article else None,
        "title": meta.title if meta else None,
    }
    claims = []
    for ident in sorted(project.claims):
        record = claim_record(project.claims[ident])
        if uses is not None:
            record["uses"] = sorted(uses.get(ident, []), key=lambda u: (u["page"], u.get("line") or 0, u.get("anchor", "")))
        claims.append(record)
    entities = [
        {"id": e.id, "kind": e.kind.value, "name": e.name, "aliases": list(e.aliases)}
        for e in sorted(project.entities.values(), key=lambda e: e.id)
    ]
    return {"format": FORMAT, "source": source, "entities": entities, "claims": claims}


def claims_json(doc: dict[str, Any]) -> str:
    """The document as the site publishes it: strict JSON (``allow_nan=False``), keys sorted, UTF-8 text."""
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"


#: What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: str) -> str:
    """A text cell a spreadsheet shows as text: one that starts like a formula gets a leading ``'``."""
    return "'" + text if text.startswith(FORMULA_START) else text


def decimal_text(value: float) -> str:
    """A value written out exactly as a plain decimal: 2000000, 1234567, 0.5, 0.0000001 ("" if not finite).

    ``repr`` is the shortest text that reads back as the same float; Decimal writes it
    without an exponent.
    """
    if not math.isfinite(value):
        return ""
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def figure_rows(project: Project) -> list[Quantity]:
    """The quantity claims, in the order the article gives them."""
    claims = sorted(project.claims.values(), key=lambda c: (c.evidence.start, c.id))
    return [c for c in claims if isinstance(c, Quantity)]


def figures_csv(project: Project) -> str:
    """``figures.csv``: one row a figure, with its hedge, source and evidence."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "figure", "value", "hedge", "counts", "according_to", "as_of", "caveat", "evidence"])
    reg = project.registry
    for c in figure_rows(project):
        writer.writerow([
            csv_text(c.id), csv_text(c.text), "" if c.value is None else decimal_text(c.value), csv_text(c.hedge.value),
            csv_text(c.counts), csv_text(reg.label(c.according_to) if c.according_to else ""), csv_text(c.as_of or ""),
            csv_text(c.caveat or ""), csv_text(c.evidence.exact),
        ])
    return buf.getvalue()
