"""How news writing gives a quotation to its speaker: read alike in the article and on pages.

The speaker and quote families (:mod:`claimdocs.rules.speaker`, :mod:`claimdocs.rules.quote`)
share these readings:

- **In its sentence**: “…,” said Levi. A sentence that starts in lower case continues
  the one before (“… could.” said Levi.), so an attribution after a closing period is
  read with its quotation (:func:`continued`).
- **Following on** (:func:`follow_on`): a sentence that is nothing but a quotation, right
  after a sentence holding a quotation and its attribution (“…,” said Levi. “…”), is the
  same speaker's; so is a quotation that opens right after another with nothing but a
  line break between them (a quotation running over paragraphs opens each one again),
  and a chain of them. The speaker is then named between the start of the first
  quotation's sentence and the follow-on.
- **Split around its attribution** (:func:`joined`): “The first half,” Levi said, “and the
  rest.”: two quotations in one sentence, or in two sentences one right after the other,
  with nothing between them but their attribution (a speech verb in it, at most twelve
  words, no line break), or nothing at all.
- **Given to someone** (:func:`attached`): an entity named within three words of a speech
  verb (for a term the article quotes in its own voice, also a naming verb: "called",
  "dubbed"), either side of it ("according to" only before the name), with no quotation
  or clause boundary between them.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claimdocs.article import Article
from claimdocs.lexicon import Quotation, quotations, words

#: How many words may stand between a name and the verb that gives it words ("Levi, the mayor, said").
ATTACH_WORDS = 3
#: Between a name and a speech verb, these end the attachment ("Levi, praising his ..." is an object).
GAP_BREAKS = ',;:()"\u201c\u201d\u2014\u2013'
#: How far back a chain of follow-on quotations is followed.
MAX_CHAIN = 12
#: The most words an attribution between two parts of a split quotation has ("said Dana Levi, the mayor
#: of Riverton,"): a longer gap narrates something else.
ATTRIBUTION_WORDS = 12


def continued(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, each one that starts in lower case joined to the one before (“… could.” said Levi.)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text[s : s + 1].islower():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Reading:
    """A text's quotations and sentences (lower-case starts joined), with their starts for bisection."""

    text: str
    quotes: list[Quotation]
    sentences: list[tuple[int, int]]
    _starts: list[int]
    _opens: list[int]

    @classmethod
    def of(cls, text: str, sentences: Iterable[tuple[int, int]]) -> Reading:
        quotes = list(quotations(text))
        spans = continued(text, sentences) or [(0, len(text))]
        return cls(text, quotes, spans, [s for s, _e in spans], [q.open for q in quotes])

    def sentence(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (the one before, between two)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def quotation(self, offset: int) -> int | None:
        """The index of the quotation whose marks hold ``offset``."""
        i = bisect.bisect_right(self._opens, offset) - 1
        if i >= 0 and offset < max(self.quotes[i].close, self.quotes[i].end, self.quotes[i].open + 1):
            return i
        return None

    def only_quotation(self, i: int) -> bool:
        """Does quotation ``i`` open its sentence, and hold all of it (nothing else but punctuation)?"""
        q = self.quotes[i]
        s, e = self.sentences[self.sentence(q.open)]
        return not any(ch.isalnum() for ch in self.text[s : q.open] + self.text[q.close : max(q.close, e)])


_CACHE: dict[int, tuple[weakref.ref[Article], Reading]] = {}


def reading_of(article: Article) -> Reading:
    """The article's reading, once an article.

    Keyed by ``id`` but held through a weak reference whose callback drops the entry: a
    freed article's id, reused by a new one, never finds the old reading, and the cache
    keeps no article alive.
    """
    key = id(article)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is article:
        return hit[1]
    reading = Reading.of(article.text, article.sentences)

    def _forget(ref: weakref.ref[Article], key: int = key) -> None:
        entry = _CACHE.get(key)
        if entry is not None and entry[0] is ref:
            del _CACHE[key]

    _CACHE[key] = (weakref.ref(article, _forget), reading)
    return reading


def follow_on(reading: Reading, i: int, verbs: re.Pattern[str] | None, depth: int = 0) -> tuple[int, int] | None:
    """Where the speaker of quotation ``i`` is named when it follows on from an attributed quotation:
    from the start of the first quotation's sentence to the follow-on's opening mark. None when it does
    not follow on (it is attributed in its own sentence, or not at all)."""
    if i <= 0 or i >= len(reading.quotes) or depth > MAX_CHAIN or not reading.only_quotation(i):
        return None
    text = reading.text
    p, q = reading.quotes[i - 1], reading.quotes[i]
    gap = text[p.close : q.open]
    if gap.count("\n") > 1:
        return None  # a blank line: another section
    if any(ch.isalnum() for ch in gap):
        closes = reading.sentence(max(p.open, p.close - 1))
        if closes != reading.sentence(q.open) - 1 or verbs is None or not verbs.search(gap):
            return None  # something else was said between them, or the gap attributes nothing
    earlier = follow_on(reading, i - 1, verbs, depth + 1) if reading.only_quotation(i - 1) else None
    start = earlier[0] if earlier else reading.sentences[reading.sentence(p.open)][0]
    return start, q.open


def joined(reading: Reading, i: int, verbs: re.Pattern[str] | None) -> bool:
    """Do quotations ``i`` and ``i + 1`` make one quotation split around its attribution (or run over a
    paragraph break)? Nothing but the attribution lies between them, and nothing else is said."""
    if i + 1 >= len(reading.quotes):
        return False
    text = reading.text
    p, q = reading.quotes[i], reading.quotes[i + 1]
    gap = text[p.close : q.open]
    if not any(ch.isalnum() for ch in gap):
        return gap.count("\n") <= 1
    if "\n" in gap or verbs is None or not verbs.search(gap) or len(words(gap)) > ATTRIBUTION_WORDS:
        return False
    return reading.sentence(q.open) - reading.sentence(max(p.open, p.close - 1)) <= 1


@dataclass(frozen=True)
class Named:
    """A name in a text: where, whom, and whether it may be given words (a person, not a possessive)."""

    start: int
    end: int
    entity: str


def attached(text: str, masked: str, s: int, e: int, named: list[Named], verbs: re.Pattern[str] | None,
             mask: str = "\x00") -> Iterator[str]:
    """The entities ``[s, e)`` gives words to: for each verb, the name nearest it, in order.

    ``masked`` is ``text`` with markup replaced by ``mask`` (nothing, for the article): a name
    and a verb with a marker between them are not attached.
    """
    if verbs is None or not named:
        return
    for verb in verbs.finditer(masked, s, e):
        best: tuple[int, Named] | None = None
        after_only = verb.group().lower().startswith("according")
        for m in named:
            if m.start >= verb.end():
                gap = text[verb.end() : m.start]
            elif m.end <= verb.start() and not after_only:
                gap = text[m.end : verb.start()]
            else:
                continue
            between = masked[min(m.end, verb.end()) : max(m.start, verb.start())]
            if mask in between or any(c in gap for c in GAP_BREAKS):
                continue  # a quotation or a clause boundary lies between them
            n = len(words(gap))
            if n <= ATTACH_WORDS and (best is None or n < best[0]):
                best = (n, m)
        if best is not None:
            yield best[1].entity
