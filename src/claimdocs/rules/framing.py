"""Framing: a sentence without a marker speaks of the site and the article, and states no fact.

``framing``
    A sentence with no claim or ``{person}`` marker names a person, organisation,
    group or place of the registry, or uses a word that is not framing vocabulary
    (:attr:`claimdocs.lexicon.Lexicon.framing`: article, page, section, restates,
    lists, says ...; function words, negations and the like are free). The message
    suggests the claim the words most likely belong to: the claim whose evidence
    sentence shares most of them.

    On the pages a project lists as about the site itself (``site_pages`` in
    ``[tool.claimdocs]``: how it is checked, how to edit), an unmarked sentence may use
    other words to explain the site, but still names no registered entity and does not
    restate the article: it shares fewer than :data:`SITE_PAGE_OVERLAP` content words
    (by stem, framing and function words aside) with any one sentence of the article.

Figures, dates and quotations in such a sentence are the unbacked rule's.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_sentence
from claimdocs.rules.sentences import Sentence, normed
from claimdocs.rules.support import evidence_text, is_free

FRAMING = Rule(RuleId.FRAMING, "A sentence without a marker names an entity or states a fact.", "pages")

#: On a page about the site, an unmarked sentence sharing this many content words with one
#: article sentence restates it.
SITE_PAGE_OVERLAP = 3


def likely_claim(ctx: PageContext, sentence: Sentence, words: list[str]) -> str | None:
    """The claim the words most likely belong to: one whose evidence lies in the article sentence
    sharing the most of them (stems; a registered name counts twice); the first by id on a tie."""
    lexicon, trace = ctx.lexicon, ctx.tables.trace
    wanted = {lexicon.stem(normed(w)) for w in words}
    named = {m.entity for m in sentence.mentions}
    best: tuple[int, int] | None = None
    for i, stems in enumerate(trace.sentence_stems):
        score = len(wanted & stems) + 2 * len(named & trace.sentence_entities[i])
        if score and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    claims = trace.sentence_claims[best[1]]
    if not claims:
        return None
    # among the claims resting on that sentence, the one whose own evidence shares most (then the first id)
    return min(claims, key=lambda c: (-len(wanted & trace.evidence_stems.get(c, frozenset())), c))


@on_sentence(FRAMING)
def framing_sentence(ctx: PageContext, sentence: Sentence) -> None:
    if sentence.traced:
        return
    lexicon, trace = ctx.lexicon, ctx.tables.trace
    facts = [w for w in dict.fromkeys(sentence.words) if not is_free(lexicon, normed(w), framing=True)]
    if ctx.site_page:
        facts = _restating(ctx, facts)
    names = [sentence.view.text[m.start : m.end] for m in sentence.mentions]
    if not facts and not names:
        return
    parts = []
    if names:
        parts.append("names " + ", ".join(f'"{n}"' for n in dict.fromkeys(names)))
    if facts:
        listed = ", ".join(f'"{t}"' for t in facts)
        what = "words of the article" if ctx.site_page else "not framing words"
        parts.append(f"uses {listed}, {what}")
    guess = likely_claim(ctx, sentence, facts)
    hint = ""
    if guess is not None:
        hint = f'; it most likely restates claim {guess} ("{evidence_text(ctx, trace.claim_sentences[guess], 160)}"): mark it'
    first = min([sentence.locate(w) for w in facts] + [m.start for m in sentence.mentions])
    line, col = sentence.position(first)
    ctx.add(
        line, col, FRAMING,
        f"a sentence without a claim marker {' and '.join(parts)}{hint}; "
        "a sentence about the site uses only framing words (article, page, section, restates ...)",
        guess,
    )


def _restating(ctx: PageContext, words: list[str]) -> list[str]:
    """The words an unmarked sentence of a site page shares with the article sentence it shares most with,
    when they are :data:`SITE_PAGE_OVERLAP` or more; else none."""
    lexicon, trace = ctx.lexicon, ctx.tables.trace
    stems = {w: lexicon.stem(normed(w)) for w in words}
    wanted = set(stems.values())
    best: frozenset[str] = frozenset()
    for sentence_stems in trace.sentence_stems:
        shared = wanted & sentence_stems
        if len(shared) > len(best):
            best = frozenset(shared)
    return [w for w in words if stems[w] in best] if len(best) >= SITE_PAGE_OVERLAP else []


RULES = (FRAMING,)
CHECKS = (framing_sentence,)
