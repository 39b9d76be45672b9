"""The engine: runs the registry's checks over the article, the claims and the pages.

One engine for every caller: pytest, ``claimdocs check`` and the Sphinx build
(which calls :func:`check_page` as it parses each page and :func:`check_source` at
``builder-inited``) run exactly these functions.

- :func:`check_source`: the article to the claims. Load-time findings, then each
  :class:`~claimdocs.rules.rule.ProjectCheck` (evidence first, which anchors the
  claims), then each :class:`~claimdocs.rules.rule.ClaimCheck` on every anchored
  claim of its kinds.
- :func:`check_page`: the claims to one page. Each marker is resolved by
  :func:`claimdocs.rules.reference.resolve`; the marker checks of its claim's kind
  run on it (on bare markers only those that ask to); then each block check on each
  block, then each page check.
- :func:`check_pages`: every page, then the claims no page uses; on a large site
  the pages are checked in worker processes, with the article's checks beside them.

Each applies the waivers (:mod:`claimdocs.rules.waiver`) where its findings are made: a
page's ``% claims: ignore[...]`` comments to that file's findings, the claims' ``waive:``
and the ``waivers:`` sections to the article's half (:func:`source_result`) and to the
unused claims (:func:`unused_claims`). What is waived is returned beside the findings,
never dropped; a waiver of a rule whose checks ran and that waives nothing is a finding.

Everything is a pure function of the project and the page text, and every scan is
linear in the page, so hostile pages (a 10 MB line) cost seconds, never minutes.
"""

from __future__ import annotations

import bisect
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from markdown_it.token import Token

from claimdocs.files import MAX_PAGE_BYTES, Refused, read_input
from claimdocs.findings import Finding, RuleId, Waived
from claimdocs.includes import (
    MAX_INCLUDE_DEPTH,
    MAX_INCLUDED_CHARS,
    MAX_INCLUDES,
    image_problem,
    read_included,
    resolve_include,
)
from claimdocs.loader import decode
from claimdocs.model import CLAIM_TYPES, AnyClaim, Quote
from claimdocs.pages import FileRef, Page, parse_page
from claimdocs.project import Project, page_listing, page_matches
from claimdocs.rules.context import PageContext, SourceContext, Use
from claimdocs.rules.coverage import coverage
from claimdocs.rules.draft import held
from claimdocs.rules.reference import check_unused, resolve
from claimdocs.rules.registry import (
    BLOCK_CHECKS,
    CLAIM_CHECKS,
    MARK_CHECKS,
    PAGE_CHECKS,
    PROJECT_CHECKS,
    SENTENCE_CHECKS,
)
from claimdocs.rules.rule import AnyCheck, ClaimCheck, MarkCheck
from claimdocs.rules.sentences import sentences_of
from claimdocs.rules.tables import Tables, tables_of
from claimdocs.rules.view import View
from claimdocs.rules.waiver import IN_ARTICLE, Places, waive_claims, waive_page

__all__ = ["PageResult", "PagesResult", "Result", "SourceResult", "Use", "check_page", "check_pages", "check_source",
           "run_checks", "source_result", "unused_claims"]


@dataclass
class PageResult:
    findings: list[Finding]
    uses: list[Use]
    nofact: int
    #: Offsets into the page's text of what the Sphinx build leaves out: refused content (see
    #: :class:`claimdocs.pages.Refusal`), and includes that are refused or hold refused content.
    refused: list[tuple[int, int]] = field(default_factory=list)
    #: False when the page, or a file it includes, could not be read: then its claims cannot be
    #: known to be unused, and none is reported so (one finding for one broken file, no cascade).
    complete: bool = True
    #: The files the page includes (paths as findings show them), read and checked as part of it.
    included: list[str] = field(default_factory=list)
    #: The findings its waivers waive (and those of the files it includes), with their reasons.
    waived: list[Waived] = field(default_factory=list)


@dataclass
class PagesResult:
    findings: list[Finding]
    uses: list[Use]
    summary: dict[str, object] = field(default_factory=dict)
    included: set[str] = field(default_factory=set)
    waived: list[Waived] = field(default_factory=list)


@dataclass
class Result:
    findings: list[Finding]
    summary: dict[str, object] = field(default_factory=dict)
    #: Files the pages include: inputs too (the command line never writes its report over one).
    included: set[str] = field(default_factory=set)
    #: The findings waived, with their reasons (counted in the summary, listed by every report).
    waived: list[Waived] = field(default_factory=list)


@dataclass
class SourceResult:
    """The article's half (or the unused claims): the findings, and those waived."""

    findings: list[Finding]
    waived: list[Waived] = field(default_factory=list)


#: The marker checks of each claim class, and which of them also run on bare markers.
_ON_MARK: dict[type[AnyClaim], tuple[MarkCheck[AnyClaim], ...]] = {
    cls: tuple(c for c in MARK_CHECKS if issubclass(cls, c.kinds)) for cls in CLAIM_TYPES
}
_ON_BARE_MARK: dict[type[AnyClaim], tuple[MarkCheck[AnyClaim], ...]] = {
    cls: tuple(c for c in checks if c.bare) for cls, checks in _ON_MARK.items()
}
_ON_CLAIM: dict[type[AnyClaim], tuple[ClaimCheck[AnyClaim], ...]] = {
    cls: tuple(c for c in CLAIM_CHECKS if issubclass(cls, c.kinds)) for cls in CLAIM_TYPES
}


def _emitted(checks: tuple[AnyCheck, ...]) -> frozenset[str]:
    return frozenset(rule.id for check in checks for rule in check.emits)


#: The rules each part of the engine reports: where a waiver may waive them, and when one is stale.
_PAGE_RULES = _emitted((*MARK_CHECKS, *BLOCK_CHECKS, *PAGE_CHECKS)) | {RuleId.SYNTAX, RuleId.UNKNOWN_ID, RuleId.NAME}
_TRACING_RULES = _emitted(SENTENCE_CHECKS)
_SOURCE_RULES = _emitted((*PROJECT_CHECKS, *CLAIM_CHECKS))
PLACES = Places(pages=_PAGE_RULES | _TRACING_RULES, claims=(_SOURCE_RULES - IN_ARTICLE) | {RuleId.UNUSED})


# ---------------------------------------------------------------- the article to the claims


def check_source(project: Project) -> list[Finding]:
    """All article-to-claims findings, load-time problems included, waived ones left out, sorted."""
    return source_result(project).findings


def source_result(project: Project) -> SourceResult:
    """The article-to-claims findings after the claims' waivers, and the findings waived."""
    ctx = SourceContext(project, project.article)
    for project_check in PROJECT_CHECKS:
        if project.article is not None or not project_check.needs_article:
            project_check(ctx)
    for claim in project.claims.values():
        span = ctx.spans.get(claim.id)
        if span is not None:
            for claim_check in _ON_CLAIM[type(claim)]:
                claim_check(ctx, claim, *span)
    found = sorted(set(held(project, project.findings + ctx.findings)))  # drafts' findings held back
    kept, waived, stale = waive_claims(project, found, _SOURCE_RULES, PLACES, misplaced=True)
    return SourceResult(sorted(set(kept + stale)), sorted(waived))


def unused_claims(project: Project, used: Iterable[str]) -> SourceResult:
    """The claims no page uses (:func:`claimdocs.rules.reference.check_unused`), after the claims' waivers."""
    kept, waived, stale = waive_claims(project, check_unused(project, used), frozenset({RuleId.UNUSED}), PLACES,
                                       misplaced=False)
    return SourceResult(sorted(kept + stale), sorted(waived))


# ---------------------------------------------------------------- the claims to a page


def check_page(
    project: Project, path: str, text: str, *, tables: Tables | None = None, tracing: bool = True,
    tokens: list[Token] | None = None,
) -> PageResult:
    """Every page-rule finding of one MyST page, the markers it uses and its {nofact} count.

    ``tables``: the project's lookup tables, when a caller checking many pages at once has
    them already (otherwise they are found in the cache, which checks the claims changed).
    ``tracing``: run the sentence checks (every sentence traced to the article); the tests of
    the other families turn them off to specify each family alone.
    ``tokens``: ``text`` already parsed at top level, as :func:`~claimdocs.pages.parse_page` takes them
    (the Sphinx build parses a page once, for the checker and MyST's renderer).
    """
    with _no_cycle_collection():
        return _check_page(project, path, text, tables, (path,), _Budget(), tracing, tokens)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Hold off Python's cycle collector while one page is checked.

    A page check makes tens of thousands of short-lived objects (tokens, segments), all
    freed by reference counting when it returns; each gen-2 collection they trigger walks
    the whole heap, which inside Sphinx holds every doctree read so far. Measured on the
    10x site, the collector took a quarter to a third of the checks' time in the build. Nothing is
    lost: cycles, if any, are collected at the next collection after the page.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass
class _Budget:
    """What one page may include in all, nested includes counted: a page including a file a thousand times,
    which includes another a thousand times, would otherwise be read a million times (by MyST too)."""

    includes: int = MAX_INCLUDES
    chars: int = MAX_INCLUDED_CHARS


def _check_page(project: Project, path: str, text: str, tables: Tables | None, chain: tuple[str, ...],
                budget: _Budget, tracing: bool = True, tokens: list[Token] | None = None) -> PageResult:
    """One page, or one file it includes (``chain``: the page, then each include down to this file)."""
    tables = tables or tables_of(project)
    page = parse_page(text, path, extensions=project.myst_extensions, tokens=tokens)
    ctx = PageContext(project, tables, path, site_page=_is_site_page(project, chain[0]))
    views = [View(block, project, i) for i, block in enumerate(page.blocks)]
    lead_ins = _lead_ins(project, page, views)
    for view, after in pairwise(views):
        view.next, after.prev = after, view
    for view in views:
        for mark in view.marks:
            claim = resolve(ctx, view, mark)
            if claim is None:
                continue
            for mark_check in (_ON_BARE_MARK if mark.bare else _ON_MARK)[type(claim)]:
                mark_check(ctx, view, mark, claim)
        for block_check in BLOCK_CHECKS:
            block_check(ctx, view)
        if tracing:
            for sentence in sentences_of(view, lead_ins.get(view.index), ctx.tables):
                for sentence_check in SENTENCE_CHECKS:
                    sentence_check(ctx, sentence)
    for page_check in PAGE_CHECKS:
        page_check(ctx, page)
    for view in views:  # no cycle left: the page's objects are freed on return, not by a later collection
        view.prev = view.next = None
    ran = _PAGE_RULES | _TRACING_RULES if tracing else _PAGE_RULES
    kept, waived, problems = waive_page(page, text, ctx.findings, ran, PLACES)
    result = PageResult(kept + problems, ctx.uses, ctx.nofact, [(r.start, r.end) for r in page.refused], waived=waived)
    for ref in page.files:
        _pull_in(project, page, ref, tables, chain, result, budget, tracing)
    result.findings = sorted(set(result.findings))
    return result


def _pull_in(project: Project, page: Page, ref: FileRef, tables: Tables, chain: tuple[str, ...],
             result: PageResult, budget: _Budget, tracing: bool) -> None:
    """An image must lie inside the project; an included file is checked as part of the page."""
    config = project.config

    def refuse(message: str) -> None:
        result.findings.append(Finding(page.path, ref.line, ref.col, RuleId.PAGE, message))
        result.refused.append((ref.start, ref.end))

    if ref.kind == "image":
        problem = image_problem(config, chain[0], ref.target)
        if problem:
            refuse(problem)
        return
    where = resolve_include(config, chain[0], ref.target)
    if isinstance(where, str):
        refuse(f"{{include}} {ref.target}: {where}")
        return
    budget.includes -= 1
    if budget.includes < 0:
        refuse(f"{{include}} {ref.target}: more than {MAX_INCLUDES} includes in one page, nested ones counted")
        return
    try:
        shown, text = read_included(config, where, dict(ref.options))
    except Refused as exc:
        refuse(f"{{include}} {ref.target}: {exc.message}")
        result.complete = False
        return
    if shown in chain or len(chain) > MAX_INCLUDE_DEPTH:
        refuse(f"{{include}} {ref.target}: includes nested too deeply, or a file that includes itself ({shown})")
        return
    budget.chars -= len(text)
    if budget.chars < 0:
        refuse(f"{{include}} {ref.target}: more than {MAX_INCLUDED_CHARS:,} characters included in one page, "
               "nested includes counted")
        return
    inner = _check_page(project, shown, text, tables, (*chain, shown), budget, tracing)
    result.included += [shown, *inner.included]
    result.findings += inner.findings
    result.waived += inner.waived
    result.uses += inner.uses
    result.nofact += inner.nofact
    result.complete = result.complete and inner.complete
    if inner.refused:  # the build leaves out the whole include: nothing of it is shown unchecked
        result.refused.append((ref.start, ref.end))


def _is_site_page(project: Project, path: str) -> bool:
    """Is the page one the project lists as about the site itself (``site_pages``)?"""
    patterns = project.config.site_pages
    if not patterns:
        return False
    docs = project.config.docs.rstrip("/") + "/"
    rel = path[len(docs) :] if path.startswith(docs) else path
    return any(page_matches(rel, pattern) for pattern in patterns)


def _lead_ins(project: Project, page: Page, views: list[View]) -> dict[int, list[AnyClaim]]:
    """The block right before each ``{claim-quote}`` leads into its quotation: it rests on the quote claim too."""
    out: dict[int, list[AnyClaim]] = {}
    lines = [v.block.line for v in views]
    for directive in page.directives:
        claim = project.claims.get(directive.argument.strip()) if directive.name == "claim-quote" else None
        if isinstance(claim, Quote):
            i = bisect.bisect_left(lines, directive.line) - 1
            if i >= 0:
                out.setdefault(i, []).append(claim)
    return out


# ---------------------------------------------------------------- the site


def _display(project: Project, path: Path) -> str:
    """A page's path as findings show it, relative to the root, without following symlinks."""
    return project.config.display(path)


def _check_file(project: Project, path: Path, tables: Tables | None = None) -> PageResult:
    display = _display(project, path)
    text, problems = read_page(project, path, display)
    if text is None:
        return PageResult(problems, [], 0, complete=False)
    return check_page(project, display, text, tables=tables)


def read_page(project: Project, path: Path, display: str) -> tuple[str | None, list[Finding]]:
    """A page's text, read as an input of the project (:mod:`claimdocs.files`), or the one finding saying why not.

    A byte-order mark and CRLF or CR line ends are read like LF (lines and columns stay
    where an editor shows them).
    """
    try:
        raw = read_input(project.config.root, path, limit=MAX_PAGE_BYTES, what="page")
    except Refused as exc:
        return None, [Finding(display, 1, 1, RuleId.PAGE, exc.message)]
    text, problems = decode(raw, display, normalize=True)
    if text is None:
        return None, [Finding(f.path, f.line, f.col, RuleId.PAGE, f.message) for f in problems]
    return text, []


#: From how many pages the command line checks them in parallel worker processes.
PARALLEL_FROM = 200
#: Pages per task, as a share of all: small enough that the last tasks end together.
_TASKS_PER_JOB = 24

#: A project-wide check run beside the pages: its findings, or a :class:`SourceResult` (findings and waived).
Alongside = Callable[[Project], list[Finding] | SourceResult]


@dataclass
class _Worker:
    """What a worker process checks with, set once by the pool's initializer."""

    project: Project
    tables: Tables
    alongside: Alongside | None


_WORKER: _Worker | None = None


def _init_worker(project: Project, tables: Tables, alongside: Alongside | None) -> None:
    # with the fork start method, these arguments reach the worker without being pickled
    global _WORKER
    _WORKER = _Worker(project, tables, alongside)


def _check_in_worker(path: Path) -> PageResult:
    assert _WORKER is not None
    return _check_file(_WORKER.project, path, _WORKER.tables)


def _alongside_in_worker() -> list[Finding] | SourceResult:
    assert _WORKER is not None and _WORKER.alongside is not None
    return _WORKER.alongside(_WORKER.project)


def _check_all(
    project: Project, pages: list[Path], jobs: int | None, alongside: Alongside | None
) -> tuple[list[PageResult], list[Finding] | SourceResult]:
    """Pages are independent: on a large site, check them on every core (fork shares the project).

    ``alongside`` runs as one more task of the same pool, queued first, so the article's
    checks and the first pages run at once and no core waits for the other.
    """
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 8) if len(pages) >= PARALLEL_FROM else 1
    tables = tables_of(project)  # once for the whole run, not once a page
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        other = alongside(project) if alongside else []
        return [_check_file(project, path, tables) for path in pages], other
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_init_worker, initargs=(project, tables, alongside)) as pool:
        pending = pool.apply_async(_alongside_in_worker) if alongside else None
        results = pool.map(_check_in_worker, pages, chunksize=max(1, len(pages) // (jobs * _TASKS_PER_JOB)))
        return results, pending.get() if pending else []


def check_pages(project: Project, *, jobs: int | None = None, alongside: Alongside | None = None) -> PagesResult:
    """Every page under the docs folder, then the claims no page uses.

    ``jobs``: worker processes (default: one a core from :data:`PARALLEL_FROM` pages on).
    ``alongside``: a project-wide check (the article's, :func:`check_source`) to run with
    the pages, in the same workers; its findings join the pages'.
    """
    findings: list[Finding] = []
    waived: list[Waived] = []
    uses: list[Use] = []
    included: set[str] = set()
    nofact = 0
    pages, listing = page_listing(project.config)
    findings += listing
    results, other = _check_all(project, pages, jobs, alongside)
    if isinstance(other, SourceResult):
        findings += other.findings
        waived += other.waived
    else:
        findings += other
    for result in results:
        findings += result.findings
        waived += result.waived
        uses += result.uses
        nofact += result.nofact
        included.update(result.included)
    if not listing and all(r.complete for r in results):  # else the unread pages' claims would all be "unused"
        unused = unused_claims(project, (u.claim for u in uses if u.role == "claim"))
        findings += unused.findings
        waived += unused.waived
    waived = sorted(set(waived))  # an include checked with two pages is waived once
    summary: dict[str, object] = {"pages": len(pages), "uses": sum(1 for u in uses if u.role == "claim"), "nofact": nofact,
                                  "waived": len(waived)}
    return PagesResult(sorted(set(findings)), uses, summary, included, waived)


def run_checks(project: Project, *, pages: bool = True) -> Result:
    """Both halves, once: what ``claimdocs check`` reports."""
    summary: dict[str, object] = {"claims": len(project.claims), "entities": len(project.entities)}
    if project.article is not None:
        cov = coverage(project, project.article)
        summary["coverage"] = f"{cov.percent:.1f}% of {cov.total}"
    if not pages:
        source = source_result(project)
        summary["waived"] = len(source.waived)
        return Result(source.findings, summary, waived=source.waived)
    page_result = check_pages(project, alongside=source_result)
    summary.update(page_result.summary)
    return Result(page_result.findings, summary, page_result.included, page_result.waived)
