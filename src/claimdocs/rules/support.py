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

    A ``{person}`` marker in a sentence with claim markers is held to those claims: its
    entity must be one they refer to (their entity fields, or a registered name in
    their reviewed words, what a figure counts or the summary: "engineers (Hana Brandt
    and Jonas Oker) who were overruled" for an article's "These two engineers") or one their
    own evidence sentences name; the marker's registry sentence does not count here.
    A person swapped for another registered entity beside claims fails so. A heading,
    and a sentence that opens by speaking of the page or the article (framing words
    only, before its first marker: "This page restates the article's account of ...")
    list their topics and are not held so.
``marker``
    A content word or a name inside a marker is not in *its own* claim's evidence
    sentence: a qualifier changed inside a marker ("junior" for "senior"), or a marker
    pointed at another claim, whose evidence does not say it. A figure's marker that
    writes no word of its own ("{claim}`three <c>` sources") is held by what it counts:
    the first content word after it in its phrase (up to the next marker, comma, colon,
    semicolon, stop, bracket or dash; free words skipped), or the registered name there
    ("three sources familiar with the discussions"), must be in its own claim's evidence
    sentence (a name: named there, or referred to by the claim). A figure pointed at
    another claim of the same value fails so, even where the sentence's other claims
    rest on the figure's own article sentence; its hover card would show another
    article sentence.

This is lexical support, deterministic and explainable, not entailment: two words
swapped inside one evidence sentence ("Levi opposed the council" from "Levi and the council
opposed") pass, and so does a word of the evidence sentence used in another sense.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import Lexicon, shorten
from claimdocs.model import AnyClaim, Quantity
from claimdocs.rules.context import PageContext
from claimdocs.rules.rule import Rule, on_sentence
from claimdocs.rules.sentences import Sentence, normed
from claimdocs.rules.view import Mark

SUPPORT = Rule(RuleId.SUPPORT, "A word or name of a sentence is not in the article sentences its claims rest on.", "pages")
MARKER = Rule(RuleId.MARKER, "A marker's words are not in its own claim's evidence sentence.", "pages")


def is_free(lexicon: Lexicon, word: str, *, framing: bool = False) -> bool:
    """A word that states nothing by itself: a function word, a word about the article or the page, a
    hedge of attribution, a polarity word (held elsewhere); in a framing sentence any framing word.
    ``word`` is normalised (:func:`claimdocs.lexicon.norm`)."""
    memo = lexicon.memo("free-framing" if framing else "free")
    found = memo.get(word)
    if found is None:
        found = memo[word] = (
            word in lexicon.stopwords or word in lexicon.attribution_words or lexicon.is_polarity(word) is not None
            or (lexicon.is_framing(word) if framing else lexicon.is_framing_core(word))
        )
    return found


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


def unsupported(lexicon: Lexicon, words: list[str], stems: frozenset[str]) -> list[str]:
    """The words (as written, first occurrences, in order) that are neither free nor among ``stems``."""
    out = []
    for word in dict.fromkeys(words):
        key = normed(word)
        if not is_free(lexicon, key) and not supported(lexicon, key, stems):
            out.append(word)
    return out


def evidence_text(ctx: PageContext, indices: tuple[int, ...], limit: int = 300) -> str:
    article = ctx.project.article
    if article is None or not indices:
        return ""
    spans = ctx.tables.sentences
    return shorten(" ".join(article.text[spans[i][0] : spans[i][1]] for i in indices), limit)


def _counted(ctx: PageContext, sentence: Sentence, mark: Mark, words: list[str], indices: tuple[int, ...],
             entities: frozenset[str] | set[str]) -> str | None:
    """For a figure's marker that writes no word of its own ("{claim}`three`"): what it counts, the first
    content word or registered name right after it in its phrase ("sources", or the name "three sources
    familiar with the discussions" that takes the figure in), when its own claim's evidence sentence does
    not hold it (a name: does not name it and the claim does not refer to it)."""
    lexicon = ctx.lexicon
    if any(not is_free(lexicon, normed(w)) for w in words):
        return None  # the marker's own words are held already
    start, end = sentence.phrase_after(mark)
    # a name may take the figure in ("three sources familiar with ..." is a registered name)
    name = next((m for m in sentence.mentions if m.start < end and m.end > start), None)
    for offset, word in sentence.words_in(start, end):
        if name is not None and name.start < offset:
            break
        key = normed(word)
        if not is_free(lexicon, key):
            return None if supported(lexicon, key, ctx.tables.trace.union("stems", indices)) else word
    if name is None or name.entity in entities:
        return None
    return sentence.view.text[max(name.start, start) : name.end].strip()


def _lists_topics(ctx: PageContext, sentence: Sentence) -> bool:
    """A heading, or a sentence that opens by speaking of the page or the article ("This page restates the
    article's account of ..."): framing words only, one at least, and no name before its first marker. Its
    markers name its topics, and its ``{person}`` markers need not be what its claims speak of."""
    if sentence.view.block.kind == "heading":
        return True
    first = min((m.start for m in sentence.view.marks if sentence.start <= m.start < sentence.end), default=None)
    if first is None or any(m.start < first for m in sentence.mentions):
        return False
    opening = [normed(w) for _o, w in sentence.words_in(sentence.start, first)]
    lexicon = ctx.lexicon
    return any(lexicon.is_framing(w) for w in opening) and all(is_free(lexicon, w, framing=True) for w in opening)


def _referents(ctx: PageContext, claim: AnyClaim) -> frozenset[str]:
    """The entities a claim refers to: its entity fields, and the registered names in its reviewed words
    ("engineers (Hana Brandt and Jonas Oker) who were overruled" for an article's "These two engineers").
    Once a claim a run: the same claim is used on many pages."""
    memo = ctx.tables.memo.setdefault("referents", {})
    found = memo.get(claim.id)
    if found is None:
        refs = {ref for _field, ref in claim.refs()}
        found = memo[claim.id] = frozenset(refs | ctx.project.registry.named(f"{claim.headline()}\n{claim.summary}"))
    return found


def _persons_beside_claims(ctx: PageContext, sentence: Sentence) -> None:
    """In a sentence with claim markers, each ``{person}`` marker's entity is one its claims refer to (their
    entity fields, or a registered name in their reviewed words: what a figure counts, the summary) or one
    their own evidence sentences name (not the persons' registry sentences): a person swapped for another
    registered entity is not free because the marker brings its own evidence."""
    if _lists_topics(ctx, sentence):
        return
    trace = ctx.tables.trace
    indices = tuple(sorted({i for claim in sentence.claims for i in trace.claim_sentences.get(claim.id, ())}))
    content = set(trace.union("entities", indices)) if indices else set()
    for claim in sentence.claims:
        content |= _referents(ctx, claim)
    said: str | None = None
    for mark in sentence.view.marks:
        if mark.role != "person" or not sentence.start <= mark.start < sentence.end or mark.ident in content:
            continue
        if mark.ident not in ctx.project.entities:
            continue  # an unknown entity is the reference rule's
        said = said or evidence_text(ctx, indices)
        shown = sentence.view.text[mark.start : mark.end]
        line, col = sentence.position(mark.start)
        ctx.add(line, col, SUPPORT,
                f'{{person}} "{shown}" ({ctx.label(mark.ident)}) is neither named in the article sentence'
                f'{"s" if len(indices) > 1 else ""} of this sentence\'s claims ({", ".join(sentence.claim_ids)}) nor '
                f'referred to by them: "{said}"')


def _quoted(words: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in dict.fromkeys(words))


@on_sentence(SUPPORT, MARKER)
def traced_sentence(ctx: PageContext, sentence: Sentence) -> None:
    if not sentence.traced:
        return
    lexicon, tables = ctx.lexicon, ctx.tables
    indices = sentence.evidence(tables)
    stems = tables.trace.union("stems", indices)
    allowed = tables.trace.union("entities", indices) | set(sentence.persons)
    for claim in sentence.claims:
        allowed |= {ref for _field, ref in claim.refs()}
    ids = ", ".join(sentence.claim_ids + [f"{{person}} {p}" for p in sentence.persons])
    behind = f"the article sentence{'s' if len(indices) > 1 else ''} behind this sentence's claims ({ids})"
    said: str | None = None
    for mention in sentence.mentions:
        if mention.entity in allowed or sentence.in_mark(mention.start, mention.end):
            continue
        said = said or evidence_text(ctx, indices)
        shown = sentence.view.text[mention.start : mention.end]
        line, col = sentence.position(mention.start)
        ctx.add(line, col, SUPPORT, f'"{shown}" ({ctx.label(mention.entity)}) is not named in {behind}: "{said}"')
    if sentence.claims and sentence.persons:
        _persons_beside_claims(ctx, sentence)
    loose = unsupported(lexicon, sentence.words, stems)
    if loose:
        said = said or evidence_text(ctx, indices)
        verb = "is" if len(loose) == 1 else "are"
        line, col = sentence.position(sentence.locate(loose[0]))
        ctx.add(line, col, SUPPORT, f'{_quoted(loose)} {verb} not in {behind}: "{said}"')
    for mark, words in sentence.mark_words:
        marked = mark.claim
        assert marked is not None
        own_indices = tables.trace.claim_sentences.get(marked.id, ())
        own_allowed = tables.trace.union("entities", own_indices) | {ref for _f, ref in marked.refs()}
        bad = unsupported(lexicon, words, tables.trace.union("stems", own_indices)) + [
            sentence.view.text[m.start : m.end]
            for m in sentence.mentions_in(mark.start, mark.end) if m.entity not in own_allowed
        ]
        if not bad and isinstance(marked, Quantity):
            counted = _counted(ctx, sentence, mark, words, own_indices, own_allowed)
            if counted:
                ctx.at(
                    mark, MARKER,
                    f'this figure counts "{counted}", which the article sentence of claim {marked.id} does not '
                    f'count: "{evidence_text(ctx, own_indices)}"; is it linked to the right claim?',
                )
        if bad:
            verb = "is" if len(bad) == 1 else "are"
            ctx.at(
                mark, MARKER,
                f"{_quoted(bad)} {verb} not in the article sentence of claim {marked.id}, which this marker restates: "
                f'"{evidence_text(ctx, own_indices)}"; is it linked to the right claim?',
            )


RULES = (SUPPORT, MARKER)
CHECKS = (traced_sentence,)
