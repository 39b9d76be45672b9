"""A block of a page as the page rules read it: display text, markers, names, sentences.

A :class:`View` turns a :class:`claimdocs.pages.Block` (a paragraph, heading, table
cell or directive title) into what a reader sees: a bare marker reads as its claim's
own words, a ``{person}`` marker as the person's name. Beside that text it keeps a
masked copy (markers and code replaced by :data:`MASK`, so prose scans skip them),
where every piece came from (for lines and columns), the registered names it holds
(:class:`Mention`), and its sentences. Everything is computed at most once a block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimdocs.article import sentence_spans
from claimdocs.caching import cached_property
from claimdocs.lexicon import words
from claimdocs.model import AnyClaim, EntityKind
from claimdocs.pages import Block, Segment
from claimdocs.project import Project
from claimdocs.quantities import Figure, TimeExpr, find_figures, find_times
from claimdocs.rules.conventions import continued

#: Stands for a character of markup or code in the masked text.
MASK = "\x00"
#: A sentence longer than this (characters, either side of a marker) is read only this far.
WINDOW = 1500
#: A possessive right after a name ("Levi's", "the councillors'").
POSSESSIVE = re.compile(r"['’]s?(?!\w)")


@dataclass
class Mark:
    """One claim-markup role in a block, with its span in the block's display text."""

    seg: Segment
    start: int
    end: int
    role: str  # claim | person | nofact
    ident: str | None  # the claim or entity id (target, or the bare content)
    written: str  # the written text, whitespace folded
    bare: bool
    claim: AnyClaim | None = None


@dataclass(frozen=True)
class Mention:
    """A registered name in a block (or a ``{person}`` marker), and whether it is possessive."""

    start: int
    end: int
    entity: str
    person: bool
    possessive: bool


class View:
    """A block's display text (what a reader sees), a masked copy and where each piece came from."""

    def __init__(self, block: Block, project: Project, index: int) -> None:
        self.block = block
        self.index = index
        self.project = project
        #: The block before this one on the page (a quotation's lead-in may end there).
        self.prev: View | None = None
        #: The block after this one on the page (a contested statement's contest may open it).
        self.next: View | None = None
        #: What a rule works out once a block (its figures in prose ...).
        self.memo: dict[str, Any] = {}
        text: list[str] = []
        masked: list[str] = []
        plain: list[str] = []  # for name search: code and {person} markers masked
        self.starts: list[int] = []
        self.segs: list[Segment] = []
        self.marks: list[Mark] = []
        pos = 0
        for seg in block.segments:
            if seg.kind == "role":
                mark, shown = self._mark(seg, pos)
                text.append(shown)
                masked.append(MASK * len(shown))
                plain.append(MASK * len(shown) if seg.role == "person" else shown)
                mark.end = pos + len(shown)
                self.marks.append(mark)
            elif seg.kind == "code":
                shown = seg.text.replace("\n", " ")
                text.append(shown)
                masked.append(MASK * len(shown))
                plain.append(MASK * len(shown))
            else:
                shown = seg.text.replace(MASK, " ")
                text.append(shown)
                masked.append(shown)
                plain.append(shown)
            self.starts.append(pos)
            self.segs.append(seg)
            pos += len(shown)
        self.text = "".join(text)
        self.masked = "".join(masked)
        self._plain = "".join(plain)

    def _mark(self, seg: Segment, pos: int) -> tuple[Mark, str]:
        """The marker of a role segment, and the text a reader sees for it."""
        written = " ".join(seg.text.split())
        bare = seg.target is None
        ident = seg.target if not bare else written
        display = written
        claim = None
        if seg.role == "claim" and ident is not None:
            claim = self.project.claims.get(ident)
            if bare and claim is not None:
                display = claim.own_words()
        elif seg.role == "person" and bare and ident in self.project.entities:
            display = self.project.entities[ident].name
        mark = Mark(seg, pos, pos, seg.role or "", ident, written, bare, claim)
        return mark, display

    def figures(self) -> list[Figure]:
        """The figures written in prose (outside markers and code), found once a block."""
        found = self.memo.get("figures")
        if found is None:
            found = self.memo["figures"] = find_figures(self.masked)
        return found

    def times(self) -> list[TimeExpr]:
        """The dates and times written in prose, found once a block."""
        found = self.memo.get("times")
        if found is None:
            found = self.memo["times"] = find_times(self.masked)
        return found

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
        (a quotation ending in a period, then "said Levi.")."""
        lexicon = self.project.lexicon
        spans = continued(self.text, sentence_spans(self.text, lexicon.abbreviations, lexicon.closing_abbreviations))
        return spans or [(0, len(self.text))]

    @cached_property
    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        return [s for s, _e in self.sentences], [e for _s, e in self.sentences]

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentences that [start, end) overlaps, as one span, at most :data:`WINDOW` either side."""
        starts, ends = self._sentence_bounds
        first = bisect.bisect_right(ends, start)
        last = bisect.bisect_left(starts, max(end, start + 1)) - 1
        if first <= last:
            s, e = starts[first], ends[last]
        elif last >= 0:
            s, e = starts[last], ends[last]
        else:
            s, e = 0, len(self.text)
        return max(s, start - WINDOW), min(e, max(end, start) + WINDOW)

    def previous_sentence(self, start: int) -> tuple[int, int] | None:
        _starts, ends = self._sentence_bounds
        i = bisect.bisect_right(ends, start) - 1
        if i < 0:
            return None
        s, e = self.sentences[i]
        return max(s, e - WINDOW), e

    @cached_property
    def mentions(self) -> list[Mention]:
        reg = self.project.registry
        ents = self.project.entities
        persons, text, possessive = reg.persons, self.text, POSSESSIVE.match
        out = [Mention(s, e, entity, entity in persons, possessive(text, e) is not None)
               for s, e, entity in reg.spans(self._plain)]
        for mark in self.marks:
            if mark.role == "person" and mark.ident in ents:
                out.append(
                    Mention(mark.start, mark.end, mark.ident, ents[mark.ident].kind is EntityKind.PERSON,
                             POSSESSIVE.match(self.text, mark.end) is not None)
                )
        out.sort(key=lambda m: (m.start, m.end))
        return out

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> Iterator[Mention]:
        """Mentions lying inside [start, end), in order."""
        i = bisect.bisect_left(self._mention_starts, start)
        mentions = self.mentions
        while i < len(mentions) and mentions[i].start < end:
            if mentions[i].end <= end:
                yield mentions[i]
            i += 1

    def in_person_name(self, start: int, end: int, reach: int) -> bool:
        """Does [start, end) overlap a registered person's name ("Mayor" in "Mayor Levi")?

        ``reach`` is the length of the longest registered name.
        """
        return any(
            m.person and m.start < end and start < m.end
            for m in self.mentions_in(max(0, start - reach), end + reach)
        )

    def clause_of(self, start: int, end: int, s: int, e: int) -> tuple[int, int]:
        """The part of the sentence [s, e) around [start, end) between semicolons outside markup.

        A semicolon does not end a sentence, but it ends the clause an office belongs to:
        "Levi is the mayor; Ortiz is ..." gives the office to Levi.
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
        return {self.project.lexicon.lemma(w) for w in words(self.text)}

    @cached_property
    def claim_marks(self) -> tuple[list[int], list[Mark]]:
        marks = [m for m in self.marks if m.role == "claim"]
        return [m.start for m in marks], marks

    def claim_mark_overlaps(self, start: int, end: int) -> bool:
        starts, marks = self.claim_marks
        i = bisect.bisect_left(starts, end) - 1  # the last mark starting before ``end``
        return i >= 0 and marks[i].end > start
