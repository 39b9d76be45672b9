"""The machine-readable form of the claims: ``claimdocs claims --json`` and ``claims.json``.

Format (stable; documented on the "how this site is checked" page)::

    {"format": "claimdocs/1", "source": {"file", "sha256", "title"},
     "entities": [{"id", "kind", "name", "aliases"}],
     "claims": [{"id", "kind", "value", "hedge", "text", "speaker", "actors", ...,
                 "evidence": {"exact", "prefix", "suffix", "start", "end"},
                 "uses": [{"page", "line", "anchor"}]}]}

Claims are sorted by id and keys by name, so the export is deterministic.
"""

from __future__ import annotations

import csv
import io
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
            c.id, c.text, "" if c.value is None else f"{c.value:g}", c.hedge.value, c.counts,
            reg.label(c.according_to) if c.according_to else "", c.as_of or "", c.caveat or "", c.evidence.exact,
        ])
    return buf.getvalue()
