"""Coverage: every figure, date and quotation of the article has a claim.

``coverage``
    A figure (digits, number words, vague quantities), a date or relative time, or
    a quotation of the article lies outside the evidence of every claim of its
    kind (quantity, event; a quote, or a term for words the article quotes in its
    own voice) whose text matches it. Reported at its place in the article.

What counts as a figure or a time is the grammar's (:mod:`claimdocs.quantities`);
what counts as a quotation is :func:`claimdocs.lexicon.quotations`. The summary of
every run gives the share covered.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimdocs.article import Article
from claimdocs.findings import RuleId
from claimdocs.lexicon import fold, quotations
from claimdocs.model import AnyClaim, Event, Quantity, Quote, Term
from claimdocs.project import Project
from claimdocs.quantities import find_figures, find_times
from claimdocs.rules.context import SourceContext
from claimdocs.rules.rule import Rule, on_project

COVERAGE = Rule(RuleId.COVERAGE, "A figure, date or quotation of the article has no claim.", "article")


@dataclass
class Coverage:
    figures: int
    times: int
    quotations: int
    uncovered: list[tuple[str, int, int, str]]  # (what, start, end, text)

    @property
    def total(self) -> int:
        return self.figures + self.times + self.quotations

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else 100.0 * (self.total - len(self.uncovered)) / self.total


def _spans_of(project: Project, kind: type[AnyClaim] | tuple[type[AnyClaim], ...]) -> list[tuple[int, int, str]]:
    out = []
    for claim in project.claims.values():
        if isinstance(claim, kind):
            ev = claim.evidence
            out.append((ev.start, ev.end, fold(claim.written or ev.exact).lower()))
    return out


def coverage(project: Project, article: Article) -> Coverage:
    """Which figures, dates and quotations of the article some claim covers."""
    text = article.text
    uncovered: list[tuple[str, int, int, str]] = []

    def covered(spans: list[tuple[int, int, str]], s: int, e: int, written: str) -> bool:
        w = fold(written).lower()
        return any(cs <= s and e <= ce and (w in ct or ct in w) for cs, ce, ct in spans)

    numeric = _spans_of(project, Quantity)
    figures = find_figures(text)
    for f in figures:
        if not covered(numeric, f.start, f.end, f.text):
            uncovered.append(("figure", f.start, f.end, f.text))
    temporal = _spans_of(project, Event)
    times = find_times(text)
    for t in times:
        if not covered(temporal, t.start, t.end, t.text):
            uncovered.append(("date or time", t.start, t.end, t.text))
    quoted = _spans_of(project, (Quote, Term))
    found = list(quotations(text))
    for q in found:
        if not covered(quoted, q.start, q.end, text[q.start : q.end]):
            uncovered.append(("quotation", q.open, q.close, text[q.open : q.close]))
    return Coverage(len(figures), len(times), len(found), uncovered)


@on_project(COVERAGE)
def covered_by_claims(ctx: SourceContext) -> None:
    for what, start, _end, written in coverage(ctx.project, ctx.article).uncovered:
        ctx.report_in_article(
            start, COVERAGE, f"{what} {written!r} in the article has no claim; add a claim whose evidence covers it"
        )


RULES = (COVERAGE,)
CHECKS = (covered_by_claims,)
