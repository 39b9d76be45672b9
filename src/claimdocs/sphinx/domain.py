"""The claims domain: cross-document state, which page uses which claim and what it saw of it.

State that spans documents lives in a Domain (``clear_doc``, ``merge_domaindata``),
as in ``sphinx.ext.todo``, so incremental and parallel builds stay correct.
:func:`claims_domain` is the one typed way to reach it.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

#: Bumped when what the domain stores changes; Sphinx then re-reads every page.
ENV_VERSION = 1
_KEYS = ("uses", "digests", "persons")


class ClaimsDomain(Domain):
    """Which page uses which claim and entity, and a digest of what it saw of each claim."""

    name = "claims"
    label = "Claims"
    data_version = ENV_VERSION
    initial_data = {  # noqa: RUF012 - Sphinx API
        "uses": {},  # docname -> [(claim, anchor, line)]
        "digests": {},  # docname -> {claim: digest}
        "persons": {},  # docname -> [(entity, anchor, line)]
    }

    def clear_doc(self, docname: str) -> None:
        for key in _KEYS:
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in _KEYS:
            for docname in docnames:
                if docname in otherdata.get(key, {}):
                    self.data[key][docname] = otherdata[key][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, Any]]:
        return []

    def note_use(self, docname: str, claim: str, line: int, digest: str) -> str:
        uses = self.data["uses"].setdefault(docname, [])
        anchor = f"use-{claim}-{sum(1 for u in uses if u[0] == claim) + 1}"
        uses.append((claim, anchor, line))
        self.data["digests"].setdefault(docname, {})[claim] = digest
        return anchor

    def note_all(self, docname: str, digests: dict[str, str]) -> None:
        self.data["digests"].setdefault(docname, {}).update(digests)

    def note_person(self, docname: str, entity: str, line: int) -> str:
        uses = self.data["persons"].setdefault(docname, [])
        anchor = f"person-{entity}-{sum(1 for u in uses if u[0] == entity) + 1}"
        uses.append((entity, anchor, line))
        return anchor

    def uses_of(self) -> dict[str, list[tuple[str, str, int]]]:
        """claim -> [(docname, anchor, line)], in a deterministic order."""
        out: dict[str, list[tuple[str, str, int]]] = {}
        for docname in sorted(self.data["uses"]):
            for claim, anchor, line in self.data["uses"][docname]:
                out.setdefault(claim, []).append((docname, anchor, line))
        return out

    def digests(self) -> dict[str, dict[str, str]]:
        """docname -> {claim id (or "*" for every claim): the digest it was read with}."""
        return self.data["digests"]  # type: ignore[no-any-return]

    def used_claims(self) -> set[str]:
        return {use[0] for uses in self.data["uses"].values() for use in uses}


def claims_domain(env: BuildEnvironment) -> ClaimsDomain:
    """The claims domain of a build, typed."""
    domain = env.get_domain(ClaimsDomain.name)
    if not isinstance(domain, ClaimsDomain):
        raise RuntimeError("claimdocs: the claims domain is not registered")
    return domain
