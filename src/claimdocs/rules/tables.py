"""The lookup tables the page rules share, built once per project.

A page check asks the same questions thousands of times on a large site: which
claims have this figure, which role claims give this office, is this text a
quotation of the article. The answers are indexed here once per project (and
rebuilt when a claim, an entity or the article is replaced), then read by every
page, in this process or in the worker processes that inherit them.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from claimdocs.article import nearest_in
from claimdocs.lexicon import (
    Lexicon,
    fold,
    lower_phrase_re,
    norm,
    phrase_re,
    quotations,
    strip_quotes,
    word_spans,
    words,
)
from claimdocs.model import Assertion, Event, Quantity, Quote, Role, Term
from claimdocs.project import Project
from claimdocs.quantities import Figure, FigureKey, Hedge, find_figures, find_times, parse_figure, parse_time
from claimdocs.registry import ENTITY_MARK


@dataclass
class Tables:
    """What the page rules look up, built once per project."""

    claim_ids: list[str]
    entity_ids: list[str]
    figure: dict[str, Figure | None]  # claim id -> its own figure
    canonical: dict[str, str | None]  # event claim id -> canonical time
    by_key: dict[FigureKey, list[str]]  # figure key -> quantity claim ids
    by_value: dict[tuple[str | None, float], list[str]]  # (unit, value) -> quantity claim ids
    by_time: dict[str, list[str]]
    quotes: dict[str, str]  # quote (or term) claim id -> folded text without surrounding quote marks
    names: dict[str, set[str]]  # entity id -> folded lowercase names
    name_to_entity: dict[str, str]
    office_re: re.Pattern[str] | None  # on folded, lowercased text (lexicon.lower_phrase_re)
    roles_by_office: dict[str, list[Role]]
    role_office_re: dict[str, re.Pattern[str] | None]
    #: Role claim id -> its offices with each registered name written as its entity
    #: (:meth:`claimdocs.registry.Registry.as_entities`); None when no office names an entity.
    role_named_office_re: dict[str, re.Pattern[str] | None]
    article_folded: str
    article_quotations: list[str]  # folded text inside the article's own quotation marks
    sentences: list[tuple[int, int]]  # the article's sentences
    sentence_words: list[set[str]]  # the words of each sentence of the article, folded lowercase
    longest_name: int  # characters of the longest registered name (how far a name may reach)
    trace: TraceIndex
    #: What a rule family works out once a project and keeps (by family: claim id -> its answer).
    memo: dict[str, dict[str, Any]] = field(default_factory=dict)
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


@dataclass
class TraceIndex:
    """The article as the tracing rules read it: the words and stems of each sentence, and where claims rest.

    Built once a project; every page sentence is then checked with set lookups only.
    """

    #: Per article sentence: the stems of its words (a compound's parts too).
    sentence_stems: list[frozenset[str]]
    #: Per article sentence: its words, normalised (:func:`claimdocs.lexicon.norm`).
    sentence_words: list[frozenset[str]]
    #: Per article sentence: every entity a registered name names there (overlaps included), and every
    #: entity of the sentence before whose pronoun it uses ("Her actions" after a sentence naming Levi).
    sentence_entities: list[frozenset[str]]
    #: Per article sentence: its negations (:attr:`claimdocs.lexicon.Lexicon.negation_re`), each with the
    #: words it governs (:func:`negations_in`).
    sentence_negations: list[tuple[Negation, ...]]
    #: Per article sentence: the stems its negations govern, together.
    sentence_negated: list[frozenset[str]]
    #: Per article sentence: the stems of its words outside every negation and what it governs.
    sentence_unnegated: list[frozenset[str]]
    #: Every stem of the article.
    article_stems: frozenset[str]
    #: Every word of the article, normalised: a capitalised page word whose lowercase is here is a word, not a name.
    article_words: frozenset[str]
    #: Claim id -> the indices of the article sentences its evidence lies in.
    claim_sentences: dict[str, tuple[int, ...]]
    #: Per article sentence: the ids of the claims whose evidence lies in it, sorted.
    sentence_claims: list[tuple[str, ...]]
    #: Entity id -> the indices of the article sentences its own evidence (the registry's) lies in.
    entity_sentences: dict[str, tuple[int, ...]]
    #: Claim id -> the negations of its evidence itself (what a restatement may not drop).
    evidence_negations: dict[str, tuple[str, ...]]
    #: Claim id -> the stems of its evidence itself.
    evidence_stems: dict[str, frozenset[str]]
    _unions: dict[tuple[str, tuple[int, ...]], frozenset[str]] = field(default_factory=dict)

    def union(self, what: str, indices: tuple[int, ...]) -> frozenset[str]:
        """The stems, words or entities of these article sentences together (remembered: pages repeat them)."""
        if not indices:
            return frozenset()
        key = (what, indices)
        found = self._unions.get(key)
        if found is None:
            per = {"stems": self.sentence_stems, "words": self.sentence_words, "entities": self.sentence_entities,
                   "negated": self.sentence_negated, "unnegated": self.sentence_unnegated}[what]
            found = per[indices[0]] if len(indices) == 1 else frozenset().union(*(per[i] for i in indices))
            if len(self._unions) > 65536:
                self._unions.clear()
            self._unions[key] = found
        return found

    def sentences_of(self, claim_ids: Iterable[str], entity_ids: Iterable[str] = ()) -> tuple[int, ...]:
        """The article sentences the claims' evidence (and the entities' own evidence) lie in, in order."""
        found: set[int] = set()
        for ident in claim_ids:
            found.update(self.claim_sentences.get(ident, ()))
        for ident in entity_ids:
            found.update(self.entity_sentences.get(ident, ()))
        return tuple(sorted(found))


#: How many content words after a negation it governs: "without consulting the residents" governs
#: "consulting" and "residents"; "fails to repair the bridge", "repair" and "bridge".
NEGATION_SCOPE = 2


class Negation(NamedTuple):
    """A negation in a text, and what it governs."""

    start: int
    word: str
    #: The stems of the first :data:`NEGATION_SCOPE` content words after it (function and polarity words skipped).
    governed: frozenset[str]
    #: Where the last of them ends (its start when it governs nothing).
    reach: int
    #: The stems of the :data:`NEGATION_SCOPE` content words before it, what it is said of ("the group fails
    #: to release": "group"); worked out for the article's negations only.
    anchor: frozenset[str] = frozenset()


def negations_in(lexicon: Lexicon, text: str, start: int, end: int, *, anchors: bool = False) -> Iterator[Negation]:
    """The negations of ``text[start:end]``, each with the words it governs, up to ``end``."""
    for m in lexicon.negation_re.finditer(text, start, end):
        governed: list[str] = []
        reach = m.end()
        for w in word_spans(text, m.end(), end):
            key = norm(w.group())
            if not _content(lexicon, key):
                continue
            governed.append(lexicon.stems(key)[0])
            reach = w.end()
            if len(governed) == NEGATION_SCOPE:
                break
        anchor: list[str] = []
        if anchors:
            before = [k for k in (norm(w.group()) for w in word_spans(text, start, m.start())) if _content(lexicon, k)]
            anchor = [lexicon.stems(k)[0] for k in before[-NEGATION_SCOPE:]]
        yield Negation(m.start(), m.group(), frozenset(governed), reach, frozenset(anchor))


def _content(lexicon: Lexicon, key: str) -> bool:
    """A word that may be what a negation denies: not a function or polarity word, not a number."""
    memo = lexicon.memo("negatable")
    found = memo.get(key)
    if found is None:
        found = memo[key] = (
            key not in lexicon.stopwords and lexicon.is_polarity(key) is None and any(c.isalpha() for c in key)
        )
    return bool(found)


def _trace_index(project: Project) -> TraceIndex:
    article = project.article
    lexicon = project.lexicon
    if article is None:
        return TraceIndex([], [], [], [], [], [], frozenset(), frozenset(), {}, [], {}, {}, {})
    spans = article.sentences
    sentence_words: list[frozenset[str]] = []
    sentence_stems: list[frozenset[str]] = []
    for s, e in spans:
        normed = frozenset(norm(m.group()) for m in word_spans(article.text, s, e))
        sentence_words.append(normed)
        sentence_stems.append(frozenset(stem for w in normed for stem in lexicon.stems(w)))
    registry = project.registry
    named = [registry.named_anywhere(article.text[s:e]) for s, e in spans]
    sentence_entities = []
    for i, (s, e) in enumerate(spans):
        before = named[i - 1] if i else set()
        referred = {ent for ent in before if registry.pronoun_for(ent, article.text[s:e])}
        sentence_entities.append(frozenset(named[i] | referred))
    sentence_negations = [tuple(negations_in(lexicon, article.text, s, e, anchors=True)) for s, e in spans]
    sentence_unnegated = []
    for (s, e), negations in zip(spans, sentence_negations, strict=True):
        under = [(n.start, n.reach) for n in negations]
        sentence_unnegated.append(frozenset(
            stem for m in word_spans(article.text, s, e) if not any(a <= m.start() < b for a, b in under)
            for stem in lexicon.stems(norm(m.group()))
        ))
    starts = [s for s, _e in spans]

    def covering(start: int, end: int) -> tuple[int, ...]:
        out = []
        i = max(0, bisect.bisect_right(starts, start) - 1)
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] > start:
                out.append(i)
            i += 1
        return tuple(out)

    claim_sentences = {c.id: covering(c.evidence.start, c.evidence.end) for c in project.claims.values()}
    for claim in project.claims.values():
        # a contested assertion rests on its contest too: the next sentences naming a contester
        if isinstance(claim, Assertion) and claim.contested_by and claim_sentences[claim.id]:
            last = claim_sentences[claim.id][-1]
            for i in range(last + 1, min(last + 3, len(spans))):
                if set(claim.contested_by) & named[i]:
                    claim_sentences[claim.id] += (i,)
                    break
    by_sentence: list[list[str]] = [[] for _ in spans]
    for ident, indices in claim_sentences.items():
        for i in indices:
            by_sentence[i].append(ident)
    entity_sentences = {
        e.id: covering(e.evidence.start, e.evidence.end) for e in project.entities.values() if e.evidence is not None
    }
    spans_of = {c.id: (c.evidence.start, c.evidence.end) for c in project.claims.values()}
    # worked out once an evidence span: claims that rest on the same words share them
    negations_at = {
        (s, e): tuple(m.group().lower() for m in lexicon.negation_re.finditer(article.text, s, e))
        for s, e in set(spans_of.values())
    }
    stems_at = {
        (s, e): frozenset(stem for m in word_spans(article.text, s, e) for stem in lexicon.stems(norm(m.group())))
        for s, e in set(spans_of.values())
    }
    return TraceIndex(
        sentence_stems=sentence_stems,
        sentence_words=sentence_words,
        sentence_entities=sentence_entities,
        sentence_negations=sentence_negations,
        sentence_negated=[frozenset().union(*(n.governed for n in ns)) for ns in sentence_negations],
        sentence_unnegated=sentence_unnegated,
        article_stems=frozenset().union(*sentence_stems) if sentence_stems else frozenset(),
        article_words=frozenset().union(*sentence_words) if sentence_words else frozenset(),
        claim_sentences=claim_sentences,
        sentence_claims=[tuple(sorted(ids)) for ids in by_sentence],
        entity_sentences=entity_sentences,
        evidence_negations={ident: negations_at[span] for ident, span in spans_of.items()},
        evidence_stems={ident: stems_at[span] for ident, span in spans_of.items()},
    )


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


def claim_unit(claim: Quantity, fig: Figure | None) -> str | None:
    """The claim's unit: as it says, else as the grammar reads its text."""
    return claim.unit if claim.unit is not None else (fig.unit if fig is not None else None)


def claim_key(claim: Quantity, fig: Figure) -> FigureKey:
    """What a marker's figure must share with a quantity claim (:attr:`claimdocs.quantities.Figure.key`)."""
    unit = claim_unit(claim, fig)
    if claim.hedge is Hedge.VAGUE or fig.hedge is Hedge.VAGUE:
        return (fig.key[0], unit, fig.key[2])
    if claim.hedge is Hedge.RANGE:
        low = claim.low if claim.low is not None else fig.low
        high = claim.high if claim.high is not None else fig.high
        return (Hedge.RANGE, unit, (low, high))
    return (claim.hedge, unit, claim.value if claim.value is not None else fig.value)


def build(project: Project) -> Tables:
    figure: dict[str, Figure | None] = {}
    canonical: dict[str, str | None] = {}
    by_key: dict[FigureKey, list[str]] = {}
    by_value: dict[tuple[str | None, float], list[str]] = {}
    by_time: dict[str, list[str]] = {}
    quotes: dict[str, str] = {}
    roles_by_office: dict[str, list[Role]] = {}
    role_office_re: dict[str, re.Pattern[str] | None] = {}
    role_named_office_re: dict[str, re.Pattern[str] | None] = {}
    registry = project.registry
    for ident in sorted(project.claims):
        claim = project.claims[ident]
        if isinstance(claim, Quantity):
            fig = figure_of(claim.text)
            figure[ident] = fig
            if fig is not None:
                by_key.setdefault(claim_key(claim, fig), []).append(ident)
                value = claim.value if claim.value is not None else fig.value
                if value is not None:
                    by_value.setdefault((claim_unit(claim, fig), value), []).append(ident)
        elif isinstance(claim, Event):
            t = parse_time(claim.text)
            if t is None:
                found = find_times(claim.text)
                t = found[0] if found else None
            canonical[ident] = t.canonical if t else None
            if t is not None:
                by_time.setdefault(t.canonical, []).append(ident)
        elif isinstance(claim, Quote | Term):
            quotes[ident] = fold(strip_quotes(claim.text))
        elif isinstance(claim, Role):
            role_office_re[ident] = phrase_re(claim.office)
            named = [registry.as_entities(o) for o in claim.office]
            role_named_office_re[ident] = phrase_re(named) if any(ENTITY_MARK in o for o in named) else None
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
        office_re=lower_phrase_re(roles_by_office),
        roles_by_office=roles_by_office,
        role_office_re=role_office_re,
        role_named_office_re=role_named_office_re,
        article_folded=fold(article.text) if article is not None else "",
        article_quotations=[fold(article.text[q.start : q.end]) for q in quotations(article.text)] if article else [],
        sentences=list(article.sentences) if article else [],
        sentence_words=[words_of(article.text[s:e]) for s, e in article.sentences] if article else [],
        longest_name=max((len(n) for ns in names.values() for n in ns), default=0),
        trace=_trace_index(project),
    )
