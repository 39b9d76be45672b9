"""The claims domain: claims and entities as Sphinx objects, and which page uses which claim.

State that spans documents lives in a Domain (``clear_doc``, ``merge_domaindata``),
as in ``sphinx.ext.todo``, so incremental and parallel builds stay correct.
:func:`claims_domain` is the one typed way to reach it.

The objects are the entries of the claims index: a claim is ``claims:claim``, an
entity is ``claims:person`` (or ``organisation``, ``group``, ``place``: its kind).
The ``{claims-index}`` directive records them as its page is read, so they reach
``objects.inv`` (another project links to them through intersphinx), the search
index and, as index entries, ``genindex``. ``{claim-ref}`id``` (or
``{claims:claim}`id```, ``{claims:person}`id```, ``{claims:entity}`id```) links
to an entry and shows its headline, never text of its own.

Another project that links here through intersphinx loads this module alone,
``extensions = ["sphinx.ext.intersphinx", "claimdocs.sphinx.domain"]``, for the
domain's roles; nothing of the claims is loaded there.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any, NamedTuple

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from claimdocs.findings import Waived
from claimdocs.model import EntityKind

logger = logging.getLogger(__name__)

#: Bumped when what the domain stores changes; Sphinx then re-reads every page.
ENV_VERSION = 3
_KEYS = ("uses", "digests", "persons", "objects", "waived")
#: The object type of every entity kind: an entity's kind names its type and role.
ENTITY_TYPES = tuple(kind.value for kind in EntityKind)


class Target(NamedTuple):
    """One object: an entry of a claims index."""

    objtype: str  # "claim", or an entity's kind
    name: str  # the claim or entity id
    dispname: str  # what a link shows: the claim's headline, the entity's name
    anchor: str  # claim-<id>, entity-<id>
    kind: str  # the claim's kind ("quantity" ...), or the entity's


class ClaimXRefRole(XRefRole):
    """A link to an entry of the claims index that shows the entry's headline.

    ``{claim-ref}`id``` is ``{claims:claim}`id```. The text a reader sees is
    always the claim's headline (or the entity's name): an explicit title
    (``{claim-ref}`text <id>```) is not shown, and the page rules report it.
    """

    innernodeclass = nodes.inline

    def __init__(self, reftype: str | None = None) -> None:
        super().__init__(warn_dangling=True)
        self.fixed = reftype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = ClaimsDomain.name, self.fixed or self.name.partition(":")[2]
        self.classes = ["xref", self.refdomain, f"{self.refdomain}-{self.reftype}"]
        return self.create_xref_node()

    def process_link(self, env: BuildEnvironment, refnode: Element, has_explicit_title: bool, title: str,
                     target: str) -> tuple[str, str]:
        target = target.strip()
        refnode["claimdocs_checked"] = _note_reference(env, target)
        return title, target


def _note_reference(env: BuildEnvironment, target: str) -> bool:
    """Re-read the page when the claim it links to changes (the link shows its headline).

    True when the page rules check this page, and so report an unknown id themselves.
    """
    from claimdocs.sphinx.state import state_of

    try:
        state = state_of(env)
    except RuntimeError:  # the domain alone (another project linking here): nothing to note
        return False
    docname = env.docname
    if target in state.digests:
        claims_domain(env).note_all(docname, {target: state.digests[target]})
    return state.config.check and str(env.doc2path(docname)).endswith(".md")


class ClaimsDomain(Domain):
    """Claims and entities as objects; which page uses which claim and entity, and what it saw of each."""

    name = "claims"
    label = "Claims"
    object_types = {  # noqa: RUF012 - Sphinx API
        "claim": ObjType("claim", "claim"),
        **{kind: ObjType(kind, kind, "entity") for kind in ENTITY_TYPES},
    }
    roles = {  # noqa: RUF012 - Sphinx API
        "claim": ClaimXRefRole(),
        "entity": ClaimXRefRole(),
        **{kind: ClaimXRefRole() for kind in ENTITY_TYPES},
    }
    data_version = ENV_VERSION
    initial_data = {  # noqa: RUF012 - Sphinx API
        "uses": {},  # docname -> [(claim, anchor, line)]
        "digests": {},  # docname -> {claim: digest}
        "persons": {},  # docname -> [(entity, anchor, line)]
        "objects": {},  # docname -> [Target], the entries of the claims index on that page
        "waived": {},  # docname -> [Waived], what the page's waivers (and its includes') waive
    }

    # ------------------------------------------------------------ cross-document state

    def clear_doc(self, docname: str) -> None:
        for key in _KEYS:
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in _KEYS:
            for docname in docnames:
                if docname in otherdata.get(key, {}):
                    self.data[key][docname] = otherdata[key][docname]

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

    def note_objects(self, docname: str, targets: Iterable[Target]) -> None:
        """The entries a claims index on ``docname`` shows (recorded as the page is read)."""
        self.data["objects"].setdefault(docname, []).extend(targets)

    def note_waived(self, docname: str, waived: Iterable[Waived]) -> None:
        """What a page's waivers waive, as it is read (listed by ``{claims-waivers}``)."""
        found = list(waived)
        if found:
            self.data["waived"][docname] = found
        else:
            self.data["waived"].pop(docname, None)

    def waived(self) -> list[Waived]:
        """Every page's waived findings, in a deterministic order."""
        return sorted({w for docname in sorted(self.data["waived"]) for w in self.data["waived"][docname]})

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

    # ------------------------------------------------------------ objects

    def targets(self) -> dict[tuple[str, str], tuple[str, Target]]:
        """(objtype, name) -> (docname, target); where two pages index one object, the first page by name."""
        out: dict[tuple[str, str], tuple[str, Target]] = {}
        for docname in sorted(self.data["objects"]):
            for raw in self.data["objects"][docname]:
                target = Target(*raw)
                out.setdefault((target.objtype, target.name), (docname, target))
        return out

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every object, shown (in another project too) by its headline or name.

        Claims stay out of the search's object list (priority -1; the index page's text is searched
        as any page's): Sphinx's search rebuilds an anchor ``claim-<id>`` from the object type and the
        *displayed* name, which for a claim is its headline, so its links would be broken.
        """
        for docname, target in self.targets().values():
            yield target.name, target.dispname, target.objtype, docname, target.anchor, -1 if target.objtype == "claim" else 1

    def _find(self, typ: str, name: str) -> tuple[str, Target] | None:
        targets = self.targets()
        for objtype in self.objtypes_for_role(typ) or ():
            if (objtype, name) in targets:
                return targets[(objtype, name)]
        return None

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
                     node: pending_xref, contnode: Element) -> nodes.reference | None:
        found = self._find(typ, target)
        return None if found is None else _link(builder, fromdocname, *found)

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
                         node: pending_xref, contnode: Element) -> list[tuple[str, nodes.reference]]:
        out = []
        for (objtype, name), (docname, found) in self.targets().items():
            if name == target:
                out.append((f"{self.name}:{self.role_for_objtype(objtype)}", _link(builder, fromdocname, docname, found)))
        return sorted(out, key=lambda pair: pair[0])


def _link(builder: Builder, fromdocname: str, docname: str, target: Target) -> nodes.reference:
    """A reference to the entry showing its headline; the HTML writer turns it into a claim with its card
    (:func:`claimdocs.sphinx.views.fill_refs`)."""
    ref = make_refnode(builder, fromdocname, docname, target.anchor, nodes.Text(target.dispname))
    ref["classes"] = ["claim-xref"]
    ref["claimdocs_object"] = target.objtype
    ref["claimdocs_name"] = target.name
    ref["claimdocs_kind"] = target.kind
    return ref


def warn_missing_reference(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """An unknown id in a claims reference is a ``claims.unknown-id`` warning at the page's line.

    On a page the page rules check, they have reported it already, with its column.
    """
    if domain is None or domain.name != ClaimsDomain.name:
        return None
    if not node.get("claimdocs_checked"):
        kind = "claim" if node["reftype"] == "claim" else "entity"
        logger.warning("unknown %s id %r in a claims reference", kind, node["reftarget"],
                       type="claims", subtype="unknown-id", location=node)
    return True


def claims_domain(env: BuildEnvironment) -> ClaimsDomain:
    """The claims domain of a build, typed."""
    domain = env.get_domain(ClaimsDomain.name)
    if not isinstance(domain, ClaimsDomain):
        raise RuntimeError("claimdocs: the claims domain is not registered")
    return domain


def setup(app: Sphinx) -> dict[str, Any]:
    """The domain alone: for a project that links to claims through intersphinx."""
    from claimdocs._version import __version__

    app.add_domain(ClaimsDomain)
    return {"version": __version__, "env_version": ENV_VERSION, "parallel_read_safe": True,
            "parallel_write_safe": True}
