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

from typing import Any

from claimdocs.project import Project

FORMAT = "claimdocs/1"


def claim_record(claim: Any) -> dict[str, Any]:
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
