"""Sentences as the tracing rules read them: the words a reader sees, and the claims behind them.

Every block of prose (paragraph, heading, list item, table cell, card or admonition
title and body, caption) is cut into its sentences (:attr:`claimdocs.rules.view.View.sentences`).
A :class:`Sentence` knows:

- its **claims**: the claims of its ``{claim}`` markers (bare or not), and, for the
  last sentence of the block right before a ``{claim-quote}``, the quotation's claim
  (the lead-in, "Ms. Levi added:");
- its **persons**: the entities of its ``{person}`` markers, which rest on the
  registry's evidence for them;
- its **words**: the words a reader sees outside markers (:attr:`Sentence.words`), and
  inside each ``{claim}`` marker written with its own text (:attr:`Sentence.mark_words`);
  code, ``{person}`` markers (names, checked by the name rule), bare markers (the claim's
  own reviewed words), ``{nofact}`` markers, registered names (:attr:`Sentence.mentions`),
  figures and times in prose (the unbacked rule's) and inside quantity and event markers
  (the value and hedge rules hold their hedges and number words) are left out;
- its **mentions**: the registered names in it.

A sentence with claims or persons is *traced*: its evidence sentences are the article
sentences those rest on (:meth:`claimdocs.rules.tables.TraceIndex.sentences_of`). One
without is *framing*.

The words are found with one regular expression over a copy of the block in which
everything left out is blanked (same length, so offsets hold), and the rules then ask
about each distinct word once, from caches on the lexicon: the cost grows with the
page, not with what is asked of each word.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from claimdocs.caching import cached_property
from claimdocs.lexicon import Lexicon, norm
from claimdocs.model import AnyClaim, Event, Quantity
from claimdocs.quantities import find_figures, find_times
from claimdocs.rules.tables import Negation, Tables, negations_in
from claimdocs.rules.view import MASK, POSSESSIVE, Mark, Mention, View

#: A word as the tracing rules read it (letters, apostrophes, inner hyphens; digits are the value rules').
WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_MASKED = re.compile(MASK + "+")
#: What ends the phrase a word belongs to.
_PHRASE_END = re.compile(r"[,;:.!?()\[\]—–]|\s-\s")
#: Capitalised words next to each other: a name's shape.
_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[^\W\d_a-z][\w'’]*(?:-[\w'’]+)*(?: +[^\W\d_a-z][\w'’]*(?:-[\w'’]+)*)*")


@dataclass
class Sentence:
    view: View
    start: int
    end: int
    claims: list[AnyClaim] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: The project's tables, for what the sentence rests on (set by :func:`sentences_of`).
    tables: Tables | None = None
    _all_words: list[str] | None = None
    _negations: list[Negation] | None = None

    @property
    def traced(self) -> bool:
        return bool(self.claims or self.persons)

    @property
    def text(self) -> str:
        return self.view.text[self.start : self.end]

    def position(self, offset: int) -> tuple[int, int]:
        return self.view.position(offset)

    # ------------------------------------------------------------ words

    @cached_property
    def words(self) -> list[str]:
        """The words outside markers, as written, in order."""
        return WORD.findall(_texts(self.view).prose, self.start, self.end)

    @cached_property
    def mark_words(self) -> list[tuple[Mark, list[str]]]:
        """For each claim marker written with its own text: its words, as written."""
        text = _texts(self.view).marked
        return [(m, WORD.findall(text, m.start, m.end)) for m in self.marks if not m.bare]

    def all_words(self) -> list[str]:
        """The words outside and inside markers."""
        found = self._all_words
        if found is None:
            found = self._all_words = self.words + [w for _m, ws in self.mark_words for w in ws]
        return found

    def phrase_after(self, mark: Mark) -> tuple[int, int]:
        """The span right after a marker, up to the next marker or the punctuation mark that ends a phrase
        (``,;:.!?()`` or a dash): what a figure's marker is followed by ("{claim}`three` sources familiar")."""
        after = [m.start for m in self.marks if m.start >= mark.end]
        end = min([self.end, *after])
        stop = _PHRASE_END.search(_texts(self.view).prose, mark.end, end)
        return mark.end, stop.start() if stop else end

    def words_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """The words outside markers and names between two offsets, as written, with their offsets."""
        return [(m.start(), m.group()) for m in WORD.finditer(_texts(self.view).prose, start, end)]

    def locate(self, word: str, mark: Mark | None = None) -> int:
        """Where ``word`` (as written) first stands in the sentence, or in ``mark``; for a finding's column."""
        texts = _texts(self.view)
        text, start, end = (texts.marked, mark.start, mark.end) if mark else (texts.prose, self.start, self.end)
        found = re.compile(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])").search(text, start, end)
        return found.start() if found else start

    def capitalised_runs(self) -> list[tuple[int, int]]:
        """Runs of capitalised words (names' shape), outside registered names, code and other markers."""
        if not any(w[:1].isupper() for w in self.all_words()):
            return []
        return [m.span() for m in _CAPITALISED_RUN.finditer(_texts(self.view).marked, self.start, self.end)]

    def negations(self, lexicon: Lexicon) -> list[Negation]:
        """The negations a reader sees ("not", "never", "doesn't"; not "not only"), each with the words it
        governs (:func:`claimdocs.rules.tables.negations_in`; names and figures are not among them)."""
        found = self._negations
        if found is None:
            if not any(lexicon.is_polarity(normed(w)) == "negation" for w in self.all_words()):
                found = []  # the regular expression only where a word says there may be one
            else:
                found = list(negations_in(lexicon, _texts(self.view).marked, self.start, self.end))
            self._negations = found
        return found

    def negation_text(self, negation: Negation) -> str:
        """The negation and what it governs, as a reader sees them ("never been killed")."""
        return " ".join(self.view.text[negation.start : negation.reach].split())

    # ------------------------------------------------------------ names

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The registered names inside [start, end)."""
        starts, mentions = self._mention_index
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [m for m in mentions[lo:hi] if m.end <= end]

    def in_mark(self, start: int, end: int) -> bool:
        """Does [start, end) lie inside one of the sentence's claim markers?"""
        starts, spans = self._mark_index
        i = bisect.bisect_right(starts, start) - 1
        return i >= 0 and spans[i][0] <= start and end <= spans[i][1]

    @cached_property
    def _mark_index(self) -> tuple[list[int], list[tuple[int, int]]]:
        spans = sorted((m.start, m.end) for m in self.marks)
        return [s for s, _e in spans], spans

    @cached_property
    def _mention_index(self) -> tuple[list[int], list[Mention]]:
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))
        return [m.start for m in mentions], mentions

    # ------------------------------------------------------------ what it rests on

    @cached_property
    def claim_ids(self) -> list[str]:
        return list(dict.fromkeys(c.id for c in self.claims))

    def evidence(self, tables: Tables) -> tuple[int, ...]:
        """The article sentences this sentence rests on."""
        return self.indices if tables is self.tables else tables.trace.sentences_of(self.claim_ids, self.persons)

    @cached_property
    def indices(self) -> tuple[int, ...]:
        """The article sentences this sentence rests on (its evidence sentences)."""
        assert self.tables is not None
        return self.tables.trace.sentences_of(self.claim_ids, self.persons)

    @cached_property
    def evidence_entities(self) -> frozenset[str]:
        assert self.tables is not None
        return self.tables.trace.union("entities", self.indices)


@dataclass(frozen=True)
class _Texts:
    """A block's display text with what the tracing rules do not read blanked (same length)."""

    #: Prose outside every marker: code, markers, names, figures and times in prose blanked.
    prose: str
    #: The same, with the words of claim markers written with their own text kept (their figures blanked).
    marked: str


def _texts(view: View) -> _Texts:
    found = view.memo.get("trace-texts")
    if isinstance(found, _Texts):
        return found
    text = view.text
    masked = view.masked
    prose_gaps: list[tuple[int, int]] = []
    marked_gaps: list[tuple[int, int]] = []
    for mark in view.marks:
        readable = mark.role == "claim" and not mark.bare and mark.claim is not None
        prose_gaps.append((mark.start, mark.end))
        if not readable:
            marked_gaps.append((mark.start, mark.end))
        else:
            marked_gaps += _owned_by_value_rules(mark)
    for m in view.mentions:
        possessive = POSSESSIVE.match(text, m.end)  # "Ms. Levi's": the name, its possessive with it
        end = possessive.end() if possessive else m.end
        prose_gaps.append((m.start, end))
        marked_gaps.append((m.start, end))
    figures = [(f.start, f.end) for f in view.figures()] + [(t.start, t.end) for t in view.times()]
    prose_gaps += figures
    marked_gaps += figures
    # code: masked, in no marker
    spans = sorted((m.start, m.end) for m in view.marks)
    starts = [s for s, _e in spans]
    for run in _MASKED.finditer(masked):
        prose_gaps.append(run.span())
        k = bisect.bisect_right(starts, run.start()) - 1
        if not (k >= 0 and spans[k][0] <= run.start() < spans[k][1]):
            marked_gaps.append(run.span())
    found = _Texts(_blank(text, prose_gaps), _blank(text, marked_gaps))
    view.memo["trace-texts"] = found
    return found


def _blank(text: str, gaps: list[tuple[int, int]]) -> str:
    if not gaps:
        return text
    pieces = []
    at = 0
    for start, end in sorted(gaps):
        if end <= at:
            continue
        start = max(start, at)
        pieces.append(text[at:start])
        pieces.append(" " * (end - start))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def sentences_of(view: View, lead_in: list[AnyClaim] | None = None, tables: Tables | None = None) -> list[Sentence]:
    """The sentences of a block, with their claims, persons and names."""
    out: list[Sentence] = []
    marks = sorted(view.marks, key=lambda m: m.start)
    mark_starts = [m.start for m in marks]
    mentions = view.mentions  # sorted by start
    mention_starts = [m.start for m in mentions]
    for s, e in view.sentences:
        sentence = Sentence(view, s, e, tables=tables)
        lo = bisect.bisect_left(mark_starts, s)
        hi = bisect.bisect_left(mark_starts, e)
        for mark in marks[lo:hi]:
            if mark.role == "claim" and mark.claim is not None:
                sentence.marks.append(mark)
                sentence.claims.append(mark.claim)
            elif mark.role == "person" and mark.ident in view.project.entities:
                sentence.persons.append(mark.ident)
        lo_m = bisect.bisect_left(mention_starts, s)
        hi_m = bisect.bisect_left(mention_starts, e)
        sentence.mentions = [m for m in mentions[lo_m:hi_m] if m.end <= e]
        out.append(sentence)
    if lead_in and out:
        out[-1].claims += lead_in
    return out


def _owned_by_value_rules(mark: Mark) -> list[tuple[int, int]]:
    """Figures in a quantity marker and times in an event marker: the value rules hold their words."""
    claim = mark.claim
    found: list[tuple[int, int]] = []
    if isinstance(claim, Quantity):
        found = [(mark.start + f.start, mark.start + f.end) for f in find_figures(mark.written)]
    elif isinstance(claim, Event):
        found = [(mark.start + t.start, mark.start + t.end) for t in find_times(mark.written)]
    return found


def normed(word: str) -> str:
    """A word as the rules compare it (:func:`claimdocs.lexicon.norm`), remembered."""
    found = _NORMS.get(word)
    if found is None:
        found = _NORMS[word] = norm(word)
    return found


#: Words seen so far, normalised: the same few thousand words recur on every page.
_NORMS: dict[str, str] = {}
