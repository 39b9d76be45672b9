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
from claimdocs.rules.sentences import Sentence, normed
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
    claim = sentence.claim_ids[0] if sentence.claim_ids else None
    said: str | None = None
    negations = sentence.negations(lexicon)
    if negations and not any(trace.sentence_negated[i] for i in indices):
        for offset, word in negations:
            said = said or evidence_text(ctx, indices)
            line, col = sentence.position(offset)
            ctx.add(line, col, POLARITY, f'"{word}" adds a negation the article sentence does not hold: "{said}"', claim)
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
        mark = next((m for m, ws in sentence.mark_words if word in ws), None) if word not in sentence.words else None
        line, col = sentence.position(sentence.locate(word, mark))
        ctx.add(line, col, POLARITY, f'"{word}" is not in the article sentence behind this sentence{hint}: "{said}"', claim)
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
            said = said or evidence_text(ctx, indices)
            ctx.at(mark, POLARITY,
                   f"this sentence drops the negation {', '.join(repr(w) for w in dict.fromkeys(dropped))} of claim "
                   f'{marked.id}\'s evidence: "{said}"')


RULES = (POLARITY,)
CHECKS = (polarity,)
