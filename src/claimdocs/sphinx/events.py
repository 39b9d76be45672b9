"""The event handlers: load the project, check each page as it is read, fill the views, write the exports.

The checks are the engine the command line runs (:mod:`claimdocs.rules.engine`):
:func:`~claimdocs.rules.engine.check_source` once at ``builder-inited``,
:func:`~claimdocs.rules.engine.check_page` on each page's source at ``source-read``,
the unused claims at ``env-check-consistency``; each finding is a warning typed
``claims.<rule>``, so ``suppress_warnings`` can silence one rule by name.
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from claimdocs.config import Config
from claimdocs.findings import CannotRun, Finding
from claimdocs.project import load_project
from claimdocs.sphinx.domain import claims_domain
from claimdocs.sphinx.nodes import claim_view
from claimdocs.sphinx.state import BuildState, set_state, state_of

logger = logging.getLogger(__name__)


def config_of(app: Sphinx) -> Config:
    """The one configuration: ``[tool.claimdocs]`` beside ``claimdocs_root``, each key overridden in conf.py."""
    root = Path(app.config.claimdocs_root or app.confdir)
    if not root.is_absolute():
        root = Path(app.confdir) / root
    overrides = {key: app.config[f"claimdocs_{key}"] for key in Config.settings()
                 if app.config[f"claimdocs_{key}"] is not None}
    return Config.from_sources(root, overrides)


def warn(finding: Finding, location: Any = None) -> None:
    logger.warning(
        "%s", finding.message, type="claims", subtype=str(finding.rule),
        location=location or f"{finding.path}:{finding.line}",
    )


def builder_inited(app: Sphinx) -> None:
    try:
        config = config_of(app)
    except CannotRun as exc:
        logger.warning("%s", exc, type="claims", subtype="config")
        config = Config(root=Path(app.confdir))
    project = load_project(config)
    state = BuildState.load(config, project)
    set_state(app.env, state)
    if config.check:
        from claimdocs.rules.engine import check_source
        from claimdocs.rules.tables import tables_of

        state.tables = tables_of(project)  # before any fork: parallel readers inherit them
        for finding in check_source(project):
            warn(finding, f"{Path(config.root, finding.path)}:{finding.line}")


def source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    state = state_of(app.env)
    if not state.config.check or not str(app.env.doc2path(docname)).endswith(".md"):
        return
    from claimdocs.rules.engine import check_page

    path = app.env.doc2path(docname)
    result = check_page(state.project, state.project.config.display(Path(path)), source[0], tables=state.tables)
    for finding in result.findings:
        if finding.rule != "unused":
            warn(finding, (docname, finding.line))


def env_get_outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
                     removed: Set[str]) -> list[str]:
    """Pages whose claims changed since they were read: exactly those, no more."""
    state = state_of(env)
    current = {**state.digests, "*": state.all_digest}
    stale = []
    for docname, seen in claims_domain(env).digests().items():
        if docname in removed or docname in changed:
            continue
        if any(current.get(ident) != digest for ident, digest in seen.items()):
            stale.append(docname)
    return sorted(stale)


def env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    state_of(env).reading = bool(docnames)


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """When any page was read, the views (backlinks, uses) must be written again."""
    if not state_of(env).reading:
        return []
    return sorted(d for d, seen in claims_domain(env).digests().items() if "*" in seen)


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    state = state_of(env)
    if not state.config.check:
        return
    from claimdocs.rules.reference import check_unused

    for finding in check_unused(state.project, claims_domain(env).used_claims()):
        warn(finding, f"{Path(state.project.config.root, finding.path)}:{finding.line}")


def doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    from claimdocs.sphinx.views import fill_refs, render_view

    state = state_of(app.env)
    domain = claims_domain(app.env)
    for view in list(doctree.findall(claim_view)):
        view.replace_self(render_view(app, state, domain, docname, view))
    fill_refs(app, state, doctree, docname)


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from claimdocs.sphinx.views import write_exports

    write_exports(app, state_of(app.env).project, claims_domain(app.env))
