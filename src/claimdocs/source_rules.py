"""Source to claims: every claim is anchored, exactly once, in the pinned article.

Also checks that a claim's value and hedge are what its evidence says, that a
quotation is a contiguous span of the article and that its speaker is named
around it, that references resolve, and that every figure, date and quotation of
the article is covered by some claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimdocs.article import Article, fold
from claimdocs.model import Assertion, EntityKind, Event, Quantity, Quote, Role, Stance, Statement
from claimdocs.project import Project
from claimdocs.quantities import Figure, find_figures, find_times, parse_figure, parse_time
from claimdocs.reporting import Finding

_QUOTATION = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


def check_source(project: Project) -> list[Finding]:
    """All article-to-claims findings, load-time problems included, sorted."""
    findings = list(project.findings)
    findings += _references(project)
    if project.article is not None:
        findings += _evidence(project, project.article)
        findings += coverage(project, project.article).findings
    return sorted(set(findings))


# ---------------------------------------------------------------- references


def _references(project: Project) -> Iterator[Finding]:
    entities = project.entities
    for claim in project.claims.values():
        refs: list[tuple[str, str | None]] = []
        match claim:
            case Quantity():
                refs.append(("according_to", claim.according_to))
            case Quote():
                refs.append(("speaker", claim.speaker))
            case Role():
                refs += [("person", claim.person), ("organisation", claim.organisation)]
            case Stance():
                refs += [("actors", a) for a in claim.actors] + [("according_to", claim.according_to)]
            case Statement():
                refs += [("about", a) for a in claim.about]
            case Assertion():
                refs += [("asserted_by", a) for a in claim.asserted_by]
                refs += [("contested_by", a) for a in claim.contested_by]
        for field_name, ref in refs:
            if ref is not None and ref not in entities:
                hint = _closest(ref, entities)
                yield project.finding(
                    claim.id, "reference",
                    f"claim {claim.id}: {field_name} names unknown entity {ref!r}{hint}; add it to the entity registry",
                )


def _closest(ref: str, options: dict[str, object]) -> str:
    import difflib

    near = difflib.get_close_matches(ref, list(options), n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""


# ---------------------------------------------------------------- evidence


def anchor(article: Article, exact: str, prefix: str = "", suffix: str = "") -> tuple[int, int] | str:
    """Offsets of the span, or a message saying why it cannot be anchored."""
    found = article.find_all(exact, prefix, suffix)
    if len(found) == 1:
        return found[0].start, found[0].end
    if not found:
        return f"evidence not found in the article: {_short(exact)!r}; nearest text in the source is {article.nearest(exact)!r}"
    places = ", ".join("line {}:{}".format(*article.line_col(m.start)) for m in found[:5])
    return f"evidence found {len(found)} times in the article ({places}): {_short(exact)!r}; add a prefix or suffix to make it unique"


def _short(text: str, limit: int = 90) -> str:
    text = fold(text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _evidence(project: Project, article: Article) -> Iterator[Finding]:
    for claim in project.claims.values():
        ev = claim.evidence
        where = anchor(article, ev.exact, ev.prefix, ev.suffix)
        if isinstance(where, str):
            yield project.finding(claim.id, "evidence", f"claim {claim.id}: {where}")
            continue
        start, end = where
        if (start, end) != (ev.start, ev.end):
            yield project.finding(
                claim.id, "offsets",
                f"claim {claim.id}: evidence offsets differ: claim says {ev.start}-{ev.end}, "
                f"the text is at {start}-{end} in the article",
            )
        yield from _kind_checks(project, article, claim, start, end)
    for entity in project.entities.values():
        if entity.evidence is None:
            continue
        ev = entity.evidence
        where = anchor(article, ev.exact, ev.prefix, ev.suffix)
        if isinstance(where, str):
            yield project.finding(entity.id, "evidence", f"entity {entity.id}: {where}")
        elif where != (ev.start, ev.end):
            yield project.finding(
                entity.id, "offsets",
                f"entity {entity.id}: evidence offsets differ: says {ev.start}-{ev.end}, the text is at {where[0]}-{where[1]}",
            )


def _context(article: Article, start: int, end: int, before: int = 3, after: int = 1) -> str:
    """The sentences around a span: where a speaker or actor may be named."""
    spans = article.sentences
    idx = [i for i, (s, e) in enumerate(spans) if s < end and e > start] or [0]
    lo, hi = max(0, idx[0] - before), min(len(spans) - 1, idx[-1] + after)
    return article.text[spans[lo][0] : spans[hi][1]]


def _kind_checks(project: Project, article: Article, claim: object, start: int, end: int) -> Iterator[Finding]:
    ev_text = article.text[start:end]
    reg = project.registry
    match claim:
        case Quantity() | Event() | Quote() | Role():
            if fold(claim.text).lower() not in fold(ev_text).lower():
                yield project.finding(
                    claim.id, "evidence",
                    f"claim {claim.id}: text {claim.text!r} is not inside its evidence {_short(ev_text)!r}",
                )
                return
    match claim:
        case Quantity():
            got = _figure_in(ev_text, claim.text)
            if got is None:
                yield project.finding(claim.id, "value", f"claim {claim.id}: no figure in {claim.text!r}")
                return
            if got.hedge != claim.hedge:
                yield project.finding(
                    claim.id, "hedge",
                    f"claim {claim.id}: hedge differs from the source: claim says {claim.hedge.value}, "
                    f"evidence {got.text!r} is {got.hedge.value}",
                )
            if not _same_value(got.value, claim.value):
                yield project.finding(
                    claim.id, "value",
                    f"claim {claim.id}: value differs from the source: claim says {_num(claim.value)}, "
                    f"evidence {got.text!r} says {_num(got.value)}",
                )
        case Event():
            got_t = parse_time(claim.text)
            if got_t is None:
                yield project.finding(claim.id, "value", f"claim {claim.id}: {claim.text!r} is not a date or time expression")
            elif got_t.kind != claim.when:
                yield project.finding(
                    claim.id, "value",
                    f"claim {claim.id}: {claim.text!r} is {got_t.kind}, the claim says {claim.when}",
                )
        case Quote():
            if claim.speaker in project.entities and not _speaker_named(project, article, claim.speaker, start):
                yield project.finding(
                    claim.id, "speaker",
                    f"claim {claim.id}: speaker {reg.label(claim.speaker)!r} is not named around the quotation in the article",
                )
        case Role():
            ctx = _context(article, start, end, before=1, after=0)
            if claim.person in project.entities and claim.person not in reg.named(ctx):
                yield project.finding(
                    claim.id, "office",
                    f"claim {claim.id}: {reg.label(claim.person)!r} is not named beside the office {claim.text!r} in the article",
                )
            if not any(fold(o).lower() in fold(claim.text).lower() for o in claim.office):
                yield project.finding(
                    claim.id, "office", f"claim {claim.id}: none of the office words {claim.office} is in {claim.text!r}"
                )
            if says_former(claim.text) != (claim.status == "former"):
                yield project.finding(
                    claim.id, "office",
                    f"claim {claim.id}: status {claim.status!r} disagrees with the text {claim.text!r}",
                )
        case Stance():
            ctx = _context(article, start, end, before=2, after=0)
            named = reg.named(ctx)
            for actor in claim.actors:
                if actor in project.entities and actor not in named:
                    yield project.finding(
                        claim.id, "position",
                        f"claim {claim.id}: actor {reg.label(actor)!r} is not named around the evidence in the article",
                    )
        case Statement():
            # the people and bodies a statement is about are named around it; places are its setting
            named = reg.named_anywhere(_context(article, start, end, before=3, after=0))
            for entity in claim.about:
                ent = project.entities.get(entity)
                if ent is not None and ent.kind is not EntityKind.PLACE and entity not in named:
                    yield project.finding(
                        claim.id, "statement",
                        f"claim {claim.id}: {reg.label(entity)!r} is not named around the evidence in the article",
                    )
        case Assertion():
            ctx = _context(article, start, end, before=1, after=0)
            named = reg.named(ctx)
            for who in claim.asserted_by:
                if who in project.entities and who not in named:
                    yield project.finding(
                        claim.id, "attribution",
                        f"claim {claim.id}: {reg.label(who)!r} is not named as asserting this in the article",
                    )
            if fold(claim.verb).lower() not in fold(ev_text).lower():
                yield project.finding(
                    claim.id, "attribution", f"claim {claim.id}: verb {claim.verb!r} is not in the evidence"
                )


_FORMER = re.compile(r"\b(?:former|predecessor|ex-|previous|erstwhile)", re.IGNORECASE)


def says_former(text: str) -> bool:
    """Does an office as written say the person no longer holds it?"""
    return bool(_FORMER.search(text))


def _speaker_named(project: Project, article: Article, speaker: str, start: int) -> bool:
    """Named in the quotation's sentence, or a pronoun there with the name just before."""
    spans = article.sentences
    i = next((k for k, (s, e) in enumerate(spans) if s <= start < e), 0)
    sentence = article.text[spans[i][0] : spans[i][1]]
    if speaker in project.registry.named(sentence):
        return True
    before = article.text[spans[max(0, i - 2)][0] : spans[i][0]]
    return project.registry.pronoun_for(speaker, sentence) and speaker in project.registry.named(before)


def _figure_in(ev_text: str, written: str) -> Figure | None:
    want = fold(written).lower()
    for fig in find_figures(ev_text):
        if fold(fig.text).lower() in want or want in fold(fig.text).lower():
            return fig
    return parse_figure(written)


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a))


def _num(v: float | None) -> str:
    if v is None:
        return "no value"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


# ---------------------------------------------------------------- coverage


@dataclass
class Coverage:
    figures: int
    times: int
    quotations: int
    uncovered: list[tuple[str, int, int, str]]  # (what, start, end, text)
    findings: list[Finding]

    @property
    def total(self) -> int:
        return self.figures + self.times + self.quotations

    @property
    def percent(self) -> float:
        return 100.0 if not self.total else 100.0 * (self.total - len(self.uncovered)) / self.total


def _spans_of(project: Project, article: Article, kinds: tuple[type, ...]) -> list[tuple[int, int, str]]:
    out = []
    for claim in project.claims.values():
        if isinstance(claim, kinds):
            ev = claim.evidence
            text = getattr(claim, "text", ev.exact)
            out.append((ev.start, ev.end, fold(text).lower()))
    return out


def coverage(project: Project, article: Article) -> Coverage:
    """Which figures, dates and quotations of the article some claim covers."""
    text = article.text
    numeric = _spans_of(project, article, (Quantity,))
    temporal = _spans_of(project, article, (Event,))
    quoted = _spans_of(project, article, (Quote,))
    uncovered: list[tuple[str, int, int, str]] = []

    def covered(spans: list[tuple[int, int, str]], s: int, e: int, written: str) -> bool:
        w = fold(written).lower()
        return any(cs <= s and e <= ce and (w in ct or ct in w) for cs, ce, ct in spans)

    figures = find_figures(text)
    for f in figures:
        if not covered(numeric, f.start, f.end, f.text):
            uncovered.append(("figure", f.start, f.end, f.text))
    times = find_times(text)
    for t in times:
        if not covered(temporal, t.start, t.end, t.text):
            uncovered.append(("date or time", t.start, t.end, t.text))
    quotes = list(_QUOTATION.finditer(text))
    for q in quotes:
        inner = q.group()[1:-1]
        if not covered(quoted, q.start() + 1, q.end() - 1, inner):
            uncovered.append(("quotation", q.start(), q.end(), q.group()))
    findings = []
    for what, s, _e, written in uncovered:
        line, col = article.line_col(s)
        findings.append(
            Finding(
                article.path, line, col, "coverage",
                f"{what} {written!r} in the article has no claim; add a claim whose evidence covers it",
            )
        )
    return Coverage(len(figures), len(times), len(quotes), uncovered, findings)
