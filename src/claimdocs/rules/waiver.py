"""Waivers: a finding waived where it is, with a reason, and never silenced unseen.

Like ``# noqa: rule``: an editor who meets a false alarm is never stuck, and what is
waived stays in view. ``claimdocs check`` counts it ("waived: N"), ``--format json``
lists it under ``waived`` (SARIF: a result with a suppression and its justification),
and the ``{claims-waivers}`` view of the "How this site is checked" page lists each one
with its file, line, rule and reason. The command line and the Sphinx build apply the
same waivers: the engine applies them (:mod:`claimdocs.rules.engine`).

On a page, a MyST line comment, which the build does not render (MyST's own comment
syntax: nothing of it reaches a reader, and the checker reads it from the same tokens)::

    % claims: ignore[support] the heading repeats the article's own word
    The line with the finding.

It waives the findings of the rules in brackets (``support`` or ``claims.support``, more
than one separated by commas) on the next line that is not a comment itself;
``% claims: ignore-block[...]`` waives them on every line from there to the next blank
line (a table, a paragraph written over lines). A comment line ends a paragraph, in the
build as for the checker: put a waiver before the first line of a paragraph, or use the
block form. A file a page includes carries its own waivers.

On a claim, ``waive: [{rule: speaker, reason: "..."}]``: the findings of that rule
reported at the claim's line in its claims file: those of the article's half (of the
rules speaker, value, office ...) and of unused. A finding on a page is waived on the page.

In the article, a claims file's ``waivers:`` section, by the exact text the finding is
about (with ``prefix`` or ``suffix`` if it occurs more than once)::

    waivers:
      - {rule: coverage, text: "“Bridge Closes”", reason: "the headline the article quotes is not its own words"}

No waiver silences ``claims.waiver`` itself, nor the findings of reading the inputs
(``config``, ``source``, ``yaml``, ``schema``, ``duplicate-id``, ``page``) or of anchoring
a claim (``evidence``, ``offsets``): each says a check could not run at all, and waiving
it would silence every check behind it unseen.

``waiver``
    A waiver names no rule, an unknown rule or one that cannot be waived, or gives no
    reason; a page's ``% claims:`` comment is not of the form above, or the line after
    it is blank; a ``waivers:`` entry names no text, or a text not found exactly once
    in the article. Or a waiver waives nothing (stale): no finding of its rule on its
    line, at its claim or at its text once that rule's checks ran; a rule never
    reported where the waiver is written (``support`` on a claim) says where it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimdocs.article import Article
from claimdocs.findings import Finding, RuleId, Waived
from claimdocs.lexicon import QUOTE_CHARS, did_you_mean, shorten
from claimdocs.model import ArticleWaiver
from claimdocs.model import Waiver as ClaimWaiver
from claimdocs.pages import Page
from claimdocs.project import Location, Project
from claimdocs.rules.context import SourceContext
from claimdocs.rules.rule import Rule, on_project

WAIVER = Rule(
    RuleId.WAIVER, "A waiver names no rule or no reason, names a rule that cannot be waived, or waives nothing.", "both"
)

#: What no waiver silences: the waivers' own findings, and those saying a check could not run at all.
UNWAIVABLE: frozenset[RuleId] = frozenset({
    RuleId.WAIVER, RuleId.CONFIG, RuleId.SOURCE, RuleId.YAML, RuleId.SCHEMA, RuleId.DUPLICATE_ID, RuleId.PAGE,
    RuleId.EVIDENCE, RuleId.OFFSETS,
})
#: The rules reported at a place in the article (not at a claim).
IN_ARTICLE: frozenset[RuleId] = frozenset({RuleId.COVERAGE})

_COMMENT = re.compile(r"^\s*claims\s*:", re.IGNORECASE)
_FORM = re.compile(r"^\s*claims\s*:\s*(?P<kind>ignore(?:-block)?)\s*\[(?P<rules>[^\]]*)\]\s*(?P<reason>.*?)\s*$", re.DOTALL)
#: A reason is words: two letters in a row at least.
_REASON = re.compile(r"[^\W\d_]{2}")
_PAGE_FORM = "% claims: ignore[rule] why the finding is wrong here"
_CLAIM_FORM = 'waive: [{rule: <rule>, reason: "why the finding is wrong here"}]'
_ARTICLE_FORM = 'waivers: [{rule: coverage, text: "<the exact text>", reason: "why"}]'


@dataclass(frozen=True)
class Places:
    """Which rules are reported where: on pages, at claims (their lines in the claims files)."""

    pages: frozenset[str]
    claims: frozenset[str]


def rule_of(name: str) -> tuple[RuleId | None, str]:
    """The rule a waiver names, or (None, why it names none usable)."""
    key = name.strip().removeprefix("claims.").strip()
    if not key:
        return None, "names no rule"
    try:
        rule = RuleId(key)
    except ValueError:
        near = did_you_mean(key, [r.value for r in RuleId])
        return None, f"names unknown rule {shorten(name, 40)!r}" + (f" (did you mean claims.{near}?)" if near else "")
    if rule in UNWAIVABLE:
        why = "a waiver cannot waive a waiver" if rule is RuleId.WAIVER else "it says a check could not run at all"
        return None, f"cannot waive claims.{rule}: {why}; fix what it reports"
    return rule, ""


def _write(problem: str, form: str) -> str:
    """How to write a waiver, after a problem that is about how it is written."""
    return "" if "cannot waive" in problem else f"; write {form}"


def has_reason(reason: str) -> bool:
    return _REASON.search(reason) is not None


def _elsewhere(rule: str, places: Places) -> str:
    if rule in places.pages and rule not in places.claims:
        return f"claims.{rule} is reported on pages: waive it on the page, with {_PAGE_FORM.replace('rule', rule, 1)}"
    if rule in IN_ARTICLE:
        return f"claims.{rule} is reported in the article: waive it by its text, with {_ARTICLE_FORM}"
    return f"claims.{rule} is reported at claims: waive it on the claim, with {_CLAIM_FORM}"


# ---------------------------------------------------------------- on a page


@dataclass(frozen=True)
class PageWaiver:
    """One rule waived by a page's ``% claims: ignore[...]`` comment."""

    line: int  # the comment's line
    rule: RuleId
    reason: str
    lines: range  # the lines it waives (1-based)


def page_waivers(page: Page, text: str) -> tuple[list[PageWaiver], list[tuple[int, str]]]:
    """The waivers a page writes, and what is wrong with the others: (line, message)."""
    lines = text.split("\n")
    waivers: list[PageWaiver] = []
    problems: list[tuple[int, str]] = []
    for comment in page.comments:
        if not _COMMENT.match(comment.text):
            continue
        m = _FORM.match(comment.text)
        if m is None:
            problems.append((comment.line, f"a waiver is written {_PAGE_FORM!r} (or ignore-block[...]): "
                                           f"{shorten(comment.text.strip(), 60)!r}"))
            continue
        reason = m.group("reason")
        names = [n for n in re.split(r"[,\s]+", m.group("rules")) if n] or [""]
        rules = []
        for name in names:
            rule, problem = rule_of(name)
            if rule is None:
                problems.append((comment.line, f"the waiver {problem}" + _write(problem, repr(_PAGE_FORM))))
            else:
                rules.append(rule)
        if not has_reason(reason):
            problems.append((comment.line, f"the waiver gives no reason; write {_PAGE_FORM!r}"))
            continue
        first = comment.line  # the index of the line after the comment
        while first < len(lines) and lines[first].lstrip().startswith("%"):
            first += 1
        if first >= len(lines) or not lines[first].strip():
            problems.append((comment.line, "the line after the waiver is blank: put it right before the line it waives"))
            continue
        last = first
        if m.group("kind") == "ignore-block":
            while last + 1 < len(lines) and lines[last + 1].strip():
                last += 1
        waivers += [PageWaiver(comment.line, rule, reason, range(first + 1, last + 2)) for rule in rules]
    return waivers, problems


def waive_page(page: Page, text: str, findings: list[Finding], ran: frozenset[str],
               places: Places) -> tuple[list[Finding], list[Waived], list[Finding]]:
    """A page's findings after its waivers: those kept, those waived, and the waiver findings (malformed,
    stale). The engine calls it once a file has been checked (a page, or a file it includes).

    ``ran``: the rules whose checks ran on the page (a waiver of another rule is not stale).
    """
    if not page.comments:
        return findings, [], []
    path = page.path
    waivers, problems = page_waivers(page, text)
    kept: list[Finding] = []
    waived: list[Waived] = []
    used: set[PageWaiver] = set()
    for f in findings:
        w = next((w for w in waivers if f.path == path and f.rule == w.rule and f.line in w.lines), None)
        if w is None or f.rule in UNWAIVABLE:
            kept.append(f)
            continue
        waived.append(Waived(f, w.reason, path, w.line))
        used.add(w)
    stale = [Finding(path, line, 1, RuleId.WAIVER, message) for line, message in problems]
    for w in waivers:
        if w in used:
            continue
        if w.rule not in places.pages:
            stale.append(Finding(path, w.line, 1, RuleId.WAIVER, f"the waiver of claims.{w.rule} waives nothing: "
                                 f"{_elsewhere(w.rule, places)}"))
        elif w.rule in ran:
            where = f"line {w.lines.start}" + (f"-{w.lines.stop - 1}" if len(w.lines) > 1 else "")
            stale.append(Finding(path, w.line, 1, RuleId.WAIVER, f"the waiver of claims.{w.rule} waives nothing on "
                                 f"{where}: remove it"))
    return kept, waived, stale


# ---------------------------------------------------------------- in the claims


def _claim_waiver(waiver: ClaimWaiver, ident: str) -> tuple[RuleId | None, list[str]]:
    """A claim's waiver: its rule if it is usable (a rule it may waive, a reason), and what is wrong with it.

    One judgement, for the check that reports it and for applying it.
    """
    rule, problem = rule_of(waiver.rule)
    problems = [] if rule is not None else [f"claim {ident}: a waiver {problem}" + _write(problem, _CLAIM_FORM)]
    if not has_reason(waiver.reason):
        problems.append(f"claim {ident}: a waiver gives no reason; write {_CLAIM_FORM}")
    return (rule if not problems else None), problems


@dataclass(frozen=True)
class _Span:
    waiver: ArticleWaiver
    where: Location
    rule: RuleId
    start: int
    end: int


def _article_waiver(waiver: ArticleWaiver, loc: Location, article: Article | None) -> tuple[_Span | None, list[str]]:
    """A ``waivers:`` entry: the span of the article it is about (widened to its quotation marks) if it is usable,
    and what is wrong with it. One judgement, for the check that reports it and for applying it.
    """
    rule, problem = rule_of(waiver.rule)
    problems = [f"the waiver {problem}"] if rule is None else []
    if not has_reason(waiver.reason):
        problems.append("the waiver gives no reason")
    where: tuple[int, int] | str = ""
    if not waiver.text.strip():
        problems.append("the waiver names no text of the article")
    elif article is not None:
        where = article.anchor(waiver.text, waiver.prefix, waiver.suffix)
        if isinstance(where, str):
            problems.append(f"the waiver's text: {where}")
    if rule is None or problems or isinstance(where, str) or article is None:
        return None, problems
    start, end = where
    if start > 0 and article.text[start - 1] in QUOTE_CHARS:
        start -= 1
    return _Span(waiver, loc, rule, start, end), problems


@on_project(WAIVER, needs_article=False)
def claim_waivers_written(ctx: SourceContext) -> None:
    """Each waiver on a claim or in ``waivers:`` names a rule it may waive, a reason, and (in the article) its text."""
    for claim in ctx.project.claims.values():
        for waiver in claim.waive:
            for message in _claim_waiver(waiver, claim.id)[1]:
                ctx.report(claim.id, WAIVER, message)
    article = ctx.project.article
    for waiver, loc in ctx.project.waivers:
        for problem in _article_waiver(waiver, loc, article)[1]:
            ctx.report_at(loc.path, loc.line, loc.col, WAIVER, problem + _write(problem, _ARTICLE_FORM))


def _article_spans(project: Project) -> list[_Span]:
    """The usable ``waivers:`` entries, each with the span of the article it is about."""
    article = project.article
    spans = (_article_waiver(waiver, loc, article)[0] for waiver, loc in project.waivers) if article is not None else ()
    return [span for span in spans if span is not None]


def _line_starts(text: str) -> list[int]:
    """The offset each line of ``text`` starts at: found once, for every finding a waiver is looked up for."""
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _offset(starts: list[int], line: int, col: int) -> int:
    """The offset of a 1-based line and column (a line past the last is read as the last)."""
    return starts[max(0, min(line, len(starts)) - 1)] + col - 1


def waive_claims(project: Project, findings: Iterable[Finding], ran: frozenset[str], places: Places,
                 *, misplaced: bool) -> tuple[list[Finding], list[Waived], list[Finding]]:
    """Findings at claims and in the article after the claims' waivers: kept, waived, and the stale waivers.

    ``ran``: the rules whose checks ran (a waiver of another rule is judged where it runs);
    ``misplaced``: also report the waivers of rules never reported where they are written.
    """
    by_claim: dict[str, list[tuple[RuleId, str]]] = {}
    for claim in project.claims.values():
        for waiver in claim.waive:
            rule = _claim_waiver(waiver, claim.id)[0]
            if rule is not None:
                by_claim.setdefault(claim.id, []).append((rule, waiver.reason))
    spans = _article_spans(project)
    article = project.article
    kept: list[Finding] = []
    waived: list[Waived] = []
    used: set[tuple[str, RuleId]] = set()
    used_spans: set[int] = set()
    starts: list[int] | None = None
    for f in findings:
        hit: Waived | None = None
        loc = project.where.get(f.claim) if f.claim else None
        if f.rule not in UNWAIVABLE and loc is not None and (f.path, f.line) == (loc.path, loc.line):
            reason = next((r for rule, r in by_claim.get(f.claim or "", []) if rule == f.rule), None)
            if reason is not None:
                hit = Waived(f, reason, loc.path, loc.line)
                used.add((f.claim or "", f.rule))
        elif f.rule not in UNWAIVABLE and article is not None and f.path == article.path and spans:
            if starts is None:
                starts = _line_starts(article.text)
            offset = _offset(starts, f.line, f.col)
            n = next((i for i, s in enumerate(spans) if s.rule == f.rule and s.start <= offset < s.end), None)
            if n is not None:
                hit = Waived(f, spans[n].waiver.reason, spans[n].where.path, spans[n].where.line)
                used_spans.add(n)
        if hit is None:
            kept.append(f)
        else:
            waived.append(hit)
    stale: list[Finding] = []
    for ident, rules in by_claim.items():
        for rule, _reason in rules:
            if (ident, rule) in used:
                continue
            if rule not in places.claims:
                if misplaced:
                    stale.append(project.finding(ident, RuleId.WAIVER, f"claim {ident}: the waiver of claims.{rule} "
                                                 f"waives nothing: {_elsewhere(rule, places)}"))
            elif rule in ran:
                stale.append(project.finding(ident, RuleId.WAIVER, f"claim {ident}: the waiver of claims.{rule} waives "
                                             "nothing (no such finding at this claim): remove it"))
    for n, span in enumerate(spans):
        if n in used_spans or not (span.rule in ran or (misplaced and span.rule not in IN_ARTICLE)):
            continue
        hint = "remove it" if span.rule in IN_ARTICLE else _elsewhere(span.rule, places)
        stale.append(Finding(span.where.path, span.where.line, span.where.col, RuleId.WAIVER,
                             f"the waiver of claims.{span.rule} for {shorten(span.waiver.text, 60)!r} waives nothing: {hint}"))
    return kept, waived, stale


RULES = (WAIVER,)
CHECKS = (claim_waivers_written,)
