"""The Sphinx extension: roles, directives, a Domain for cross-document state.

``{claim}`approximately 65,000 <gaza-deaths>``` marks a figure, a date, a
quotation, an office, a stance or an assertion with the claim it restates;
``{person}`Eyal Zamir <zamir>``` names an entity; ``{nofact}`3``` marks a number
that states no fact. The checks are the same engine the command line runs
(:mod:`claimdocs.page_rules` on each page's source, :mod:`claimdocs.source_rules`
on the claims), reported as warnings typed ``claims.<rule>``.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from claimdocs import __version__
from claimdocs.config import Config
from claimdocs.model import Claim, Quote
from claimdocs.nodes import add_nodes, claim_ref, claim_view, person_ref
from claimdocs.pages import split_role
from claimdocs.project import Project, load_project
from claimdocs.reporting import CannotRun, Finding
from claimdocs.wording import attribution, evidence_sentence, own_words, speaker_office

logger = logging.getLogger(__name__)

ENV_VERSION = 1
VIEWS = ("index", "figures", "positions", "quotations", "source")


# ---------------------------------------------------------------- state


@dataclass
class State:
    """What one build knows: the loaded project and a digest of every claim."""

    project: Project
    digests: dict[str, str] = field(default_factory=dict)
    all_digest: str = ""
    reading: bool = False
    tables: Any = None  # the page rules' lookup tables, built at builder-inited when checking


#: One State per build environment; forked parallel workers inherit it with the env.
_STATES: weakref.WeakKeyDictionary[BuildEnvironment, State] = weakref.WeakKeyDictionary()


def _state(env: BuildEnvironment) -> State:
    state = _STATES.get(env)
    if state is None:
        raise RuntimeError("claimdocs: the project is not loaded (builder-inited did not run)")
    return state


def _config(app: Sphinx) -> Config:
    root = Path(app.config.claimdocs_root or app.confdir)
    if not root.is_absolute():
        root = Path(app.confdir) / root
    overrides = {
        key: getattr(app.config, f"claimdocs_{key}")
        for key in ("article", "metadata", "claims", "docs")
        if getattr(app.config, f"claimdocs_{key}")
    }
    try:
        base = Config.from_pyproject(root)
    except CannotRun:
        if not overrides:
            raise
        base = Config(root=root)
    return Config(root=root, **{**{k: getattr(base, k) for k in ("article", "metadata", "claims", "docs")}, **overrides},
                  exclude=base.exclude)


def _digest(state_project: Project, claim: Claim) -> str:
    """Changes when anything a page shows about the claim changes (claim, entities, evidence)."""
    payload = {
        "claim": claim.model_dump(mode="json"),
        "sentence": evidence_sentence(state_project.article, claim),
        "who": attribution(claim, state_project),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def _warn(finding: Finding, location: Any = None) -> None:
    logger.warning(
        "%s", finding.message, type="claims", subtype=finding.rule,
        location=location or f"{finding.path}:{finding.line}",
    )


def builder_inited(app: Sphinx) -> None:
    try:
        config = _config(app)
    except CannotRun as exc:
        logger.warning("%s", exc, type="claims", subtype="config")
        config = Config(root=Path(app.confdir))
    project = load_project(config)
    state = State(project=project)
    for ident, claim in project.claims.items():
        state.digests[ident] = _digest(project, claim)
    state.all_digest = hashlib.sha256("".join(sorted(state.digests.values())).encode()).hexdigest()[:16]
    _STATES[app.env] = state
    if app.config.claimdocs_check:
        from claimdocs.page_rules import prepare
        from claimdocs.source_rules import check_source

        state.tables = prepare(project)  # before any fork: parallel readers inherit them

        for finding in check_source(project):
            path = Path(config.root, finding.path)
            _warn(finding, f"{path}:{finding.line}")


def source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if not app.config.claimdocs_check or not str(app.env.doc2path(docname)).endswith(".md"):
        return
    from claimdocs.page_rules import check_page

    state = _state(app.env)
    path = app.env.doc2path(docname)
    result = check_page(state.project, state.project.config.display(Path(path)), source[0], tables=state.tables)
    for finding in result.findings:
        if finding.rule != "unused":
            _warn(finding, (docname, finding.line))


def env_get_outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
                     removed: Set[str]) -> list[str]:
    """Pages whose claims changed since they were read: exactly those, no more."""
    state = _state(app.env)
    domain: ClaimsDomain = env.get_domain("claims")  # type: ignore[assignment]
    stale = []
    for docname, seen in domain.data["digests"].items():
        if docname in removed or docname in changed:
            continue
        current = {**state.digests, "*": state.all_digest}
        if any(current.get(ident) != digest for ident, digest in seen.items()):
            stale.append(docname)
    return sorted(stale)


def env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _state(env).reading = bool(docnames)


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """When any page was read, the views (backlinks, uses) must be written again."""
    if not _state(env).reading:
        return []
    domain: ClaimsDomain = env.get_domain("claims")  # type: ignore[assignment]
    return sorted(d for d, seen in domain.data["digests"].items() if "*" in seen)


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    if not app.config.claimdocs_check:
        return
    from claimdocs.page_rules import check_unused

    state = _state(app.env)
    domain: ClaimsDomain = env.get_domain("claims")  # type: ignore[assignment]
    used = {use[0] for uses in domain.data["uses"].values() for use in uses}
    for finding in check_unused(state.project, used):
        _warn(finding, f"{Path(state.project.config.root, finding.path)}:{finding.line}")


# ---------------------------------------------------------------- domain


class ClaimsDomain(Domain):
    """Cross-document state: which page uses which claim, and what it saw of it."""

    name = "claims"
    label = "Claims"
    data_version = ENV_VERSION
    initial_data: dict[str, dict[str, Any]] = {  # noqa: RUF012 - Sphinx API
        "uses": {},  # docname -> [(claim, anchor, line)]
        "digests": {},  # docname -> {claim: digest}
        "persons": {},  # docname -> [(entity, anchor, line)]
    }

    def clear_doc(self, docname: str) -> None:
        for key in ("uses", "digests", "persons"):
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("uses", "digests", "persons"):
            for docname in docnames:
                if docname in otherdata.get(key, {}):
                    self.data[key][docname] = otherdata[key][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list:
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


# ---------------------------------------------------------------- roles and directives


class ClaimRole(SphinxRole):
    """``{claim}`written text <id>``` or ``{claim}`id```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        state = _state(self.env)
        written, target = split_role(self.text)
        ident = target if target is not None else written
        claim = state.project.claims.get(ident)
        if claim is None:
            # the page rules report it (claims.unknown-id / claims.syntax) with its column
            return [nodes.inline(self.rawtext, written, classes=["claim", "claim-unknown"])], []
        shown = written if target is not None else own_words(claim)
        domain: ClaimsDomain = self.env.get_domain("claims")  # type: ignore[assignment]
        anchor = domain.note_use(self.env.docname, ident, self.lineno, state.digests.get(ident, ""))
        node = claim_ref(self.rawtext, "", nodes.Text(shown), claim=ident, kind=claim.kind, ids=[anchor])
        return [node], []


class PersonRole(SphinxRole):
    """``{person}`Eyal Zamir <zamir>``` or ``{person}`zamir```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        state = _state(self.env)
        written, target = split_role(self.text)
        ident = target if target is not None else written
        entity = state.project.entities.get(ident)
        if entity is None:
            return [nodes.inline(self.rawtext, written, classes=["claim", "claim-unknown"])], []
        shown = written if target is not None else entity.name
        domain: ClaimsDomain = self.env.get_domain("claims")  # type: ignore[assignment]
        anchor = domain.note_person(self.env.docname, ident, self.lineno)
        # the card shows the person's offices: re-read this page when one of them changes
        domain.note_all(self.env.docname, {r.id: state.digests.get(r.id, "") for r in state.project.roles_of(ident)})
        return [person_ref(self.rawtext, "", nodes.Text(shown), entity=ident, ids=[anchor])], []


def nofact_role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
                options: dict | None = None, content: list | None = None) -> tuple[list, list]:
    """A number that states no fact (a section number): shown as is, counted by the checker."""
    return [nodes.inline(rawtext, text, classes=["nofact"])], []


class ClaimQuoteDirective(SphinxDirective):
    """A quote claim set as a block quotation, with its speaker and office."""

    required_arguments = 1
    has_content = False
    option_spec = {"class": directives.class_option}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        state = _state(self.env)
        ident = self.arguments[0].strip()
        claim = state.project.claims.get(ident)
        if not isinstance(claim, Quote):
            return []  # the page rules report it (claims.unknown-id), with its line
        domain: ClaimsDomain = self.env.get_domain("claims")  # type: ignore[assignment]
        anchor = domain.note_use(self.env.docname, ident, self.lineno, state.digests.get(ident, ""))
        quote = nodes.block_quote(classes=["claim-quote", *self.options.get("class", [])])
        para = nodes.paragraph()
        para += claim_ref("", "", nodes.Text(own_words(claim)), claim=ident, kind="quote", ids=[anchor])
        quote += para
        reg = state.project.registry
        role = speaker_office(claim, state.project)
        who = nodes.attribution()
        who += person_ref("", "", nodes.Text(reg.label(claim.speaker)), entity=claim.speaker,
                          ids=[domain.note_person(self.env.docname, claim.speaker, self.lineno)])
        if role:
            role_anchor = domain.note_use(self.env.docname, role.id, self.lineno, state.digests.get(role.id, ""))
            who += nodes.Text(", ")
            who += claim_ref("", "", nodes.Text(role.text), claim=role.id, kind="role", ids=[role_anchor])
        quote += who
        return [quote]


class ClaimViewDirective(SphinxDirective):
    """``{claims-index}``, ``{claims-figures}``, ... : filled in once every page is read."""

    has_content = False
    option_spec = {"topic": directives.unchanged}  # noqa: RUF012
    view = ""

    def run(self) -> list[nodes.Node]:
        state = _state(self.env)
        domain: ClaimsDomain = self.env.get_domain("claims")  # type: ignore[assignment]
        domain.note_all(self.env.docname, {"*": state.all_digest})
        node = claim_view(view=self.view, topic=self.options.get("topic", ""))
        if self.view == "index":
            node["ids"] = ["claims-index"]
        return [node]


def _view_directive(view: str) -> type[ClaimViewDirective]:
    return type(f"Claims{view.title()}Directive", (ClaimViewDirective,), {"view": view})


# ---------------------------------------------------------------- resolving and output


def doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    from claimdocs.views import fill_refs, render_view

    state = _state(app.env)
    domain: ClaimsDomain = app.env.get_domain("claims")  # type: ignore[assignment]
    for view in list(doctree.findall(claim_view)):
        view.replace_self(render_view(app, state.project, domain, docname, view))
    fill_refs(app, state.project, doctree, docname)


def build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from claimdocs.views import write_exports

    write_exports(app, _state(app.env).project, app.env.get_domain("claims"))  # type: ignore[arg-type]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("claimdocs_root", "", "env", [str])
    for key in ("article", "metadata", "claims", "docs"):
        app.add_config_value(f"claimdocs_{key}", "", "env", [str])
    app.add_config_value("claimdocs_check", True, "env", [bool])
    app.add_config_value("claimdocs_index_page", "claims", "env", [str])
    app.add_config_value("claimdocs_source_page", "source", "env", [str])
    add_nodes(app)
    app.add_domain(ClaimsDomain)
    app.add_role("claim", ClaimRole())
    app.add_role("person", PersonRole())
    app.add_role("nofact", nofact_role)
    app.add_directive("claim-quote", ClaimQuoteDirective)
    for view in VIEWS:
        app.add_directive(f"claims-{view}", _view_directive(view))
    app.connect("builder-inited", builder_inited)
    app.connect("source-read", source_read)
    app.connect("env-get-outdated", env_get_outdated)
    app.connect("env-before-read-docs", env_before_read_docs)
    app.connect("env-get-updated", env_get_updated)
    app.connect("env-check-consistency", check_consistency)
    app.connect("doctree-resolved", doctree_resolved)
    app.connect("build-finished", build_finished)
    app.add_css_file("claimdocs.css")
    app.add_js_file("claimdocs.js", loading_method="defer")
    app.connect("html-page-context", heading_levels, priority=900)
    app.connect("config-inited", _add_static)
    return {"version": __version__, "env_version": ENV_VERSION, "parallel_read_safe": True, "parallel_write_safe": True}


_CAPTION = '<p class="caption" role="heading">'


def heading_levels(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Toctree captions get ``role="heading"`` without a level (sphinx-doc/sphinx#14030): add it."""
    fixed = '<p class="caption" role="heading" aria-level="2">'
    for key in ("body", "furo_navigation_tree", "toc"):
        value = context.get(key)
        if isinstance(value, str) and _CAPTION in value:
            context[key] = value.replace(_CAPTION, fixed)


def _add_static(app: Sphinx, config: Any) -> None:
    static = str(Path(__file__).parent / "static")
    if static not in config.html_static_path:
        config.html_static_path.append(static)
