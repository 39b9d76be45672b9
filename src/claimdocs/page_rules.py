"""Claims to pages: what a MyST page writes matches the claims, and nothing factual is unmarked.

Page markup (what editors write)
================================

``{claim}`approximately 65,000 <gaza-deaths>```
    The written text, then the id of the claim it restates. The text is checked
    against the claim: a figure by value and hedge class, a date or time by its
    canonical form, a quotation verbatim, an office by its words and status, a
    stance by its actors and position word.
``{claim}`gaza-deaths```
    The bare form: the page shows the claim's own wording. The id must exist; the
    text is not checked, the sentence around it still is (speaker, source).
``{person}`Eyal Zamir <zamir>``` or ``{person}`zamir```
    Names an entity. The written text must be one of the entity's names or
    aliases (quotes, apostrophes, spaces and case folded; a possessive "'s" is fine).
``{nofact}`3```
    A number that states no fact (a section number, a step): shown as is, counted.
``{claim-quote} plesner-era`` (a directive)
    Sets a quote claim as a block quotation with its speaker: a use of the quote
    claim and of the speaker's office it shows.

Everything else in prose (paragraphs, headings, table cells, list items,
directive titles and bodies: admonitions, cards, tabs, dropdowns) is checked for
unmarked facts; code spans, code blocks, literal directives and other roles never
are (see :mod:`claimdocs.pages`).

Rules (one finding each, located where the marker or the offending text starts)
===============================================================================

``value``
    A marked figure's value, or a marked date's canonical form, differs from the claim's.
``hedge``
    The hedge class differs ("about" for "approximately" is fine; "65,000" for
    "approximately 65,000" is more precision than the source). Vague quantities
    compare by their vague word ("hundreds of thousands" is not "thousands").
``unbacked``
    Unmarked in prose: a figure (digits, number words, dozens, hundreds,
    thousands, millions, half a million, a majority; not many/several/a few), a
    date or relative time, a quotation of the article, or an office attached to a
    person who holds it per the role claims. The message suggests the claim.
``quote``
    A quotation (straight or typographic marks) is not a contiguous verbatim span
    of its claim (in a marker) or of any quotation of the article (in prose).
    Quote styles, apostrophes and whitespace are folded; case is not. A leading or
    trailing comma or period may differ, also beside an elision. Elisions are
    written "…" or "..." and each piece must be verbatim, in order.
``speaker``
    The sentence of a marked quotation does not name its speaker (by name, alias,
    a ``{person}`` marker, or one of the speaker's pronouns right after a sentence
    naming them; a sentence that is nothing but the quotation may follow a
    sentence naming the speaker that ends in ":" or ",", or the cell before it in
    the same table row), or it gives the quotation to another person: a person
    named within three words of a speech verb (:data:`SPEECH_VERBS`).
``office``
    A marked office lacks the claim's office words, says "former" (or
    "predecessor", "ex-") when the role is current or the other way round, names
    another organisation, or the nearest person named in its clause (failing
    that, its sentence) is not the role's person. In prose, an office attached to a
    person (``Name, the OFFICE`` or ``OFFICE Name``) who does not hold it per the
    role claims, or holds it with the other status (an office word that says
    "former" itself, "predecessor", counts as former). A semicolon ends the clause
    an office belongs to, not the sentence. An office word inside a registered
    name ("General" in the alias "General Zamir") is part of that name and is
    nobody's office.
``attribution``
    A marked figure or stance whose claim has ``according_to`` is in a sentence
    that does not name that source. A marked assertion is in a sentence that does
    not name who asserts it with a form of its verb, or (when contested) in a
    paragraph that does not name the contester with a form of the contest verb.
    Verb forms: :data:`VERB_FORMS`, else the first five letters of the word.
``position``
    A marked stance names other entities than the claim's actors (persons and
    groups named in the marker text; "they" does not count), no word of the
    claim's position (:data:`POSITION_WORDS`), or a word that belongs only to
    positions of the other side (for or against what the stance is about:
    "supported" beside "sanctions" for "opposed"; words of positions that take
    no side, such as "decision" or "argued", never count).
``statement``
    A marked statement (what the article says in its own voice) does not name
    every entity of the claim's ``about``: by a registered name or alias
    (possessives count) in the marker's text, or, for a marker of at most
    :data:`_SHORT_STATEMENT` words or a bare one, anywhere in its sentence
    (``{person}`` markers count). The message lists what is missing.
``syntax`` / ``unknown-id``
    Malformed markup, a ``{claim}`` without an id, an empty id; an id that does
    not exist ("did you mean ...").
``unused``
    A claim no page uses (:func:`check_unused`).

Sentences are :func:`claimdocs.article.sentence_spans` of the block's text as a
reader sees it (a bare marker reads as the claim's own words); a "sentence" that
starts in lower case continues the one before (``“… endorse.” said Plesner.``), and
context is read at most 1,500 characters either side of a marker. Hints ("nearest
text in the source is ...") come from :func:`claimdocs.article.nearest_in` over the
article's sentences sharing most words with the text, at most 50 a page.

Everything here is a pure function of the project and the page text; lookup
tables are built once per project and cached beside it, and every scan is linear
in the page, so hostile pages (a 10 MB line) cost seconds, never minutes.
"""

from __future__ import annotations

import bisect
import difflib
import fnmatch
import gc
import multiprocessing
import os
import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from claimdocs.article import QUOTE_CHARS, fold, nearest_in, sentence_spans
from claimdocs.loader import decode
from claimdocs.model import Assertion, Claim, EntityKind, Event, Quantity, Quote, Role, Stance, Statement
from claimdocs.pages import Block, Page, Segment, parse_page
from claimdocs.project import Project
from claimdocs.quantities import HEDGE_WORDS, Figure, Hedge, find_figures, find_times, parse_figure, parse_time
from claimdocs.registry import fold_same_length
from claimdocs.reporting import Finding
from claimdocs.text import trie_pattern

__all__ = [
    "POSITION_WORDS",
    "SPEECH_VERBS",
    "VERB_FORMS",
    "PageResult",
    "PagesResult",
    "Use",
    "check_page",
    "check_pages",
    "check_unused",
    "prepare",
]


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Use:
    """One claim marker on a page (``role`` "claim"), or one entity marker (``role`` "person")."""

    claim: str
    path: str
    line: int
    col: int
    text: str
    role: str


@dataclass
class PageResult:
    findings: list[Finding]
    uses: list[Use]
    nofact: int


@dataclass
class PagesResult:
    findings: list[Finding]
    uses: list[Use]
    summary: dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------- word tables

#: Words that state each position of a stance (folded, lowercase; whole words).
POSITION_WORDS: dict[str, tuple[str, ...]] = {
    "opposed": ("opposed", "opposes", "oppose", "opposing", "opposition", "objected", "objection", "objections",
                "reservations", "against", "disagreed", "at odds", "condemned", "condemns", "condemn",
                "condemnation", "sanctions", "sanctioned"),
    "favored": ("favored", "favoured", "favor", "favour", "favors", "favours", "supported", "supports", "support",
                "backed", "backs", "preferred", "advocated", "advocates"),
    "warned": ("warned", "warns", "warning", "cautioned", "cautions"),
    "concerned": ("concerned", "concern", "concerns", "worried", "worries", "reservations"),
    "argued": ("argued", "argues", "contended", "contends", "said", "says"),
    "demanded": ("demanded", "demanding", "demands", "insisted", "insists"),
    "decided": ("decided", "decides", "decision", "directive", "ordered", "orders", "launched"),
    "rejected": ("rejected", "rejects", "refused", "refuses"),
    "accepted": ("accepted", "accepts", "agreed", "agrees"),
    "denied": ("denied", "denies", "deny"),
    "praised": ("praised", "praises", "praising"),
    "vowed": ("vowed", "vows", "pledged", "pledges"),
    "affirmed": ("affirmed", "affirms", "underscored", "underscores", "said", "says"),
    "remained": ("remained", "remain", "remains", "stayed", "stays"),
    "skeptical": ("skeptical", "sceptical", "doubt", "doubts", "doubtful"),
    "preferred": ("prefer", "prefers", "preferred", "favor", "favour", "favored", "favoured"),
}

#: Verbs that give a quotation to whoever is named within three words of them (either order);
#: "according to" only with the name after it.
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "noted", "notes", "added", "adds", "elaborated", "elaborates", "stated", "states",
    "told", "tells", "affirmed", "affirms", "vowed", "vows", "warned", "warns", "argued", "argues", "praised",
    "praising", "explained", "explains", "remarked", "declared", "insisted", "wrote", "writes", "asked",
    "replied", "continued", "highlighted", "underscored", "according to",
)

#: Forms of the attributing verbs of assertions; a word not listed compares by its first five letters.
VERB_FORMS: dict[str, tuple[str, ...]] = {
    "contend": ("contend", "contends", "contended", "contending"),
    "accuse": ("accuse", "accuses", "accused", "accusing", "accusation", "accusations"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "deny": ("deny", "denies", "denied", "denying", "denial", "denials"),
    "report": ("report", "reports", "reported", "reporting"),
    "state": ("state", "states", "stated", "stating"),
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "believe": ("believe", "believes", "believed", "believing"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "allege": ("allege", "alleges", "alleged", "alleging", "allegation", "allegations"),
    "dispute": ("dispute", "disputes", "disputed", "disputing"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
}
_LEMMA = {form: lemma for lemma, forms in VERB_FORMS.items() for form in forms}

#: Quantities too common in neutral prose to call a figure.
_NEUTRAL_VAGUE = frozenset({"many", "several", "a few"})
_MASK = "\x00"
#: A sentence longer than this (characters, either side of a marker) is read only this far.
_WINDOW = 1500
#: How far (characters) from an office phrase a name may stand to be the office's holder.
_REACH = 120
#: A statement marker of at most this many words is a label ("a staunch Netanyahu loyalist"):
#: its sentence may name what the statement is about; a longer marker must name it itself.
_SHORT_STATEMENT = 8
#: How much of a text the "nearest text in the source" hint compares (difflib is quadratic).
_NEAREST_CHARS = 200
#: At most this many different "nearest text" hints a page; later findings go without one.
_NEAREST_BUDGET = 50
_ID_LIKE = re.compile(r"^(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$")
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_MALFORMED = re.compile(r"\{(claim|person|nofact)\}")
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_ELISION = re.compile(r"\s*(?:\u2026|\.\.\.)\s*")
_EDGE = " \t\n,."
_EX = re.compile(r"(?<![\w-])ex-(?=\w)", re.IGNORECASE)
_FORMER = re.compile(r"(?<![\w-])(?:former|formerly|predecessor|ex-(?=\w))", re.IGNORECASE)
_OPEN_QUOTES = "\u201c\u201e\u00ab"
#: Between a name and a speech verb, these end the attachment ("Zamir, praising his ..." is an object).
_GAP_BREAKS = ',;:()"\u201c\u201d\u2014\u2013'

_CLOSE_QUOTES = "\u201d\u201f\u00bb"
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_TITLE_GAP = re.compile(r"^\s*,?\s*(?:(?:[A-Z][a-z]{0,3}\.|General|Gen|Lt|Mr|Mrs|Ms|Dr)\s*)*$")
_APPOSITION_GAP = re.compile(r"^\s*,\s*(?:[^\s,;:!?()\"“”—–\x00]+\s+){0,4}$")
_HEDGE_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted((w for h, ws in HEDGE_WORDS.items() if h is not Hedge.VAGUE for w in ws), key=len, reverse=True)
    ) + r")\s*$",
    re.IGNORECASE,
)


def _phrase_re(words: Iterable[str]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive match of any of the folded phrases, longest first (a trie)."""
    items = {fold(w).lower().strip() for w in words if w.strip()}
    if not items:
        return None
    body = trie_pattern(items, _phrase_char)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _phrase_char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


_POSITION_RE = {pos: _phrase_re(words) for pos, words in POSITION_WORDS.items()}
#: The side a position takes on what it is about; the others (argued, decided, vowed ...) take none.
#: A stance marker may not use a word that belongs only to positions of the other side.
_SIDE: dict[str, str] = {
    **dict.fromkeys(("opposed", "concerned", "warned", "rejected", "denied", "skeptical"), "against"),
    **dict.fromkeys(("favored", "accepted", "praised", "preferred"), "for"),
}
#: Each position word (folded, lowercase), with the positions it may state.
_WORD_POSITIONS: dict[str, tuple[str, ...]] = {
    word: tuple(pos for pos, words in POSITION_WORDS.items() if word in {fold(w).lower() for w in words})
    for word in {fold(w).lower() for ws in POSITION_WORDS.values() for w in ws}
}
_ANY_POSITION_RE = _phrase_re(w for ws in POSITION_WORDS.values() for w in ws)
_SPEECH_RE = _phrase_re(SPEECH_VERBS)


# ---------------------------------------------------------------- per-project tables


@dataclass
class _Tables:
    """What the rules look up, built once per project."""

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


_CACHE: dict[int, tuple[weakref.ref[Project], tuple[int, ...], _Tables]] = {}


def _signature(project: Project) -> tuple[int, ...]:
    """Changes when a claim, an entity or the article is added, removed or replaced."""
    # map(id, ...) runs in C: a few microseconds a thousand claims, checked once a page
    return (id(project.article), *map(id, project.claims.values()), -1, *map(id, project.entities.values()))


def _tables(project: Project) -> _Tables:
    key = id(project)
    hit = _CACHE.get(key)
    sig = _signature(project)
    if hit is not None and hit[0]() is project and hit[1] == sig:
        return hit[2]
    tables = _build_tables(project)

    def _forget(ref: weakref.ref[Project], key: int = key) -> None:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ref:
            del _CACHE[key]

    _CACHE[key] = (weakref.ref(project, _forget), sig, tables)
    return tables


def _strip_quotes(text: str) -> str:
    return text.strip().strip("\"'\u201c\u201d\u2018\u2019").strip()


def prepare(project: Project) -> _Tables:
    """The project's lookup tables, built once: for callers that check many pages (Sphinx, CLI)."""
    return _tables(project)


def _build_tables(project: Project) -> _Tables:
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
            fig = _figure_of(claim.text)
            figure[ident] = fig
            if fig is not None:
                by_key.setdefault(_claim_key(claim, fig), []).append(ident)
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
            quotes[ident] = fold(_strip_quotes(claim.text))
        elif isinstance(claim, Role):
            role_office_re[ident] = _phrase_re(claim.office)
            for word in claim.office:
                roles_by_office.setdefault(fold(word).lower().strip(), []).append(claim)
    names: dict[str, set[str]] = {}
    name_to_entity: dict[str, str] = {}
    for ent in project.entities.values():
        names[ent.id] = {fold(n).lower().strip() for n in ent.names}
        for n in names[ent.id]:
            name_to_entity.setdefault(n, ent.id)
    article = project.article
    return _Tables(
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
        office_re=_phrase_re(roles_by_office),
        roles_by_office=roles_by_office,
        role_office_re=role_office_re,
        article_folded=fold(article.text) if article is not None else "",
        article_quotations=[fold(article.text[s:e]) for _o, s, e, _c in _quotations(article.text)] if article else [],
        sentences=list(article.sentences) if article else [],
        sentence_words=[_words_of(article.text[s:e]) for s, e in article.sentences] if article else [],
        longest_name=max((len(n) for ns in names.values() for n in ns), default=0),
    )


def _words_of(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(fold(text))}


def _nearest(tables: _Tables, article: str, text: str) -> str:
    """:func:`claimdocs.article.nearest_in`, over the three article sentences sharing most words with ``text``.

    difflib over the whole article costs seconds for a long or repetitive text; the
    window most like a text lies, for any real text, in the sentences sharing its words.
    """
    words = _words_of(text)
    scored = sorted(
        ((len(words & sw), i) for i, sw in enumerate(tables.sentence_words) if words & sw),
        key=lambda pair: (-pair[0], pair[1]),
    )[:3]
    if not scored:
        return nearest_in(article, text[:40])
    spans = tables.sentences
    region = " ".join(article[spans[i][0] : spans[i][1]] for _n, i in sorted(scored, key=lambda pair: pair[1]))
    return nearest_in(region, text)


def _figure_of(text: str) -> Figure | None:
    fig = parse_figure(text)
    if fig is None:
        found = find_figures(text)
        fig = found[0] if found else None
    return fig


def _claim_key(claim: Quantity, fig: Figure) -> tuple[object, object]:
    if claim.hedge is Hedge.VAGUE or fig.hedge is Hedge.VAGUE:
        return fig.key
    return (claim.hedge, claim.value if claim.value is not None else fig.value)


# ---------------------------------------------------------------- a block, as the rules read it


@dataclass
class _Mark:
    """One claim-markup role in a block, with its span in the block's display text."""

    seg: Segment
    start: int
    end: int
    role: str  # claim | person | nofact
    ident: str | None  # the claim or entity id (target, or the bare content)
    written: str  # the written text, whitespace folded
    bare: bool
    claim: Claim | None = None


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: str
    person: bool
    possessive: bool


class _View:
    """A block's display text (what a reader sees), a masked copy and where each piece came from."""

    def __init__(self, block: Block, project: Project, index: int) -> None:
        self.block = block
        self.index = index
        self.project = project
        text: list[str] = []
        masked: list[str] = []
        plain: list[str] = []  # for name search: code and {person} markers masked
        self.starts: list[int] = []
        self.segs: list[Segment] = []
        self.marks: list[_Mark] = []
        pos = 0
        for seg in block.segments:
            if seg.kind == "role":
                mark, shown = self._mark(seg, pos)
                text.append(shown)
                masked.append(_MASK * len(shown))
                plain.append(_MASK * len(shown) if seg.role == "person" else shown)
                mark.end = pos + len(shown)
                self.marks.append(mark)
            elif seg.kind == "code":
                shown = seg.text.replace("\n", " ")
                text.append(shown)
                masked.append(_MASK * len(shown))
                plain.append(_MASK * len(shown))
            else:
                shown = seg.text.replace(_MASK, " ")
                text.append(shown)
                masked.append(shown)
                plain.append(shown)
            self.starts.append(pos)
            self.segs.append(seg)
            pos += len(shown)
        self.text = "".join(text)
        self.masked = "".join(masked)
        self._plain = "".join(plain)

    def _mark(self, seg: Segment, pos: int) -> tuple[_Mark, str]:
        """The marker of a role segment, and the text a reader sees for it."""
        written = " ".join(seg.text.split())
        bare = seg.target is None
        ident = seg.target if not bare else written
        display = written
        claim = None
        if seg.role == "claim" and ident is not None:
            claim = self.project.claims.get(ident)
            if bare and claim is not None:
                display = _own_words(claim)
        elif seg.role == "person" and bare and ident in self.project.entities:
            display = self.project.entities[ident].name
        mark = _Mark(seg, pos, pos, seg.role or "", ident, written, bare, claim)
        return mark, display

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the page of an offset into the display text."""
        if not self.segs:
            return self.block.line, 1
        lo = max(0, bisect.bisect_right(self.starts, offset) - 1)
        seg = self.segs[lo]
        return seg.position(offset - self.starts[lo])

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentences of the display text; one that starts in lower case continues the one before
        (a quotation ending in a period, then "said Plesner.")."""
        spans: list[tuple[int, int]] = []
        for s, e in sentence_spans(self.text):
            if spans and self.text[s : s + 1].islower():
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
        return spans or [(0, len(self.text))]

    @cached_property
    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        return [s for s, _e in self.sentences], [e for _s, e in self.sentences]

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentences that [start, end) overlaps, as one span, at most :data:`_WINDOW` either side."""
        starts, ends = self._sentence_bounds
        first = bisect.bisect_right(ends, start)
        last = bisect.bisect_left(starts, max(end, start + 1)) - 1
        if first <= last:
            s, e = starts[first], ends[last]
        elif last >= 0:
            s, e = starts[last], ends[last]
        else:
            s, e = 0, len(self.text)
        return max(s, start - _WINDOW), min(e, max(end, start) + _WINDOW)

    def previous_sentence(self, start: int) -> tuple[int, int] | None:
        _starts, ends = self._sentence_bounds
        i = bisect.bisect_right(ends, start) - 1
        if i < 0:
            return None
        s, e = self.sentences[i]
        return max(s, e - _WINDOW), e

    @cached_property
    def mentions(self) -> list[_Mention]:
        reg = self.project.registry
        ents = self.project.entities
        out = []
        for m in reg.mentions(self._plain):
            ent = ents.get(m.entity)
            out.append(
                _Mention(m.start, m.end, m.entity, ent is not None and ent.kind is EntityKind.PERSON,
                         _POSSESSIVE.match(self.text, m.end) is not None)
            )
        for mark in self.marks:
            if mark.role == "person" and mark.ident in ents:
                out.append(
                    _Mention(mark.start, mark.end, mark.ident, ents[mark.ident].kind is EntityKind.PERSON,
                             _POSSESSIVE.match(self.text, mark.end) is not None)
                )
        out.sort(key=lambda m: (m.start, m.end))
        return out

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> Iterator[_Mention]:
        """Mentions lying inside [start, end), in order."""
        i = bisect.bisect_left(self._mention_starts, start)
        mentions = self.mentions
        while i < len(mentions) and mentions[i].start < end:
            if mentions[i].end <= end:
                yield mentions[i]
            i += 1

    def in_person_name(self, start: int, end: int, reach: int) -> bool:
        """Does [start, end) overlap a registered person's name ("General" in "General Zamir")?

        ``reach`` is the length of the longest registered name.
        """
        return any(
            m.person and m.start < end and start < m.end
            for m in self.mentions_in(max(0, start - reach), end + reach)
        )

    def clause_of(self, start: int, end: int, s: int, e: int) -> tuple[int, int]:
        """The part of the sentence [s, e) around [start, end) between semicolons outside markup.

        A semicolon does not end a sentence, but it ends the clause an office belongs to:
        "Zamir is the chief of staff; Barnea is ..." gives the office to Zamir.
        """
        a = self.masked.rfind(";", s, start)
        b = self.masked.find(";", end, e)
        return (s if a < 0 else a + 1, e if b < 0 else b)

    def named(self, start: int, end: int, skip: tuple[int, int] | None = None) -> set[str]:
        """Entities named in [start, end), leaving out those inside ``skip``."""
        return {
            m.entity for m in self.mentions_in(start, end)
            if not (skip and m.start >= skip[0] and m.end <= skip[1])
        }

    @cached_property
    def named_anywhere(self) -> set[str]:
        return {m.entity for m in self.mentions}

    @cached_property
    def lemmas(self) -> set[str]:
        """The lemma of every word of the block (for the verbs of assertions)."""
        return {_lemma(w) for w in _WORD.findall(self.text)}

    @cached_property
    def claim_marks(self) -> tuple[list[int], list[_Mark]]:
        marks = [m for m in self.marks if m.role == "claim"]
        return [m.start for m in marks], marks

    def claim_mark_overlaps(self, start: int, end: int) -> bool:
        starts, marks = self.claim_marks
        i = bisect.bisect_left(starts, end) - 1  # the last mark starting before ``end``
        return i >= 0 and marks[i].end > start


def _own_words(claim: Claim) -> str:
    """What a bare ``{claim}`id``` shows (the same as :func:`claimdocs.wording.own_words`)."""
    from claimdocs.wording import own_words

    return own_words(claim)


# ---------------------------------------------------------------- the page


@dataclass
class _Ctx:
    project: Project
    tables: _Tables
    path: str
    findings: list[Finding] = field(default_factory=list)
    uses: list[Use] = field(default_factory=list)
    nofact: int = 0
    hinted: set[str] = field(default_factory=set)  # texts given a "nearest text" hint on this page

    def add(self, line: int, col: int, rule: str, message: str, claim: str | None = None) -> None:
        """Record a finding; its message stays on one line whatever the page held."""
        message = _LINE_BREAKS.sub(" ", message)
        self.findings.append(Finding(self.path, line, col, rule, message, claim=claim))

    def at(self, mark: _Mark, rule: str, message: str) -> None:
        self.add(mark.seg.line, mark.seg.col, rule, message, claim=mark.ident if mark.claim is not None else None)

    def nearest(self, text: str) -> str:
        """The article's text nearest ``text``, for a hint ("" past :data:`_NEAREST_BUDGET` hints a page)."""
        article = self.project.article
        text = " ".join(text.split())[:_NEAREST_CHARS]
        if article is None or not text:
            return ""
        if text not in self.hinted:
            if len(self.hinted) >= _NEAREST_BUDGET:
                return ""  # the same for every page, whatever was checked before: a pure function
            self.hinted.add(text)
        memo = self.tables.nearest
        if text not in memo:
            if len(memo) > 4096:
                memo.clear()
            memo[text] = _nearest(self.tables, article.text, text).strip(" " + QUOTE_CHARS + "'\u2018\u2019")
        return memo[text]

    def label(self, entity: str) -> str:
        return self.project.registry.label(entity)


def check_page(project: Project, path: str, text: str, *, tables: _Tables | None = None) -> PageResult:
    """Every page-rule finding of one MyST page, the markers it uses and its {nofact} count.

    ``tables``: the project's lookup tables, when a caller checking many pages at once has
    them already (otherwise they are found in the cache, which checks the claims changed).
    """
    with _no_cycle_collection():
        return _check_page(project, path, text, tables)


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


def _check_page(project: Project, path: str, text: str, tables: _Tables | None) -> PageResult:
    page = parse_page(text, path)
    ctx = _Ctx(project, tables or _tables(project), path)
    views = [_View(block, project, i) for i, block in enumerate(page.blocks)]
    for view in views:
        prev = views[view.index - 1] if view.index else None
        for mark in view.marks:
            _check_mark(ctx, view, mark, prev)
        _check_prose(ctx, view)
    _check_directives(ctx, page)
    return PageResult(sorted(set(ctx.findings)), ctx.uses, ctx.nofact)


def _check_directives(ctx: _Ctx, page: Page) -> None:
    """``{claim-quote} id`` uses a quote claim (and the speaker's office it shows)."""
    from claimdocs.wording import speaker_office

    for d in page.directives:
        if d.name != "claim-quote":
            continue
        ident = d.argument.strip()
        claim = ctx.project.claims.get(ident)
        if isinstance(claim, Quote):
            ctx.uses.append(Use(ident, ctx.path, d.line, d.col, _own_words(claim), "claim"))
            role = speaker_office(claim, ctx.project)
            if role is not None:
                ctx.uses.append(Use(role.id, ctx.path, d.line, d.col, role.text, "claim"))
        elif not ident:
            ctx.add(d.line, d.col, "syntax", "{claim-quote} needs the id of a quote claim as its argument")
        elif claim is None:
            ctx.add(d.line, d.col, "unknown-id", f"unknown claim id {ident!r} in {{claim-quote}}{_did_you_mean(ctx, ident, ctx.tables.claim_ids)}")
        else:
            ctx.add(d.line, d.col, "unknown-id", f"{{claim-quote}} {ident}: claim {ident} is a {claim.kind} claim, not a quote", ident)


def _did_you_mean(ctx: _Ctx, ident: str, options: list[str]) -> str:
    """"; did you mean <id>?" for a misspelt id (difflib over the ids, remembered per project)."""
    key = (id(options), ident[:_NEAREST_CHARS])
    memo = ctx.tables.close
    if key not in memo:
        if len(memo) > 4096:
            memo.clear()
        near = difflib.get_close_matches(key[1].lower(), options, n=1, cutoff=0.6)
        memo[key] = f"; did you mean {near[0]}?" if near else ""
    return memo[key]


# ---------------------------------------------------------------- markers


def _check_mark(ctx: _Ctx, view: _View, mark: _Mark, prev: _View | None) -> None:
    if mark.role == "nofact":
        ctx.nofact += 1
        if not mark.bare:
            ctx.at(mark, "syntax", f"{{nofact}} takes no id: write {{nofact}}`{mark.written}` without <{mark.ident}>")
        elif not mark.written:
            ctx.at(mark, "syntax", "empty {nofact} marker")
        return
    if mark.role == "person":
        _check_person(ctx, mark)
        return
    if not _reference_ok(ctx, mark):
        return
    claim = mark.claim
    assert claim is not None  # _reference_ok says so
    ctx.uses.append(Use(claim.id, ctx.path, mark.seg.line, mark.seg.col, view.text[mark.start : mark.end], "claim"))
    if not mark.bare:
        match claim:
            case Quantity():
                _value_quantity(ctx, view, mark, claim)
            case Event():
                _value_event(ctx, mark, claim)
            case Quote():
                _quote_marked(ctx, mark, claim)
            case Role():
                _office_marked(ctx, view, mark, claim)
            case Stance():
                _position(ctx, mark, claim)
        if not isinstance(claim, Quote):
            _quote_in_other_marker(ctx, mark, claim)
    match claim:
        case Quote():
            _speaker(ctx, view, mark, claim, prev)
        case Role():
            _office_person(ctx, view, mark, claim)
        case Quantity() | Stance() if claim.according_to:
            _source_named(ctx, view, mark, claim, claim.according_to)
        case Assertion():
            _assertion(ctx, view, mark, claim)
        case Statement():
            _statement(ctx, view, mark, claim)


def _reference_ok(ctx: _Ctx, mark: _Mark) -> bool:
    """Syntax and id of a {claim} marker; True when it names a claim."""
    raw = " ".join((mark.seg.raw or "{claim}").split())
    if mark.bare:
        if not mark.written:
            ctx.at(mark, "syntax", f"empty claim marker {raw}: write {{claim}}`text <id>` or {{claim}}`id`")
            return False
        if not _ID_LIKE.match(mark.written):
            hint = _suggest_for_text(ctx, mark.written)
            ctx.at(
                mark, "syntax",
                f"claim marker without an id: {raw}; write {{claim}}`{mark.written} <{hint or 'claim-id'}>`",
            )
            return False
    elif not mark.ident:
        ctx.at(mark, "syntax", f"empty claim id in {raw}: write {{claim}}`{mark.written} <claim-id>`")
        return False
    elif not mark.written:
        ctx.at(mark, "syntax", f"no text before <{mark.ident}> in {raw}: write {{claim}}`{mark.ident}` for the claim's own words")
        return False
    if mark.claim is None:
        ctx.at(mark, "unknown-id", f"unknown claim id {mark.ident!r}{_did_you_mean(ctx, mark.ident or '', ctx.tables.claim_ids)}")
        return False
    return True


def _check_person(ctx: _Ctx, mark: _Mark) -> None:
    project = ctx.project
    raw = " ".join((mark.seg.raw or "{person}").split())
    if mark.bare and not mark.written:
        ctx.at(mark, "syntax", f"empty person marker {raw}")
        return
    if not mark.bare and not mark.ident:
        ctx.at(mark, "syntax", f"empty entity id in {raw}: write {{person}}`{mark.written} <entity-id>`")
        return
    if mark.bare and not _ID_LIKE.match(mark.written):
        found = ctx.tables.name_to_entity.get(_name_key(mark.written))
        hint = f"{{person}}`{mark.written} <{found}>`" if found else f"{{person}}`{mark.written} <entity-id>`"
        ctx.at(mark, "syntax", f"person marker without an id: {raw}; write {hint}")
        return
    ident = mark.ident or ""
    entity = project.entities.get(ident)
    if entity is None:
        ctx.add(mark.seg.line, mark.seg.col, "unknown-id",
                f"unknown entity id {ident!r} in {raw}{_did_you_mean(ctx, ident, ctx.tables.entity_ids)}")
        return
    ctx.uses.append(Use(ident, ctx.path, mark.seg.line, mark.seg.col, mark.written if not mark.bare else entity.name, "person"))
    if not mark.bare and _name_key(mark.written) not in ctx.tables.names.get(ident, set()):
        names = ", ".join(f'"{n}"' for n in entity.names)
        ctx.add(mark.seg.line, mark.seg.col, "reference",
                f'person marker says "{mark.written}" for entity {ident}, whose names are {names}')


def _name_key(text: str) -> str:
    key = fold(text).lower().strip()
    return re.sub(r"'s?$", "", key).strip() if key.endswith(("'s", "'")) else key


def _suggest_for_text(ctx: _Ctx, written: str) -> str | None:
    """The claim a free text most likely restates: by figure, time or quotation."""
    fig = parse_figure(written)
    if fig is not None:
        return _first(ctx.tables.by_key.get(fig.key)) or _first(ctx.tables.by_value.get(fig.value or -1.0))
    t = parse_time(written)
    if t is not None:
        return _first(ctx.tables.by_time.get(t.canonical))
    pieces = _quoted_pieces(written)
    return _first(_quote_claims_holding(ctx, pieces)) if pieces else None


def _first(ids: list[str] | None) -> str | None:
    return ids[0] if ids else None


def _did_you_mean_other(ids: list[str] | None, this: str) -> str:
    others = [i for i in ids or [] if i != this]
    return f"; did you mean {others[0]}?" if others else ""


def _not_in_article(ctx: _Ctx, written: str) -> str:
    if not ctx.tables.article_folded or fold(written).strip() in ctx.tables.article_folded:
        return ""
    near = ctx.nearest(written)
    return f'; nearest text in the source is "{near}"' if near else ""


def _hedge_outside(view: _View, mark: _Mark) -> str:
    m = _HEDGE_BEFORE.search(view.text, max(0, mark.start - 30), mark.start)
    if m:
        return f' (the hedge "{m.group().strip()}" is outside the marker; move it inside)'
    return ""


# ---------------------------------------------------------------- value and hedge


def _hedge_label(hedge: Hedge) -> str:
    return hedge.value.replace("_", " ")


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _value_quantity(ctx: _Ctx, view: _View, mark: _Mark, claim: Quantity) -> None:
    own = ctx.tables.figure.get(claim.id)
    if own is None:
        return  # the claim itself has no readable figure: the source rules report it
    fig = parse_figure(mark.written)
    if fig is None:
        found = find_figures(mark.written)
        want = claim.value if claim.value is not None else own.value
        fig = next((f for f in found if _same(f.value, want)), found[0] if found else None)
    said = f'claim {claim.id} says "{claim.text}"'
    if fig is None:
        ctx.at(mark, "value", f'value differs from the source: page says "{mark.written}", which holds no figure; {said}')
        return
    other = ctx.tables.by_key.get(fig.key)
    if claim.hedge is Hedge.VAGUE or fig.hedge is Hedge.VAGUE:
        if fig.key != own.key:
            ctx.at(
                mark, "hedge",
                f'hedge differs from the source: page says "{fig.text}" ({_hedge_label(fig.hedge)}), '
                f'{said} ({_hedge_label(claim.hedge)}){_did_you_mean_other(other, claim.id)}{_hedge_outside(view, mark)}',
            )
        return
    value = claim.value if claim.value is not None else own.value
    if not _same(fig.value, value):
        ctx.at(
            mark, "value",
            f'value differs from the source: page says "{fig.text}", {said}'
            f"{_did_you_mean_other(other, claim.id)}{_not_in_article(ctx, fig.text)}",
        )
    elif fig.hedge is not claim.hedge:
        ctx.at(
            mark, "hedge",
            f'hedge differs from the source: page says "{fig.text}" ({_hedge_label(fig.hedge)}), '
            f"{said} ({_hedge_label(claim.hedge)}){_did_you_mean_other(other, claim.id)}{_hedge_outside(view, mark)}",
        )


def _value_event(ctx: _Ctx, mark: _Mark, claim: Event) -> None:
    want = ctx.tables.canonical.get(claim.id)
    if want is None:
        return
    t = parse_time(mark.written)
    if t is None:
        found = find_times(mark.written)
        t = next((f for f in found if f.canonical == want), found[0] if found else None)
    said = f'claim {claim.id} says "{claim.text}"'
    if t is None:
        ctx.at(mark, "value", f'value differs from the source: page says "{mark.written}", which holds no date or time; {said}')
    elif t.canonical != want:
        ctx.at(
            mark, "value",
            f'value differs from the source: page says "{t.text}", {said}'
            f"{_did_you_mean_other(ctx.tables.by_time.get(t.canonical), claim.id)}",
        )


# ---------------------------------------------------------------- quotations


def _quotations(text: str) -> Iterator[tuple[int, int, int, int]]:
    """Quotations in ``text``: (open, inner start, inner end, close end); unterminated ones run to the end."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN_QUOTES or ch == '"':
            j = i + 1
            while j < n and text[j] not in _CLOSE_QUOTES and text[j] != '"':
                j += 1
            if j < n:
                yield i, i + 1, j, j + 1
                i = j + 1
            else:
                yield i, i + 1, n, n
                return
        else:
            i += 1


def _quoted_pieces(written: str) -> list[str]:
    """The quoted parts of a marker's text, or the whole text if it has no quotation marks."""
    if not any(c in QUOTE_CHARS for c in written):
        return [written]
    return [written[s:e] for _o, s, e, _c in _quotations(written)]


def _verbatim(piece: str, target: str) -> bool:
    """Is ``piece`` (elisions marked) a contiguous verbatim span of folded ``target``, in order?"""
    parts = [p.strip(_EDGE) for p in _ELISION.split(fold(piece).strip(_EDGE))]
    parts = [p for p in parts if p]
    if not parts:
        return False
    at = 0
    for part in parts:
        found = target.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def _quote_claims_holding(ctx: _Ctx, pieces: list[str]) -> list[str]:
    return [ident for ident, text in ctx.tables.quotes.items() if all(_verbatim(p, text) for p in pieces)]


def _quote_marked(ctx: _Ctx, mark: _Mark, claim: Quote) -> None:
    target = ctx.tables.quotes.get(claim.id, "")
    pieces = _quoted_pieces(mark.written)
    for piece in pieces:
        if _verbatim(piece, target):
            continue
        shown = " ".join(piece.split())
        if not shown.strip(_EDGE + "\u2026"):
            ctx.at(mark, "quote", f"empty quotation in the marker of claim {claim.id}")
            return
        others = [i for i in _quote_claims_holding(ctx, [piece]) if i != claim.id]
        hint = f"; did you mean {others[0]}?" if others else _not_in_article(ctx, shown)
        ctx.at(
            mark, "quote",
            f'quotation differs from the source: page says "{shown}", claim {claim.id} says "{_short(target)}"{hint}',
        )
        return


def _quote_in_other_marker(ctx: _Ctx, mark: _Mark, claim: Claim) -> None:
    """Quotation marks inside a marker of another kind: verbatim in its evidence or in a quotation."""
    if not any(c in QUOTE_CHARS for c in mark.written):
        return
    evidence = fold(claim.evidence.exact)
    for _o, s, e, _c in _quotations(mark.written):
        piece = mark.written[s:e]
        if not piece.strip(_EDGE) or _verbatim(piece, evidence) or _quote_claims_holding(ctx, [piece]):
            continue
        ctx.at(
            mark, "quote",
            f'quotation "{" ".join(piece.split())}" in the marker of claim {claim.id} is not in its evidence '
            f"nor a quotation of the article{_not_in_article(ctx, piece)}",
        )
        return


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# ---------------------------------------------------------------- speaker


def _speaker(ctx: _Ctx, view: _View, mark: _Mark, claim: Quote, prev: _View | None) -> None:
    s, e = view.sentence_of(mark.start, mark.end)
    speaker = claim.speaker
    who = ctx.label(speaker)
    other = _speaking_other(view, s, e, mark, speaker)
    if other is not None:
        ctx.at(mark, "speaker", f'quotation of claim {claim.id} is given to "{ctx.label(other)}"; the article\'s speaker is "{who}"')
        return
    if speaker in view.named(s, e, skip=(mark.start, mark.end)):
        return
    outside = view.text[s : mark.start] + view.text[mark.end : e]
    before = _previous(view, s, prev)
    if before is not None:
        pview, ps, pe = before
        if speaker in pview.named(ps, pe):
            if pview is view and ctx.project.registry.pronoun_for(speaker, outside):
                return
            only_quote = not any(ch.isalnum() for ch in outside)
            lead = pview.text[ps:pe].rstrip()
            same_row = pview is not view and view.block.row is not None and pview.block.row == view.block.row
            if only_quote and (lead.endswith((":", ",")) or same_row):
                return
    ctx.at(
        mark, "speaker",
        f'quotation of claim {claim.id} does not name its speaker in its sentence: the article\'s speaker is "{who}"; '
        f"name them (e.g. {{person}}`{who} <{speaker}>`) or use a pronoun right after a sentence naming them",
    )


def _previous(view: _View, s: int, prev: _View | None) -> tuple[_View, int, int] | None:
    inside = view.previous_sentence(s)
    if inside is not None:
        return view, inside[0], inside[1]
    if prev is not None and prev.sentences:
        ps, pe = prev.sentences[-1]
        return prev, ps, pe
    return None


def _speaking_other(view: _View, s: int, e: int, mark: _Mark, speaker: str) -> str | None:
    """A registered person other than the speaker attached to a speech verb in the sentence."""
    if _SPEECH_RE is None:
        return None
    persons = [
        m for m in view.mentions_in(s, e)
        if m.person and not m.possessive and not (mark.start <= m.start < mark.end)
    ]
    if not any(m.entity != speaker for m in persons):
        return None
    for verb in _SPEECH_RE.finditer(view.masked, s, e):
        best: tuple[int, _Mention] | None = None
        after_only = verb.group().lower().startswith("according")
        for m in persons:
            if m.start >= verb.end():
                gap = view.text[verb.end() : m.start]
            elif m.end <= verb.start() and not after_only:
                gap = view.text[m.end : verb.start()]
            else:
                continue
            if _MASK in view.masked[min(m.end, verb.end()) : max(m.start, verb.start())] or any(c in gap for c in _GAP_BREAKS):
                continue  # a quotation or a clause boundary lies between them
            words = len(_WORD.findall(gap))
            if words <= 3 and (best is None or words < best[0]):
                best = (words, m)
        if best is not None and best[1].entity != speaker:
            return best[1].entity
    return None


# ---------------------------------------------------------------- office


def _office_marked(ctx: _Ctx, view: _View, mark: _Mark, claim: Role) -> None:
    written = mark.written
    office_re = ctx.tables.role_office_re.get(claim.id)
    said = f'claim {claim.id} says "{claim.text}"'
    if office_re is not None and office_re.search(_EX.sub("", fold(written))) is None:
        words = ", ".join(f'"{w}"' for w in claim.office)
        ctx.at(mark, "office", f'office differs from the source: page says "{written}", without any of {words}; {said}')
        return
    s, _e = view.clause_of(mark.start, mark.end, *view.sentence_of(mark.start, mark.end))
    lead = " ".join(_WORD.findall(view.masked[s : mark.start])[-3:])
    page_former = _FORMER.search(written) is not None or _FORMER.search(lead) is not None
    if page_former != (claim.status == "former"):
        says = "former" if page_former else "current"
        ctx.at(mark, "office", f'office status differs from the source: page says "{written}" ({says}), {said} ({claim.status})')
        return
    reg = ctx.project.registry
    allowed = {claim.organisation} | reg.named(claim.text)
    for m in reg.mentions(written):
        ent = ctx.project.entities.get(m.entity)
        if ent is not None and ent.kind is EntityKind.ORGANISATION and m.entity not in allowed:
            org = f'"{ctx.label(claim.organisation)}"' if claim.organisation else "no organisation"
            ctx.at(mark, "office", f'office differs from the source: page says "{written}", naming "{ent.name}"; {said}, of {org}')
            return


def _office_person(ctx: _Ctx, view: _View, mark: _Mark, claim: Role) -> None:
    s, e = view.sentence_of(mark.start, mark.end)
    cs, ce = view.clause_of(mark.start, mark.end, s, e)
    # the holder is named in the office's clause; failing that, anywhere in its sentence
    persons = [m for m in view.mentions_in(cs, ce) if m.person and not m.possessive]
    if not persons:
        persons = [m for m in view.mentions_in(s, e) if m.person and not m.possessive]
    who = ctx.label(claim.person)
    if not persons:
        ctx.at(mark, "office", f'office of claim {claim.id} is not given to anyone in its sentence; the article gives it to "{who}"')
        return

    def distance(m: _Mention) -> int:
        if m.end <= mark.start:
            return mark.start - m.end
        if m.start >= mark.end:
            return m.start - mark.end
        return 0

    nearest = min(persons, key=lambda m: (distance(m), m.start))
    if nearest.entity != claim.person:
        ctx.at(
            mark, "office",
            f'office of claim {claim.id} is given to "{ctx.label(nearest.entity)}"; the article gives it to "{who}"',
        )


def _unmarked_offices(ctx: _Ctx, view: _View) -> None:
    office_re = ctx.tables.office_re
    if office_re is None:
        return
    # typographic apostrophes folded, length kept: "chief of Israel’s Mossad" is an office word too
    hits = list(office_re.finditer(fold_same_length(view.masked)))
    if not hits:
        return
    reach = ctx.tables.longest_name
    for hit in hits:
        if view.in_person_name(hit.start(), hit.end(), reach):
            continue  # part of a registered name ("General Zamir"): nobody else's office
        s, e = view.clause_of(hit.start(), hit.end(), *view.sentence_of(hit.start(), hit.end()))
        holder = _holder(view, hit.start(), hit.end(), s, e)
        if holder is None:
            continue
        office = fold(hit.group()).lower()
        lead = " ".join(_WORD.findall(view.masked[s : hit.start()])[-3:])
        # "a former defense minister", and an office that says so itself ("his predecessor")
        own_former = _FORMER.search(office) is not None
        former = own_former or _FORMER.search(lead) is not None
        status = "former" if former else "current"
        roles = list(ctx.tables.roles_by_office.get(office, []))
        if own_former:  # "former defense minister" is also the office "defense minister", said to be past
            base = " ".join(_FORMER.sub(" ", office).split())
            roles += [r for r in ctx.tables.roles_by_office.get(base, []) if r not in roles]
        held = [r for r in roles if r.person == holder]
        line, col = view.position(hit.start())
        name = ctx.label(holder)
        if any(r.status == status for r in held):
            role = next(r for r in held if r.status == status)
            ctx.add(
                line, col, "unbacked",
                f'office "{hit.group()}" of "{name}" is not marked; mark it with {{claim}}`{hit.group()} <{role.id}>`',
                role.id,
            )
        elif held:
            role = held[0]
            ctx.add(
                line, col, "office",
                f'office status differs from the source: page gives "{name}" the office "{hit.group()}" as {status}, '
                f"role {role.id} says {role.status}",
                role.id,
            )
        else:
            owner = roles[0] if roles else None
            tail = f'; role {owner.id} gives it to "{ctx.label(owner.person)}"' if owner else ""
            ctx.add(line, col, "office", f'"{name}" is not "{hit.group()}" per the role claims{tail}', owner.id if owner else None)


def _holder(view: _View, start: int, end: int, s: int, e: int) -> str | None:
    """The person an office phrase at [start, end) is attached to, if any."""
    best: tuple[int, str] | None = None
    # a title and its name are a few words apart: look no further than _REACH characters
    for m in view.mentions_in(max(s, start - _REACH), min(e, end + _REACH)):
        if not m.person or m.possessive:
            continue
        if m.start >= end:  # "OFFICE Name", "OFFICE, Name"
            gap = view.text[end : m.start]
            if _TITLE_GAP.match(gap):
                words = len(_WORD.findall(gap))
                if best is None or words <= best[0]:
                    best = (words, m.entity)
        elif m.end <= start:  # "Name, the OFFICE", "Name, a former OFFICE"
            gap = _without_possessives(view, m.end, start)
            if _APPOSITION_GAP.match(gap):
                words = len(_WORD.findall(gap))
                if best is None or words < best[0]:
                    best = (words, m.entity)
    return best[1] if best else None


def _without_possessives(view: _View, start: int, end: int) -> str:
    """The text between two offsets, a possessive name ("Mr. Netanyahu's") read as one word."""
    gap = view.text[start:end]
    for m in view.mentions_in(start, end):
        if m.possessive:
            a, b = m.start - start, m.end - start
            gap = gap[:a] + "X" * (b - a) + gap[b:]
    return re.sub(r"X+", "X", gap)


# ---------------------------------------------------------------- attribution and position


def _source_named(ctx: _Ctx, view: _View, mark: _Mark, claim: Quantity | Stance, source: str) -> None:
    s, e = view.sentence_of(mark.start, mark.end)
    if source in view.named(s, e):
        return
    what = "figure" if isinstance(claim, Quantity) else "stance"
    ctx.at(
        mark, "attribution",
        f'{what} of claim {claim.id} lost its source: the article gives it as according to "{ctx.label(source)}"; '
        f"name them in the same sentence",
    )


def _lemma(word: str) -> str:
    word = fold(word).lower().strip()
    return _LEMMA.get(word) or word[:5]


def _has_verb(lemmas: set[str], verb: str) -> bool:
    """Is the lemma of (the last word of) ``verb`` among ``lemmas``?"""
    parts = _WORD.findall(verb)
    return not parts or _lemma(parts[-1]) in lemmas


def _assertion(ctx: _Ctx, view: _View, mark: _Mark, claim: Assertion) -> None:
    s, e = view.sentence_of(mark.start, mark.end)
    sentence = view.text[s:e]
    named = view.named(s, e)
    if not (named & set(claim.asserted_by)) or not _has_verb({_lemma(w) for w in _WORD.findall(sentence)}, claim.verb):
        who = " or ".join(f'"{ctx.label(a)}"' for a in claim.asserted_by)
        ctx.at(
            mark, "attribution",
            f"statement of claim {claim.id} lost its source: the article gives it as asserted by {who} "
            f'("{claim.verb}"); name them with a form of that verb in the same sentence',
        )
        return
    if claim.contested_by:
        verb = claim.contest_verb or ""
        if not (view.named_anywhere & set(claim.contested_by)) or (verb and not _has_verb(view.lemmas, verb)):
            who = " or ".join(f'"{ctx.label(a)}"' for a in claim.contested_by)
            ctx.at(
                mark, "attribution",
                f"statement of claim {claim.id} lost its contest: the article says {who} "
                f'{verb or "contest"} it; say so in the same paragraph',
            )


def _statement(ctx: _Ctx, view: _View, mark: _Mark, claim: Statement) -> None:
    """The marker names every entity the statement is about; a short one (or a bare one) may leave
    that to its sentence."""
    about = list(dict.fromkeys(claim.about))
    missing = [a for a in about if a not in view.named(mark.start, mark.end)]
    if not missing:
        return
    short = mark.bare or len(_WORD.findall(view.text[mark.start : mark.end])) <= _SHORT_STATEMENT
    if short:
        s, e = view.sentence_of(mark.start, mark.end)
        named = view.named(s, e)
        missing = [a for a in missing if a not in named]
        if not missing:
            return
    lacking = " and ".join(f'"{ctx.label(a)}"' for a in missing)
    whole = " and ".join(f'"{ctx.label(a)}"' for a in about)
    where = "its sentence" if short else "the marker"
    ctx.at(
        mark, "statement",
        f"statement of claim {claim.id} does not name {lacking} in {where}: the article says it about {whole}; "
        + ("name them in the marker or its sentence (a name, an alias or {person})" if short
           else f"name them in the marker's text (a marker of more than {_SHORT_STATEMENT} words must name them itself)"),
    )


def _contrary_word(position: str, folded: str) -> str | None:
    """A word of the other side in a stance marker: "supported" beside "sanctions" for "opposed"."""
    side = _SIDE.get(position)
    if side is None or _ANY_POSITION_RE is None:
        return None
    for m in _ANY_POSITION_RE.finditer(folded):
        sides = {_SIDE.get(p) for p in _WORD_POSITIONS.get(" ".join(m.group().lower().split()), ())}
        if sides and side not in sides and None not in sides:
            return m.group()
    return None


def _position(ctx: _Ctx, mark: _Mark, claim: Stance) -> None:
    reg = ctx.project.registry
    actors = set(claim.actors)
    named = set()
    for m in reg.mentions(mark.written):
        ent = ctx.project.entities.get(m.entity)
        if m.entity in actors or (ent is not None and ent.kind in (EntityKind.PERSON, EntityKind.GROUP)):
            if _POSSESSIVE.match(mark.written, m.end) and m.entity not in actors:
                continue
            named.add(m.entity)
    if named != actors:
        page = ", ".join(f'"{ctx.label(a)}"' for a in sorted(named)) or "nobody"
        want = ", ".join(f'"{ctx.label(a)}"' for a in claim.actors)
        ctx.at(mark, "position", f"actors differ: page names {page}, claim {claim.id} says {want}")
        return
    position = claim.position.value
    own = _POSITION_RE.get(position)
    folded = fold(mark.written)
    contrary = _contrary_word(position, folded)
    if contrary is not None:
        ctx.at(mark, "position", f'position differs: page says "{contrary}", claim {claim.id} says "{position}"')
        return
    if own is None or own.search(folded):
        return
    other = _ANY_POSITION_RE.search(folded) if _ANY_POSITION_RE else None
    if other is not None:
        ctx.at(mark, "position", f'position differs: page says "{other.group()}", claim {claim.id} says "{position}"')
    else:
        words = ", ".join(POSITION_WORDS.get(position, ())[:6])
        ctx.at(
            mark, "position",
            f'position differs: page says "{mark.written}", with no word for "{position}" ({words} ...), '
            f'claim {claim.id} says "{position}"',
        )


# ---------------------------------------------------------------- prose outside markup


def _check_prose(ctx: _Ctx, view: _View) -> None:
    for seg in view.block.segments:
        if seg.kind == "text":
            for m in _MALFORMED.finditer(seg.text):
                line, col = seg.position(m.start())
                ctx.add(line, col, "syntax", f"malformed {m.group()} marker: write {m.group()}`text <id>` (a backtick right after the role name, one on each side)")
    masked = view.masked
    if not masked.strip(_MASK + " "):
        return
    quoted = _unmarked_quotations(ctx, view)
    for fig in find_figures(masked):
        if fig.hedge is Hedge.VAGUE and fig.vague_word in _NEUTRAL_VAGUE:
            continue
        if _inside(fig.start, quoted):
            continue
        ids = ctx.tables.by_key.get(fig.key) or ctx.tables.by_value.get(fig.value if fig.value is not None else -1.0)
        line, col = view.position(fig.start)
        ctx.add(
            line, col, "unbacked",
            f'figure "{fig.text}" is not marked; mark it with the claim it restates, e.g. '
            f"{{claim}}`{fig.text} <{_first(ids) or 'claim-id'}>`{_no_claim_hint(ids, fig.text)}",
            _first(ids),
        )
    for t in find_times(masked):
        if _inside(t.start, quoted):
            continue
        ids = ctx.tables.by_time.get(t.canonical)
        line, col = view.position(t.start)
        ctx.add(
            line, col, "unbacked",
            f'date or time "{t.text}" is not marked; mark it with the claim it restates, e.g. '
            f"{{claim}}`{t.text} <{_first(ids) or 'claim-id'}>`{_no_claim_hint(ids, t.text)}",
            _first(ids),
        )
    _unmarked_offices(ctx, view)


def _no_claim_hint(ids: list[str] | None, text: str) -> str:
    if ids:
        return ""
    return f"; no claim says it: drop it, or write {{nofact}}`{text}` if it states no fact"


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``offset`` inside one of ``spans`` (sorted, not overlapping)?"""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _unmarked_quotations(ctx: _Ctx, view: _View) -> list[tuple[int, int]]:
    """Check quotations written in prose; return their spans."""
    masked = view.masked
    if not any(c in masked for c in QUOTE_CHARS):
        return []
    spans = []
    for o, s, e, c in _quotations(masked):
        spans.append((o, c))
        inner = masked[s:e]
        if not any(ch.isalnum() for ch in inner):
            continue  # empty, or only markup (a marker inside quotation marks is checked itself)
        line, col = view.position(o)
        if view.claim_mark_overlaps(s, e):
            ctx.add(line, col, "unbacked", "quotation partly outside its marker; put the whole quoted text inside the {claim} marker")
            continue
        text = view.text[s:e]
        shown = _short(text)
        holders = _quote_claims_holding(ctx, [text])
        if holders:
            ctx.add(
                line, col, "unbacked",
                f'quotation not marked; mark it with {{claim}}`“{shown}” <{holders[0]}>`', holders[0],
            )
        elif any(_verbatim(text, q) for q in ctx.tables.article_quotations):
            ctx.add(line, col, "unbacked", f'quotation "{shown}" has no quote claim; add one to the claims and mark it with {{claim}}`“…” <id>`')
        elif ctx.tables.article_folded and _verbatim(text, ctx.tables.article_folded):
            ctx.add(line, col, "quote", f'quotation "{shown}" is the article\'s narration, not a quotation in the article; restate it without quotation marks')
        else:
            near = ctx.nearest(text)
            hint = f'; nearest text in the source is "{near}"' if near else ""
            ctx.add(line, col, "quote", f'quotation "{shown}" is not a quotation of the article{hint}')
    return spans


# ---------------------------------------------------------------- the site


def check_unused(project: Project, used: Iterable[str]) -> list[Finding]:
    """A finding (at the claim's line in its YAML file) for every claim no page uses."""
    seen = set(used)
    return [
        project.finding(
            ident, "unused",
            f"claim {ident} is not used by any page; restate it with {{claim}}`... <{ident}>` or remove it",
        )
        for ident in sorted(project.claims)
        if ident not in seen
    ]


def _pages(project: Project) -> list[Path]:
    docs = project.config.path("docs")
    if not docs.is_dir():
        return []
    found: list[Path] = []
    for folder, dirs, files in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "_build")
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                found.append(Path(folder, name))
    excludes = project.config.exclude
    out = []
    for path in found:
        rel = path.relative_to(docs).as_posix()
        if any(_excluded(rel, pattern) for pattern in excludes):
            continue
        out.append(path)
    return sorted(out, key=lambda p: p.relative_to(docs).as_posix())


def _excluded(rel: str, pattern: str) -> bool:
    """Does a page (posix path relative to the docs folder) match an exclude glob?

    ``*`` crosses folders (fnmatch); ``drafts``, ``drafts/`` and ``drafts/**`` exclude a folder;
    ``**/x.md`` matches ``x.md`` at any depth, the top included.
    """
    pat = pattern.strip()
    while pat.startswith("./"):
        pat = pat[2:]
    if not pat:
        return False
    candidates = {pat, pat.rstrip("/") + "/*"}
    if pat.startswith("**/"):
        candidates.add(pat[3:])
    if pat.endswith("/**"):
        candidates.add(pat[:-3] + "/*")
    return any(fnmatch.fnmatchcase(rel, c) for c in candidates)


def _display(project: Project, path: Path) -> str:
    """A page's path as findings show it, relative to the root, without following symlinks."""
    try:
        return path.relative_to(project.config.root).as_posix()
    except ValueError:
        return project.config.display(path)


#: From how many pages the command line checks them in parallel worker processes.
PARALLEL_FROM = 200
_WORKER_PROJECT: Project | None = None  # set in the parent before forking; workers inherit it
_WORKER_TABLES: _Tables | None = None
_WORKER_ALONGSIDE: Callable[[Project], list[Finding]] | None = None  # inherited too: any callable, never pickled


def _check_file(project: Project, path: Path, tables: _Tables | None = None) -> PageResult:
    display = _display(project, path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return PageResult([Finding(display, 1, 1, "page", f"cannot read the page: {exc.strerror or exc}")], [], 0)
    text, problems = decode(raw, display)
    if text is None:
        return PageResult([Finding(f.path, f.line, f.col, "page", f.message) for f in problems], [], 0)
    return check_page(project, display, text, tables=tables)


def _check_in_worker(path: Path) -> PageResult:
    assert _WORKER_PROJECT is not None
    return _check_file(_WORKER_PROJECT, path, _WORKER_TABLES)


def _alongside_in_worker() -> list[Finding]:
    assert _WORKER_PROJECT is not None and _WORKER_ALONGSIDE is not None
    return _WORKER_ALONGSIDE(_WORKER_PROJECT)


#: Pages per task, as a share of all: small enough that the last tasks end together.
_TASKS_PER_JOB = 24


def _check_all(
    project: Project, pages: list[Path], jobs: int | None, alongside: Callable[[Project], list[Finding]] | None
) -> tuple[list[PageResult], list[Finding]]:
    """Pages are independent: on a large site, check them on every core (fork shares the project).

    ``alongside`` runs as one more task of the same pool, queued first, so the article's
    checks and the first pages run at once and no core waits for the other.
    """
    global _WORKER_PROJECT, _WORKER_TABLES, _WORKER_ALONGSIDE
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 8) if len(pages) >= PARALLEL_FROM else 1
    tables = _tables(project)  # once for the whole run, not once a page
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        other = alongside(project) if alongside else []
        return [_check_file(project, path, tables) for path in pages], other
    _WORKER_PROJECT, _WORKER_TABLES, _WORKER_ALONGSIDE = project, tables, alongside
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            pending = pool.apply_async(_alongside_in_worker) if alongside else None
            results = pool.map(_check_in_worker, pages, chunksize=max(1, len(pages) // (jobs * _TASKS_PER_JOB)))
            return results, pending.get() if pending else []
    finally:
        _WORKER_PROJECT, _WORKER_TABLES, _WORKER_ALONGSIDE = None, None, None


def check_pages(
    project: Project, *, jobs: int | None = None, alongside: Callable[[Project], list[Finding]] | None = None
) -> PagesResult:
    """Every page under the docs folder, then the claims no page uses.

    ``jobs``: worker processes (default: one a core from :data:`PARALLEL_FROM` pages on).
    ``alongside``: a project-wide check (the article's, :func:`claimdocs.source_rules.check_source`)
    to run with the pages, in the same workers; its findings join the pages'.
    """
    findings: list[Finding] = []
    uses: list[Use] = []
    nofact = 0
    docs = project.config.path("docs")
    if not docs.is_dir():
        findings.append(
            Finding(project.config.docs, 1, 1, "config", f"the docs folder {project.config.docs}/ does not exist")
        )
    pages = _pages(project)
    results, other = _check_all(project, pages, jobs, alongside)
    findings += other
    for result in results:
        findings += result.findings
        uses += result.uses
        nofact += result.nofact
    findings += check_unused(project, (u.claim for u in uses if u.role == "claim"))
    summary: dict[str, object] = {"pages": len(pages), "uses": sum(1 for u in uses if u.role == "claim"), "nofact": nofact}
    return PagesResult(sorted(set(findings)), uses, summary)
