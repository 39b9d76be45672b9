"""The event handlers: load the project, check each page as it is read, fill the views, write the exports.

The checks are the engine the command line runs (:mod:`claimdocs.rules.engine`):
:func:`~claimdocs.rules.engine.check_source` once at ``builder-inited``,
:func:`~claimdocs.rules.engine.check_page` on each page's source as it is read (handed
at ``source-read`` to claimdocs' MyST parser, :mod:`claimdocs.sphinx.parser`, which checks
the tokens it then renders: the page is parsed once), the unused claims at
``env-check-consistency``; each finding is a warning typed ``claims.<rule>``, so
``suppress_warnings`` can silence one rule by name.

What holds under broken and hostile input:

- A finding stays reported until fixed. A page with findings is marked
  (:data:`~claimdocs.sphinx.state.OPEN_FINDINGS`) and read again at every build, so a
  rebuild, an incremental build or ``docs-live`` never turns green over an open
  finding; the unused claims are reported at ``build-finished`` when no page was read.
- Pages are screened before Sphinx reads them (``env-before-read-docs``): a page that
  is a link, outside the project, not a regular file (a FIFO would block the build),
  over the size cap, not UTF-8 or with a file name that is not UTF-8 is one finding
  and is left out of the build (Sphinx would hang or end in a traceback on it).
- What the checker refuses on a page (raw HTML, ``eval-rst``, an include from outside
  the project ...) is blanked from the source before MyST reads it, lines kept, so
  the build never renders it.
- The MyST configuration Sphinx parses pages with must be the one the checker reads
  them with (``claims.config`` otherwise).
- Waivers are applied by the same engine: a waived finding is no warning, and the
  ``{claims-waivers}`` view lists it (the pages' waivers kept per page in the domain,
  the claims' on the state).
- A build that was killed leaves a marker file; the next build reads and writes every
  page again, so the search index (to which Sphinx adds only the pages it writes) is
  whole again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Set
from pathlib import Path
from typing import Any

from docutils import nodes
from markdown_it.token import Token
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from claimdocs.config import Config, myst_extensions
from claimdocs.files import confine, is_utf8_name, printable
from claimdocs.findings import CannotRun, Finding, RuleId
from claimdocs.project import load_project, page_listing
from claimdocs.sphinx.domain import claims_domain
from claimdocs.sphinx.nodes import claim_view
from claimdocs.sphinx.state import INCOMPLETE, OPEN_FINDINGS, RUNNING_MARKER, BuildState, set_state, state_of

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


def _at(config: Config, finding: Finding) -> str:
    """Where a finding in a project file (not the page being read) is shown: its path and line."""
    return f"{printable(str(Path(config.root, finding.path)))}:{finding.line}"


def builder_inited(app: Sphinx) -> None:
    try:
        config = config_of(app)
    except CannotRun as exc:  # one warning naming the file; nothing is checked against a configuration not read
        logger.warning("%s", exc, type="claims", subtype="config")
        config = Config(root=Path(app.confdir), check=False)
    project = load_project(config)
    state = BuildState.load(config, project)
    set_state(app.env, state)
    _mark_running(app, state)
    if config.check:
        from claimdocs.rules.engine import source_result
        from claimdocs.rules.tables import tables_of

        state.tables = tables_of(project)  # before any fork: parallel readers inherit them
        source = source_result(project)
        state.waived = list(source.waived)
        for finding in source.findings:
            warn(finding, _at(config, finding))
        # folders Sphinx would skip without a word (unreadable) or read through a link; names: env-before-read-docs
        for finding in page_listing(config, names=False)[1]:
            warn(finding, _at(config, finding))
        _same_myst(app, state)


#: MyST settings that change how a page is parsed, with MyST's defaults: the checker reads pages with these.
_MYST_DEFAULTS: dict[str, object] = {
    "myst_disable_syntax": [], "myst_commonmark_only": False, "myst_gfm_only": False, "myst_fence_as_directive": [],
}


def _same_myst(app: Sphinx, state: BuildState) -> None:
    """The checker must read pages with the MyST configuration Sphinx renders them with (``claims.config``)."""
    if "myst_enable_extensions" not in app.config:
        return  # myst-parser is not loaded: nothing to compare
    used = frozenset(app.config.myst_enable_extensions or ())
    checker = state.project.myst_extensions
    _, conf, line, _problem = myst_extensions(state.config)
    where = f"{printable(str(Path(state.config.root, conf or 'conf.py')))}:{line}"
    if used != checker:
        logger.warning(
            "Sphinx reads the pages with the MyST extensions %s, the checker with %s, so the two would disagree about "
            "what a page says: write myst_enable_extensions in conf.py as a literal list (the checker reads it there)",
            sorted(used), sorted(checker), type="claims", subtype="config", location=where,
        )
    for name, default in _MYST_DEFAULTS.items():
        value = getattr(app.config, name, default)
        if value and value != default:
            logger.warning("%s = %r changes how MyST parses pages, and the checker reads them with MyST's default: "
                           "remove it", name, value, type="claims", subtype="config", location=where)


def _mark_running(app: Sphinx, state: BuildState) -> None:
    """Leave a marker while the build runs; one found from before means that build was killed."""
    marker = Path(app.doctreedir) / RUNNING_MARKER
    state.interrupted = marker.exists()
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("a claimdocs build is running (if none is, the last one was killed)\n", encoding="utf-8")
    except OSError as exc:
        logger.warning("cannot write %s: %s", marker, exc.strerror or exc, type="claims", subtype="config")


def source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Check a Markdown page: handed over to claimdocs' MyST parser, or here when another parser reads it."""
    state = state_of(app.env)
    if not state.config.check or not str(app.env.doc2path(docname)).endswith(".md"):
        return
    if docname in state.refused:  # the stand-in for a root document that cannot be read: read again next time
        claims_domain(app.env).note_all(docname, {OPEN_FINDINGS: "1"})
        return
    if _parser_checks(app.env):  # it checks the page as it parses it, after every source-read handler: one parse
        state.parsing = docname
        return
    refused = check_read_page(app.env, docname, source[0])
    if refused:  # the build never renders what the checker refused: blanked, lines kept
        source[0] = blank(source[0], refused)


def _parser_checks(env: BuildEnvironment) -> bool:
    """Whether the page's parser is claimdocs' (:mod:`claimdocs.sphinx.parser`), which checks what it parses."""
    try:
        parser = env.parser
    except (KeyError, AttributeError):
        return False
    return getattr(parser, "checks_pages", False) is True


def take_handed_over(env: BuildEnvironment) -> str | None:
    """The page ``source-read`` handed over to be checked as it is parsed, if it is the one being read (once).

    None for any other text the parser is given (a translated message) and outside a
    claimdocs build: that text is parsed as MyST parses it.
    """
    try:
        state = state_of(env)
    except RuntimeError:
        return None
    docname, state.parsing = state.parsing, None
    return docname if docname is not None and docname == env.docname else None


def check_read_page(env: BuildEnvironment, docname: str, text: str, tokens: list[Token] | None = None,
                    ) -> list[tuple[int, int]]:
    """Check a page being read (its findings warnings, its marks noted); the spans the build must not render.

    ``tokens``: ``text`` parsed at top level by a parser making the checker's tokens (see
    :func:`claimdocs.rules.engine.check_page`).
    """
    from claimdocs.rules.engine import check_page

    state = state_of(env)
    shown = state.project.config.display(Path(env.doc2path(docname)))
    try:
        result = check_page(state.project, shown, text, tables=state.tables, tokens=tokens)
    except Exception as exc:  # a bug of the checker: one warning, never a traceback that stops the build
        logger.warning("internal error while checking the page: %s: %s (please report this)", type(exc).__name__, exc,
                       type="claims", subtype="page", location=(docname, 1))
        claims_domain(env).note_all(docname, {OPEN_FINDINGS: "1"})
        return []
    for finding in result.findings:
        if finding.rule != "unused":
            warn(finding, (docname, finding.line) if finding.path == shown else _at(state.config, finding))
    claims_domain(env).note_waived(docname, result.waived)
    marks = {OPEN_FINDINGS: str(len(result.findings))} if result.findings else {}
    if not result.complete:
        marks[INCOMPLETE] = "1"
    if marks:  # the page is read again at the next build, so its findings are reported again until fixed
        claims_domain(env).note_all(docname, marks)
    return result.refused


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span turned into spaces, newlines kept (every line stays where it was)."""
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def env_get_outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str],
                     removed: Set[str]) -> list[str]:
    """Pages whose claims changed since they were read, and pages with open findings (read until fixed).

    After a killed build, every page: Sphinx adds to the search index only the pages it
    writes, so the pages the killed build wrote would be missing from it.
    """
    state = state_of(env)
    if state.interrupted:
        logger.info("claimdocs: the last build did not finish; reading every page again")
        return sorted(set(env.found_docs) - set(added) - set(changed) - set(removed))
    current = {**state.digests, "*": state.all_digest}
    stale = []
    for docname, seen in claims_domain(env).digests().items():
        if docname in removed or docname in changed:
            continue
        if OPEN_FINDINGS in seen or any(current.get(ident) != digest for ident, digest in seen.items()):
            stale.append(docname)
    if state.config.check:  # a page swapped for a link or a FIFO keeps its old time: screen it again
        skip = set(added) | set(changed) | set(removed) | set(stale)
        stale += [d for d in env.found_docs if d not in skip and _swapped(state, Path(env.doc2path(d)))]
    return sorted(stale)


def _swapped(state: BuildState, path: Path) -> bool:
    """Whether a page read before is now a link, outside the project or not a regular file (from lstat alone)."""
    if confine(state.config.root, path) is not None:
        return True
    try:
        return not stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def env_before_read_docs(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Screen the pages Sphinx is about to read; a page the checker cannot read is one finding and left out.

    Sphinx would block on a FIFO, read /dev/zero until memory runs out, publish a linked
    file from outside the project and end in a traceback on bytes or a file name that
    are not UTF-8: none of these reaches it.
    """
    state = state_of(env)
    if state.config.check:
        from claimdocs.rules.engine import read_page

        for docname in list(docnames):
            path = Path(env.doc2path(docname))
            shown = state.project.config.display(path)
            if not is_utf8_name(path):
                problems = [Finding(shown, 1, 1, RuleId.PAGE, "the file name is not valid UTF-8; rename the page")]
            elif path.suffix != ".md" and confine(state.config.root, path) is None:
                continue  # another parser's page, inside the project: not the checker's to read
            else:
                problems = read_page(state.project, path, shown)[1]
            if not problems:
                continue
            for finding in problems:
                warn(finding, _at(state.config, finding))
            state.refused[docname] = shown
            if docname == app.config.root_doc and _stand_in(app, env, docname):
                continue  # Sphinx cannot build without it: it reads a stand-in page instead
            docnames.remove(docname)
            env.project.docnames.discard(docname)  # never read, so never written either
    state.reading = bool(docnames)


def _stand_in(app: Sphinx, env: BuildEnvironment, docname: str) -> bool:
    """Point Sphinx at a stand-in for a root document it must not read (it stops without one).

    The stand-in (in the doctree folder) says the page could not be read; Sphinx's
    ``Project`` has no public way to map a document to another file, so this uses its
    ``_docname_to_path`` (Sphinx 8.2 to 9.x) and does nothing where that is missing.
    """
    paths = getattr(env.project, "_docname_to_path", None)
    if not isinstance(paths, dict):
        return False
    stand_in = Path(app.doctreedir) / "claimdocs-unread" / f"{docname}.md"
    stand_in.parent.mkdir(parents=True, exist_ok=True)
    stand_in.write_text("# This page could not be read\n\nSee the build's warnings.\n", encoding="utf-8")
    paths[docname] = stand_in
    return True


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """When any page was read, the views (backlinks, uses) must be written again."""
    if not state_of(env).reading:
        return []
    return sorted(d for d, seen in claims_domain(env).digests().items() if "*" in seen)


def check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    state = state_of(env)
    state.consistency_checked = True
    report_unused(state, env)


def report_unused(state: BuildState, env: BuildEnvironment) -> None:
    """The claims no page uses; none while a page, or a file a page includes, cannot be read (no cascade)."""
    if not state.config.check or state.refused:
        return
    domain = claims_domain(env)
    if any(INCOMPLETE in seen for seen in domain.digests().values()):
        return
    from claimdocs.rules.engine import unused_claims

    unused = unused_claims(state.project, domain.used_claims())
    state.waived = sorted({*state.waived, *unused.waived})
    for finding in unused.findings:
        warn(finding, _at(state.project.config, finding))


def doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    from claimdocs.sphinx.views import fill_refs, render_view

    state = state_of(app.env)
    domain = claims_domain(app.env)
    for view in list(doctree.findall(claim_view)):
        view.replace_self(render_view(app, state, domain, docname, view))
    fill_refs(app, state, doctree, docname)


def build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None:
        return  # the marker stays: the next build is a full one (Sphinx drops the environment too)
    state = state_of(app.env)
    if not state.consistency_checked:  # no page was read this time: report the unused claims all the same
        report_unused(state, app.env)
    if app.builder.format == "html":
        from claimdocs.sphinx.views import write_exports

        write_exports(app, state.project, claims_domain(app.env))
    (Path(app.doctreedir) / RUNNING_MARKER).unlink(missing_ok=True)
