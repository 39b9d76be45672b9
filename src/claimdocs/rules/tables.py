"""The lookup tables the page rules share, built once per project.

A page check asks the same questions thousands of times on a large site: which
claims have this figure, which role claims give this office, is this text a
quotation of the article. The answers are indexed here once per project (and
rebuilt when a claim, an entity or the article is replaced), then read by every
page, in this process or in the worker processes that inherit them.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from claimdocs.article import nearest_in
from claimdocs.lexicon import fold, phrase_re, quotations, strip_quotes, words
from claimdocs.model import Event, Quantity, Quote, Role
from claimdocs.project import Project
from claimdocs.quantities import Figure, Hedge, find_figures, find_times, parse_figure, parse_time


@dataclass
class Tables:
    """What the page rules look up, built once per project."""

    claim_ids: list[str]
    entity_ids: list[str]
    figure: dict[str, Figure | None]  # claim id -> its own figure
    canonical: dict[str, str | None]  # event claim id -> canonical time
    by_key: dict[tuple[object, object], list[str]]  # figure key -> quantity claim ids
    by_value: dict[float, list[str]]
    by_time: dict[str, list[str]]
    quotes: dict[str, str]  # quote claim id -> folded text without surrounding quote marks
    names: dict[str, set[str]]  # entity id -> folded lowercase names
    name_to_entity: dict[str, str]
    office_re: re.Pattern[str] | None
    roles_by_office: dict[str, list[Role]]
    role_office_re: dict[str, re.Pattern[str] | None]
    article_folded: str
    article_quotations: list[str]  # folded text inside the article's own quotation marks
    sentences: list[tuple[int, int]]  # the article's sentences
    sentence_words: list[set[str]]  # the words of each sentence of the article, folded lowercase
    longest_name: int  # characters of the longest registered name (how far a name may reach)
    nearest: dict[str, str] = field(default_factory=dict)
    close: dict[tuple[int, str], str] = field(default_factory=dict)

    def nearest_text(self, article: str, text: str) -> str:
        """:func:`claimdocs.article.nearest_in`, over the three article sentences sharing most words with ``text``.

        difflib over the whole article costs seconds for a long or repetitive text; the
        window most like a text lies, for any real text, in the sentences sharing its words.
        """
        wanted = words_of(text)
        scored = sorted(
            ((len(wanted & sw), i) for i, sw in enumerate(self.sentence_words) if wanted & sw),
            key=lambda pair: (-pair[0], pair[1]),
        )[:3]
        if not scored:
            return nearest_in(article, text[:40])
        spans = self.sentences
        region = " ".join(article[spans[i][0] : spans[i][1]] for _n, i in sorted(scored, key=lambda pair: pair[1]))
        return nearest_in(region, text)


_CACHE: dict[int, tuple[weakref.ref[Project], tuple[int, ...], Tables]] = {}


def _signature(project: Project) -> tuple[int, ...]:
    """Changes when a claim, an entity or the article is added, removed or replaced."""
    # map(id, ...) runs in C: a few microseconds a thousand claims, checked once a page
    return (id(project.article), *map(id, project.claims.values()), -1, *map(id, project.entities.values()))


def tables_of(project: Project) -> Tables:
    """The project's tables: from the cache while nothing was replaced, else built anew."""
    key = id(project)
    hit = _CACHE.get(key)
    sig = _signature(project)
    if hit is not None and hit[0]() is project and hit[1] == sig:
        return hit[2]
    tables = build(project)

    def _forget(ref: weakref.ref[Project], key: int = key) -> None:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ref:
            del _CACHE[key]

    _CACHE[key] = (weakref.ref(project, _forget), sig, tables)
    return tables


def words_of(text: str) -> set[str]:
    """The words of a text, folded and lowercase."""
    return {w.lower() for w in words(fold(text))}


def figure_of(text: str) -> Figure | None:
    """The figure a claim's or a marker's text is; failing that, the first one in it."""
    fig = parse_figure(text)
    if fig is None:
        found = find_figures(text)
        fig = found[0] if found else None
    return fig


def claim_key(claim: Quantity, fig: Figure) -> tuple[object, object]:
    """What a marker's figure must share with a quantity claim: its vague word, or hedge and value."""
    if claim.hedge is Hedge.VAGUE or fig.hedge is Hedge.VAGUE:
        return fig.key
    return (claim.hedge, claim.value if claim.value is not None else fig.value)


def build(project: Project) -> Tables:
    figure: dict[str, Figure | None] = {}
    canonical: dict[str, str | None] = {}
    by_key: dict[tuple[object, object], list[str]] = {}
    by_value: dict[float, list[str]] = {}
    by_time: dict[str, list[str]] = {}
    quotes: dict[str, str] = {}
    roles_by_office: dict[str, list[Role]] = {}
    role_office_re: dict[str, re.Pattern[str] | None] = {}
    for ident in sorted(project.claims):
        claim = project.claims[ident]
        if isinstance(claim, Quantity):
            fig = figure_of(claim.text)
            figure[ident] = fig
            if fig is not None:
                by_key.setdefault(claim_key(claim, fig), []).append(ident)
                value = claim.value if claim.value is not None else fig.value
                if value is not None:
                    by_value.setdefault(value, []).append(ident)
        elif isinstance(claim, Event):
            t = parse_time(claim.text)
            if t is None:
                found = find_times(claim.text)
                t = found[0] if found else None
            canonical[ident] = t.canonical if t else None
            if t is not None:
                by_time.setdefault(t.canonical, []).append(ident)
        elif isinstance(claim, Quote):
            quotes[ident] = fold(strip_quotes(claim.text))
        elif isinstance(claim, Role):
            role_office_re[ident] = phrase_re(claim.office)
            for word in claim.office:
                roles_by_office.setdefault(fold(word).lower().strip(), []).append(claim)
    names: dict[str, set[str]] = {}
    name_to_entity: dict[str, str] = {}
    for ent in project.entities.values():
        names[ent.id] = {fold(n).lower().strip() for n in ent.names}
        for n in names[ent.id]:
            name_to_entity.setdefault(n, ent.id)
    article = project.article
    return Tables(
        claim_ids=sorted(project.claims),
        entity_ids=sorted(project.entities),
        figure=figure,
        canonical=canonical,
        by_key=by_key,
        by_value=by_value,
        by_time=by_time,
        quotes=quotes,
        names=names,
        name_to_entity=name_to_entity,
        office_re=phrase_re(roles_by_office),
        roles_by_office=roles_by_office,
        role_office_re=role_office_re,
        article_folded=fold(article.text) if article is not None else "",
        article_quotations=[fold(article.text[q.start : q.end]) for q in quotations(article.text)] if article else [],
        sentences=list(article.sentences) if article else [],
        sentence_words=[words_of(article.text[s:e]) for s, e in article.sentences] if article else [],
        longest_name=max((len(n) for ns in names.values() for n in ns), default=0),
    )
