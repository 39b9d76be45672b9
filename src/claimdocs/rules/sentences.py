"""Sentences as the tracing rules read them: the words a reader sees, and the claims behind them.

Every block of prose (paragraph, heading, list item, table cell, card or admonition
title and body, caption) is cut into its sentences (:attr:`claimdocs.rules.view.View.sentences`).
A :class:`Sentence` knows:

- its **claims**: the claims of its ``{claim}`` markers (bare or not), and, for the
  last sentence of the block right before a ``{claim-quote}``, the quotation's claim
  (the lead-in, "Mr. Plesner elaborated:");
- its **persons**: the entities of its ``{person}`` markers, which rest on the
  registry's evidence for them;
- its **tokens**: every word a reader sees, except code, ``{person}`` markers (names,
  checked by the name rule), bare markers (the claim's own reviewed words) and
  ``{nofact}`` markers; each word knows the marker it lies in, if any;
- its **mentions**: the registered names in it;
- its **exempt** spans: the figures and times inside quantity and event markers, whose
  words (hedges, number words) the value and hedge rules already hold to the claim.

A sentence with claims or persons is *traced*: its evidence sentences are the article
sentences those rest on (:meth:`claimdocs.rules.tables.TraceIndex.sentences_of`). One
without is *framing*.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from claimdocs.lexicon import Lexicon, norm, word_spans
from claimdocs.model import AnyClaim, Event, Quantity
from claimdocs.quantities import find_figures, find_times
from claimdocs.rules.tables import Tables
from claimdocs.rules.view import MASK, Mark, Mention, View


@dataclass(frozen=True)
class Token:
    """One word of a sentence: where it is in the block's display text, and the marker it lies in."""

    start: int
    end: int
    text: str
    norm: str
    mark: Mark | None


@dataclass
class Sentence:
    view: View
    start: int
    end: int
    claims: list[AnyClaim] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    exempt: list[tuple[int, int]] = field(default_factory=list)

    @property
    def traced(self) -> bool:
        return bool(self.claims or self.persons)

    @property
    def text(self) -> str:
        return self.view.text[self.start : self.end]

    def position(self, offset: int) -> tuple[int, int]:
        return self.view.position(offset)

    def is_exempt(self, token: Token) -> bool:
        return _within(self._exempt_index, token.start, token.end)

    def in_mention(self, token: Token) -> Mention | None:
        """The registered name the token is part of, if any (a bisection: sentences may be long)."""
        starts, mentions = self._mention_index
        i = bisect.bisect_right(starts, token.start) - 1
        # a word that starts inside a name is part of it ("Barnea's" in "Mr. Barnea's")
        return mentions[i] if i >= 0 and mentions[i].start <= token.start < mentions[i].end else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The registered names inside [start, end)."""
        starts, mentions = self._mention_index
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [m for m in mentions[lo:hi] if m.end <= end]

    def in_mark(self, start: int, end: int) -> bool:
        """Does [start, end) lie inside one of the sentence's claim markers?"""
        return _within(self._mark_index, start, end)

    @cached_property
    def _exempt_index(self) -> tuple[list[int], list[tuple[int, int]]]:
        spans = sorted(self.exempt)
        return [s for s, _e in spans], spans

    @cached_property
    def _mark_index(self) -> tuple[list[int], list[tuple[int, int]]]:
        spans = sorted((m.start, m.end) for m in self.marks)
        return [s for s, _e in spans], spans

    @cached_property
    def _mention_index(self) -> tuple[list[int], list[Mention]]:
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))
        return [m.start for m in mentions], mentions

    @cached_property
    def claim_ids(self) -> list[str]:
        return list(dict.fromkeys(c.id for c in self.claims))

    def negations(self, lexicon: Lexicon) -> list[Token]:
        """The tokens that are negations ("not", "never", "doesn't"; not "not only")."""
        starts = {m.start() for m in lexicon.negation_re.finditer(self.view.text, self.start, self.end)}
        return [t for t in self.tokens if t.start in starts and not self.is_exempt(t)]

    def evidence(self, tables: Tables) -> tuple[int, ...]:
        """The article sentences this sentence rests on."""
        return tables.trace.sentences_of(self.claim_ids, self.persons)


def sentences_of(view: View, lead_in: list[AnyClaim] | None = None) -> list[Sentence]:
    """The sentences of a block, with their claims, persons, tokens, names and exempt spans."""
    out: list[Sentence] = []
    marks = sorted(view.marks, key=lambda m: m.start)
    mark_starts = [m.start for m in marks]
    mentions = view.mentions  # sorted by start
    mention_starts = [m.start for m in mentions]
    for s, e in view.sentences:
        sentence = Sentence(view, s, e)
        lo = bisect.bisect_left(mark_starts, s)
        hi = bisect.bisect_left(mark_starts, e)
        for mark in marks[lo:hi]:
            if mark.role == "claim" and mark.claim is not None:
                sentence.marks.append(mark)
                sentence.claims.append(mark.claim)
                sentence.exempt += _owned_by_value_rules(mark)
            elif mark.role == "person" and mark.ident in view.project.entities:
                sentence.persons.append(mark.ident)
        lo_m = bisect.bisect_left(mention_starts, s)
        hi_m = bisect.bisect_left(mention_starts, e)
        sentence.mentions = [m for m in mentions[lo_m:hi_m] if m.end <= e]
        sentence.tokens = list(_tokens(view, marks, mark_starts, s, e))
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


_DIGIT = re.compile(r"\d")


def _within(index: tuple[list[int], list[tuple[int, int]]], start: int, end: int) -> bool:
    """Does [start, end) lie inside one of the sorted, non-overlapping spans?"""
    starts, spans = index
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def spans_index(spans: list[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]]]:
    """An index for :func:`within` over spans (sorted here)."""
    ordered = sorted(spans)
    return [s for s, _e in ordered], ordered


within = _within


def _tokens(view: View, marks: list[Mark], mark_starts: list[int], s: int, e: int) -> list[Token]:
    tokens = []
    masked = view.masked
    for m in word_spans(view.text, s, e):
        start, end = m.start(), m.end()
        i = bisect.bisect_right(mark_starts, start) - 1
        mark = marks[i] if i >= 0 and marks[i].end > start else None
        if mark is None:
            if MASK in masked[start:end]:
                continue  # code
        elif mark.role != "claim" or mark.bare or mark.claim is None:
            continue  # a name, a bare marker (the claim's own words), a {nofact}, an unknown id
        word = m.group()
        if not word.isalpha() and _DIGIT.search(word):
            continue  # figures are the value rules'
        tokens.append(Token(start, end, word, norm(word), mark))
    return tokens
