"""Support: every word of a traced sentence is found in the article sentences its claims rest on.

A sentence with claim markers (or ``{person}`` markers, or the lead-in of a
``{claim-quote}``) is *traced*. Its **evidence sentences** are the article sentences
that hold its claims' evidence (and its persons' registry evidence).

``support``
    A content word of a traced sentence, outside its markers, is not found in its
    evidence sentences, or the sentence names an entity that neither its claims refer
    to nor its evidence sentences name. Words are compared folded for case, quotes,
    apostrophes and inflection (a Snowball stemmer: "negotiations" is "negotiation");
    a hyphenated compound passes when it or each of its parts is found. Free words:
    function words (:attr:`claimdocs.lexicon.Lexicon.stopwords`), the framing vocabulary
    (:attr:`~claimdocs.lexicon.Lexicon.framing`: article, page, says, restates, ...), the
    figures and times the value rules own, and the paraphrases a project lists in its
    vocabulary (``paraphrases: {talks: [negotiations]}``). Negations, comparatives,
    quantifiers and order words are held by :mod:`claimdocs.rules.polarity`.
``marker``
    A content word or a name inside a marker is not in *its own* claim's evidence
    sentence: a qualifier changed inside a marker ("junior" for "senior"), or a marker
    pointed at another claim, whose evidence does not say it.

This is lexical support, deterministic and explainable, not entailment: two words
swapped inside one evidence sentence ("Zamir opposed Barnea" from "Zamir and Barnea
opposed") pass, and so does a word of the evidence sentence used in another sense.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import Lexicon, shorten
from claimdocs.quantities import find_figures, find_times
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_sentence
from claimdocs.rules.sentences import Sentence, Token, spans_index, within
from claimdocs.rules.tables import Tables

SUPPORT = Rule(RuleId.SUPPORT, "A word or name of a sentence is not in the article sentences its claims rest on.", "pages")
MARKER = Rule(RuleId.MARKER, "A marker's words are not in its own claim's evidence sentence.", "pages")


def is_free(lexicon: Lexicon, word: str, *, framing: bool = False) -> bool:
    """A word that states nothing by itself: a function word, a word about the article or the page, a
    hedge of attribution, a polarity word (held elsewhere); in a framing sentence any framing word."""
    return (
        word in lexicon.stopwords or word in lexicon.attribution_words or lexicon.is_polarity(word) is not None
        or (lexicon.is_framing(word) if framing else lexicon.is_framing_core(word))
    )


def supported(lexicon: Lexicon, word: str, stems: frozenset[str]) -> bool:
    """Is the word (or each part of a compound, or a listed paraphrase) among ``stems``? A neutral
    speech verb ("said") stands for any speech verb of the evidence ("noted", "elaborated")."""
    found = lexicon.stems(word)
    if found[0] in stems:
        return True
    if found[0] in lexicon.neutral_speech_stems and stems & lexicon.speech_stems:
        return True
    if len(found) > 1 and all(p in stems or is_free(lexicon, p) for p in found[1:]):
        return True
    return any(lexicon.paraphrase_stems.get(s, frozenset()) & stems for s in found)


def evidence_text(ctx: PageContext, indices: tuple[int, ...], limit: int = 300) -> str:
    article = ctx.project.article
    if article is None or not indices:
        return ""
    spans = ctx.tables.sentences
    return shorten(" ".join(article.text[spans[i][0] : spans[i][1]] for i in indices), limit)


def prose_figures(sentence: Sentence) -> tuple[list[int], list[tuple[int, int]]]:
    """Figures and times written in prose (outside markers), indexed for :func:`within`: the unbacked rule reports them."""
    masked = sentence.view.masked
    return spans_index([(f.start, f.end) for f in find_figures(masked)] + [(t.start, t.end) for t in find_times(masked)])


def _stems(tables: Tables, indices: tuple[int, ...]) -> frozenset[str]:
    return frozenset().union(*(tables.trace.sentence_stems[i] for i in indices)) if indices else frozenset()


def _entities(tables: Tables, indices: tuple[int, ...]) -> frozenset[str]:
    return frozenset().union(*(tables.trace.sentence_entities[i] for i in indices)) if indices else frozenset()


def _quoted(words: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in dict.fromkeys(words))


@on_sentence(SUPPORT, MARKER)
def traced_sentence(ctx: PageContext, sentence: Sentence) -> None:
    if not sentence.traced:
        return
    lexicon, tables = ctx.lexicon, ctx.tables
    indices = sentence.evidence(tables)
    stems = _stems(tables, indices)
    allowed = _entities(tables, indices) | set(sentence.persons)
    for claim in sentence.claims:
        allowed |= {ref for _field, ref in claim.refs()}
    owned = prose_figures(sentence)
    loose: list[Token] = []
    in_marks: dict[int, list[str]] = {}
    for token in sentence.tokens:
        if sentence.in_mention(token) or sentence.is_exempt(token) or is_free(lexicon, token.norm):
            continue
        if token.mark is None:
            if within(owned, token.start, token.end):
                continue
            if not supported(lexicon, token.norm, stems):
                loose.append(token)
        else:
            own_claim = token.mark.claim
            own = _stems(tables, tables.trace.claim_sentences.get(own_claim.id, ())) if own_claim else frozenset()
            if not supported(lexicon, token.norm, own):
                in_marks.setdefault(id(token.mark), []).append(token.text)
    names = [
        m for m in sentence.mentions
        if m.entity not in allowed and not sentence.in_mark(m.start, m.end)
    ]
    ids = ", ".join(sentence.claim_ids + [f"{{person}} {p}" for p in sentence.persons])
    behind = f"the article sentence{'s' if len(indices) > 1 else ''} behind this sentence's claims ({ids})"
    said = evidence_text(ctx, indices)
    for mention in names:
        shown = sentence.view.text[mention.start : mention.end]
        line, col = sentence.position(mention.start)
        ctx.add(line, col, SUPPORT, f'"{shown}" ({ctx.label(mention.entity)}) is not named in {behind}: "{said}"')
    if loose:
        words = [t.text for t in loose]
        verb = "is" if len(set(words)) == 1 else "are"
        line, col = sentence.position(loose[0].start)
        ctx.add(line, col, SUPPORT, f'{_quoted(words)} {verb} not in {behind}: "{said}"')
    for mark in sentence.marks:
        marked = mark.claim
        assert marked is not None
        own_indices = tables.trace.claim_sentences.get(claim.id, ())
        own_allowed = _entities(tables, own_indices) | {ref for _f, ref in marked.refs()}
        bad_names = [m for m in sentence.mentions_in(mark.start, mark.end) if m.entity not in own_allowed]
        words = in_marks.get(id(mark), []) + [sentence.view.text[m.start : m.end] for m in bad_names]
        if words:
            verb = "is" if len(set(words)) == 1 else "are"
            ctx.at(
                mark, MARKER,
                f"{_quoted(words)} {verb} not in the article sentence of claim {marked.id}, which this marker restates: "
                f'"{evidence_text(ctx, own_indices)}"; is it linked to the right claim?',
            )


RULES = (SUPPORT, MARKER)
CHECKS = (traced_sentence,)
