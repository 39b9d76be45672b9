"""The pinned article and anchoring: finding evidence in it, exactly once.

Comparison folds only typographic quotes, apostrophes and whitespace. Nothing is
fuzzy: difflib is used only to tell a person "nearest text in the source is ...".
A verifier must fail where an annotator would re-attach (hypothesis/h #2798).
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import heapq
import re
from dataclasses import dataclass, field
from functools import cached_property

from claimdocs.lexicon import DEFAULT, Lexicon, fold, shorten, straighten


@dataclass(frozen=True)
class Folded:
    """A folded text with a map back to the offsets of the original."""

    text: str
    starts: tuple[int, ...]  # original offset of each folded character

    @classmethod
    def of(cls, original: str) -> Folded:
        out: list[str] = []
        starts: list[int] = []
        translated = straighten(original)
        i, n = 0, len(translated)
        while i < n:
            ch = translated[i]
            if ch.isspace():
                j = i
                while j < n and translated[j].isspace():
                    j += 1
                out.append(" ")
                starts.append(i)
                i = j
            else:
                out.append(ch)
                starts.append(i)
                i += 1
        return cls("".join(out), tuple(starts))

    def original_span(self, start: int, end: int, original_len: int) -> tuple[int, int]:
        """Map a folded span back to the original text."""
        if self.text[end - 1] == " ":
            o_end = self.starts[end] if end < len(self.starts) else original_len
        else:
            o_end = self.starts[end - 1] + 1
        return self.starts[start], o_end


_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s|$)|\n[ \t]*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
_NEXT_CHAR = re.compile(r"\s*(\S)")


def sentence_spans(text: str, abbreviations: frozenset[str] = DEFAULT.abbreviations,
                   closing: frozenset[str] = DEFAULT.closing_abbreviations) -> list[tuple[int, int]]:
    """Split prose into sentences, not breaking after "Lt. Gen.", "Mr.", "U.S. ally" or "Acme Inc. said".

    ``abbreviations``: words (lowercase, no period) after which a period never ends a sentence;
    ``closing``: words after which it ends one only when a capital or an opening quotation mark follows.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if text[m.start()] == ".":
            before = _WORD_BEFORE.search(text, max(start, m.start() - 20), m.start() + 1)
            if before:
                word = before.group(1)
                after = _NEXT_CHAR.match(text, end)
                nxt = after.group(1) if after else ""
                if word.lower() in abbreviations:
                    continue
                if ("." in word or word.lower() in closing) and not (nxt.isupper() or nxt in "\"\u201c"):
                    continue  # an initialism such as "U.S." inside a sentence, "Acme Inc. said"
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class Match:
    start: int
    end: int


@dataclass
class Article:
    """The article's text, decoded, with folded search and line/column lookup."""

    path: str
    text: str
    sha256: str
    _folded: Folded | None = field(default=None, repr=False)
    #: The words the sentences are split by (the project's, once its vocabulary is read: :meth:`read_with`).
    lexicon: Lexicon = field(default=DEFAULT, repr=False, compare=False)

    def read_with(self, lexicon: Lexicon) -> None:
        """Split sentences with a project's words (its abbreviations) from now on."""
        if lexicon is not self.lexicon:
            self.lexicon = lexicon
            for cached in ("sentences", "_sentence_bounds"):
                self.__dict__.pop(cached, None)

    @classmethod
    def from_bytes(cls, path: str, raw: bytes) -> Article:
        return cls(path=path, text=raw.decode("utf-8"), sha256=hashlib.sha256(raw).hexdigest())

    @property
    def folded(self) -> Folded:
        if self._folded is None:
            self._folded = Folded.of(self.text)
        return self._folded

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def find_all(self, exact: str, prefix: str = "", suffix: str = "") -> list[Match]:
        """Every place (original offsets) where prefix+exact+suffix occurs, folded."""
        needle = fold(exact)
        if not needle.strip():
            return []
        fprefix, fsuffix = fold(prefix), fold(suffix)
        hay = self.folded.text
        found: list[Match] = []
        i = hay.find(needle)
        while i != -1:  # endswith/startswith at an offset: no copy of the article a candidate
            if (not fprefix or hay.endswith(fprefix, 0, i)) and (not fsuffix or hay.startswith(fsuffix, i + len(needle))):
                s, e = self.folded.original_span(i, i + len(needle), len(self.text))
                found.append(Match(s, e))
            i = hay.find(needle, i + 1)
        return found

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text, self.lexicon.abbreviations, self.lexicon.closing_abbreviations)

    def anchor(self, exact: str, prefix: str = "", suffix: str = "") -> tuple[int, int] | str:
        """Offsets of the one place prefix+exact+suffix occurs, or a message saying why there is none."""
        found = self.find_all(exact, prefix, suffix)
        if len(found) == 1:
            return found[0].start, found[0].end
        if not found:
            return f"evidence not found in the article: {shorten(fold(exact), 90)!r}; nearest text in the source is {self.nearest(exact)!r}"
        places = ", ".join("line {}:{}".format(*self.line_col(m.start)) for m in found[:5])
        return f"evidence found {len(found)} times in the article ({places}): {shorten(fold(exact), 90)!r}; add a prefix or suffix to make it unique"

    @cached_property
    def _sentence_bounds(self) -> tuple[list[int], list[int]]:
        return [s for s, _e in self.sentences], [e for _s, e in self.sentences]

    def around(self, start: int, end: int, before: int = 3, after: int = 1) -> str:
        """The sentences around [start, end): where a speaker, actor or holder may be named (a bisection)."""
        spans = self.sentences
        if not spans:
            return ""
        starts, ends = self._sentence_bounds
        first = bisect.bisect_right(ends, start)  # the first sentence ending after start
        last = bisect.bisect_left(starts, end) - 1  # the last one starting before end
        if first > last:  # none overlaps: the first sentence, as before
            first = last = 0
        lo, hi = max(0, first - before), min(len(spans) - 1, last + after)
        return self.text[spans[lo][0] : spans[hi][1]]

    def nearest(self, text: str) -> str:
        """The article's text most like ``text``: a hint for a person, never a match."""
        return nearest_in(self.text, text)


#: A hint compares at most this many words of a text (difflib is quadratic in them).
HINT_WORDS = 40
#: Up to this many words of haystack every window is compared; past it, only the windows
#: sharing the most words with the text (:data:`HINT_CANDIDATES` of them), so a hint costs
#: time linear in the haystack.
EXHAUSTIVE_WORDS = 3000
HINT_CANDIDATES = 32


def nearest_in(haystack: str, text: str, limit: int = 160) -> str:
    """The window of ``haystack`` (in words) closest to ``text``, for error hints."""
    words = list(re.finditer(r"\S+", haystack))
    want = fold(text).split()[:HINT_WORDS]
    if not words or not want:
        return ""
    k = max(1, min(len(want), len(words)))
    target = " ".join(want).lower()
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(target)
    best, best_ratio = (0, k), -1.0
    for i in _windows(words, want, k):
        candidate = fold(haystack[words[i].start() : words[i + k - 1].end()]).lower()
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = (i, i + k), ratio
    snippet = haystack[words[best[0]].start() : words[best[1] - 1].end()]
    snippet = fold(snippet)
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "\u2026"


def _windows(words: list[re.Match[str]], want: list[str], k: int) -> list[int]:
    """The starts of the windows of ``k`` words worth comparing: all of them in a short haystack,
    else those sharing the most words with ``want`` (a sliding count, linear), in order."""
    count = len(words) - k + 1
    if len(words) <= EXHAUSTIVE_WORDS:
        return list(range(count))
    wanted = {w.lower() for w in want}
    hits = [1 if fold(m.group()).lower() in wanted else 0 for m in words]
    score = sum(hits[:k])
    scores = [score]
    for i in range(1, count):
        score += hits[i + k - 1] - hits[i - 1]
        scores.append(score)
    best = heapq.nsmallest(HINT_CANDIDATES, range(count), key=lambda i: (-scores[i], i))
    return sorted(best)
