"""Polarity: negations, comparatives, quantifiers and order words agree with the article.

``polarity``
    A traced sentence adds a negation (not, no, never, without, n't, neither, nor ...)
    that its evidence sentences do not hold, or drops one that its claims' evidence
    itself holds ("the military might be left solely responsible" restated as "might
    not be"); or it uses a comparative, quantifier or order word (more, less, all,
    some, only, before, after, earlier, later, first, last, prior, followed ...) that
    its evidence sentences do not hold ("far less challenging" for "far more
    challenging", "later" for "prior"). The words are
    :attr:`claimdocs.lexicon.Lexicon.polarity`, by class; the message names the
    article's word of the same class where there is one.

Hedge words inside a figure's marker ("more than 350,000") are the hedge rule's.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_sentence
from claimdocs.rules.sentences import Sentence
from claimdocs.rules.support import evidence_text

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
    ev_words = frozenset().union(*(trace.sentence_words[i] for i in indices)) if indices else frozenset()
    ev_stems = frozenset().union(*(trace.sentence_stems[i] for i in indices)) if indices else frozenset()
    ev_negated = any(trace.sentence_negated[i] for i in indices)
    said = evidence_text(ctx, indices)
    claim = sentence.claim_ids[0] if sentence.claim_ids else None
    negations = sentence.negations(lexicon)
    for token in negations:
        if not ev_negated:
            line, col = sentence.position(token.start)
            ctx.add(line, col, POLARITY, f'"{token.text}" adds a negation the article sentence does not hold: "{said}"', claim)
    for token in sentence.tokens:
        cls = lexicon.is_polarity(token.norm)
        if cls is None or cls == "negation" or sentence.is_exempt(token):
            continue
        if token.norm in ev_words or lexicon.stem(token.norm) in ev_stems:
            continue
        theirs = sorted(w for w in ev_words if lexicon.is_polarity(w) == cls)
        hint = f" (it says {', '.join(repr(w) for w in theirs)})" if theirs else ""
        line, col = sentence.position(token.start)
        ctx.add(line, col, POLARITY, f'"{token.text}" is not in the article sentence behind this sentence{hint}: "{said}"', claim)
    if negations:
        return
    seen: set[str] = set()
    for mark in sentence.marks:
        marked = mark.claim
        if mark.bare or marked is None or marked.id in seen:
            continue
        seen.add(marked.id)
        dropped = trace.evidence_negations.get(marked.id, ())
        if dropped:
            ctx.at(mark, POLARITY,
                   f"this sentence drops the negation {', '.join(repr(w) for w in dict.fromkeys(dropped))} of claim "
                   f'{marked.id}\'s evidence: "{said}"')


RULES = (POLARITY,)
CHECKS = (polarity,)
