"""Polarity: negations, comparatives, quantifiers and order words agree with the article.

``polarity``
    A traced sentence adds a negation (not, no, never, without, n't, neither, nor ...)
    that its evidence sentences do not hold, or drops one that they hold; or it uses a
    comparative, quantifier or order word (more, less, all, some, only, before, after,
    earlier, later, first, last, prior, followed ...) that its evidence sentences do not
    hold ("far less challenging" for "far more challenging", "later" for "prior"). The
    words are :attr:`claimdocs.lexicon.Lexicon.polarity`, by class; the message names the
    article's word of the same class where there is one.

    Negations are read per clause, each with what it governs: the first two content words
    after it (:func:`claimdocs.rules.tables.negations_in`; function, polarity words and
    numbers skipped). A negation of the page is added unless some negation of the evidence
    sentences governs one of the words it governs ("never guided the valley" beside the
    article's "without the old rules that once guided the valley"); one that governs
    nothing ("none.") needs a negation in the evidence sentences at all. A negation of the
    evidence sentences is dropped, inside a claim's own evidence or outside it, when the
    page keeps a word it governs that the evidence sentences use only under a negation,
    keeps what it is said of (one of the two content words before it), and no negation of
    the page governs that word ("closed 40 wells, testing the water" for "closed 40 wells,
    without testing the water"). A negation inside a claim's own evidence is also dropped
    when the sentence holds no negation at all ("may … fully endorse" for "may not fully
    endorse").

Hedge words inside a figure's marker ("more than 350,000") are the hedge rule's.
"""

from __future__ import annotations

import re

from claimdocs.findings import RuleId
from claimdocs.lexicon import norm, words
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_sentence
from claimdocs.rules.sentences import Sentence, normed
from claimdocs.rules.support import evidence_text
from claimdocs.rules.tables import Negation
from claimdocs.rules.view import Mark

POLARITY = Rule(
    RuleId.POLARITY, "A sentence adds or drops a negation, or uses a comparative, quantifier or order word the article does not.",
    "pages",
)


@on_sentence(POLARITY)
def polarity(ctx: PageContext, sentence: Sentence) -> None:
    if not sentence.traced:
        return
    lexicon, trace = ctx.lexicon, ctx.tables.trace
    indices = sentence.evidence(ctx.tables)
    claim = sentence.claim_ids[0] if sentence.claim_ids else None
    said: str | None = None
    negations = sentence.negations(lexicon)
    if negations:
        _negations_added(ctx, sentence, negations, indices, claim)
    ev_words = trace.union("words", indices)
    ev_stems = trace.union("stems", indices)
    for word in dict.fromkeys(sentence.all_words()):
        key = normed(word)
        cls = lexicon.is_polarity(key)
        if cls is None or cls == "negation" or key in ev_words or lexicon.stem(key) in ev_stems:
            continue
        theirs = sorted(w for w in ev_words if lexicon.is_polarity(w) == cls)
        hint = f" (it says {', '.join(repr(w) for w in theirs)})" if theirs else ""
        said = said or evidence_text(ctx, indices)
        line, col = sentence.position(sentence.locate(word, _mark_of(sentence, word)))
        ctx.add(line, col, POLARITY, f'"{word}" is not in the article sentence behind this sentence{hint}: "{said}"', claim)
    if _negations_dropped(ctx, sentence, negations, indices, claim) or negations:
        return
    seen: set[str] = set()
    for mark in sentence.marks:
        marked = mark.claim
        if mark.bare or marked is None or marked.id in seen:
            continue
        seen.add(marked.id)
        dropped = trace.evidence_negations.get(marked.id, ())
        if dropped:
            said = said or evidence_text(ctx, indices)
            ctx.at(mark, POLARITY,
                   f"this sentence drops the negation {', '.join(repr(w) for w in dict.fromkeys(dropped))} of claim "
                   f'{marked.id}\'s evidence: "{said}"')


def _mark_of(sentence: Sentence, word: str) -> Mark | None:
    """The marker a word stands in, when it is not in the sentence's prose."""
    return next((m for m, ws in sentence.mark_words if word in ws), None) if word not in sentence.words else None


def _article_negations(ctx: PageContext, indices: tuple[int, ...]) -> str:
    """The evidence sentences' negations with what they govern, for a message ("'fails to repair the bridge'")."""
    article = ctx.project.article
    if article is None:
        return ""
    trace = ctx.tables.trace
    found = [" ".join(article.text[n.start : _shown_end(article.text, n)].split())
             for i in indices for n in trace.sentence_negations[i]]
    return ", ".join(f'"{n}"' for n in dict.fromkeys(found))


_NEXT_WORDS = re.compile(r"(?:[^\S\n]+[\w’'%$,.-]+){1,2}")


def _shown_end(text: str, negation: Negation) -> int:
    """Where a negation's words end as a message shows them: what it governs, or, when it governs no
    content word ("no earlier than 2029"), the two words after it."""
    own = negation.start + len(negation.word)
    if negation.reach > own:
        return negation.reach
    more = _NEXT_WORDS.match(text, own)
    return more.end() if more else own


def _negations_added(ctx: PageContext, sentence: Sentence, negations: list[Negation], indices: tuple[int, ...],
                     claim: str | None) -> None:
    """Each negation of the page governs a word some negation of the evidence sentences governs too (one that
    governs nothing, "none.", needs a negation there at all)."""
    trace = ctx.tables.trace
    negated = trace.union("negated", indices)
    anywhere = any(trace.sentence_negations[i] for i in indices)
    said: str | None = None
    for negation in negations:
        if (negation.governed & negated) if negation.governed else anywhere:
            continue
        said = said or evidence_text(ctx, indices)
        theirs = _article_negations(ctx, indices)
        where = f' here ("{sentence.negation_text(negation)}"; it negates only {theirs})' if theirs else ""
        line, col = sentence.position(negation.start)
        ctx.add(line, col, POLARITY,
                f'"{negation.word}" adds a negation the article sentence does not hold{where}: "{said}"', claim)


def _negations_dropped(ctx: PageContext, sentence: Sentence, negations: list[Negation], indices: tuple[int, ...],
                       claim: str | None) -> bool:
    """A negation of the evidence sentences dropped: the sentence keeps what it is said of (a word before it)
    and a word it governs that the evidence sentences use only under a negation, and no negation of the
    sentence governs that word. Reports each such negation once, at the first word of it the sentence keeps;
    says whether it reported."""
    trace, lexicon = ctx.tables.trace, ctx.lexicon
    only = trace.union("negated", indices) - trace.union("unnegated", indices)
    if not only:
        return False
    article = ctx.project.article
    assert article is not None  # evidence sentences come from it
    governed = frozenset().union(*(n.governed for n in negations))
    stems = {w: lexicon.stems(normed(w))[0] for w in dict.fromkeys(sentence.all_words())}
    shown: set[str] | None = None  # the stems of every word a reader sees, names included
    reported = False
    for i in indices:
        for negation in trace.sentence_negations[i]:
            lost = (negation.governed & only) - governed
            kept = [w for w, stem in stems.items() if stem in lost]
            if not kept:
                continue
            if shown is None:
                shown = {lexicon.stems(norm(w))[0] for w in words(sentence.text)}
            if negation.anchor and not negation.anchor & shown:
                continue  # said of something else ("constraints guided decisions", not "operates without constraints")
            reported = True
            theirs = " ".join(article.text[negation.start : negation.reach].split())
            line, col = sentence.position(sentence.locate(kept[0], _mark_of(sentence, kept[0])))
            ctx.add(line, col, POLARITY,
                    f'this sentence keeps "{kept[0]}" but drops the negation "{negation.word}" that governs it in the '
                    f'article sentence ("{theirs}"): "{evidence_text(ctx, indices)}"', claim)
    return reported


RULES = (POLARITY,)
CHECKS = (polarity,)
