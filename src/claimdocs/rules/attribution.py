"""Attribution: a figure, a position or a statement keeps the source the article gives it.

``attribution``
    In the claims: an assertion's asserters are not named in its sentence of the
    article (or the one before), or its verb is not in its evidence. On a page: a
    marked figure or stance whose claim has ``according_to`` is in a sentence that
    does not name that source (in a table, nor does another cell of its row: a row
    is one record, "| the inspectors | 19 weeks |"); a marked assertion is in a sentence that does not
    name who asserts it with a form of its verb, or (when contested) in a
    paragraph that does not name the contester with a form of the contest verb,
    nor does the first sentence of the paragraph right after it (a paragraph split
    between a statement and its denial keeps the denial next to it; a heading,
    a table cell or a later sentence does not).

Verb forms are :attr:`claimdocs.lexicon.Lexicon.verb_forms`; a verb not listed
compares by its first five letters.

``attribution`` (in prose)
    A traced sentence drops an attribution that its claim's evidence sentence holds
    before the evidence's end and that governs the evidence (an attributing phrase or
    verb, :attr:`claimdocs.lexicon.Lexicon.attribution_re`), for a figure, a stance,
    a statement or an assertion: a hedge or a source.

    A hedge is a hedge phrase (:attr:`~claimdocs.lexicon.Lexicon.attribution_phrases`)
    not followed by "that": "is widely seen as", "are believed to", "seemed to",
    "reportedly". The article gives the statement as a view, to no one; the name
    before the hedge is what it is about, not its source. The page keeps it as the
    same word (by stem) or as another hedge phrase; a source it names ("the article
    says", "according to the inspectors") does not stand for a hedge. Every hedge
    that governs the evidence is held.

    A source is the first other attributing word that governs the evidence
    ("security officials revealed that", "according to X"), kept as the same word
    (by stem) or as another attributing word with the same source named ("according
    to security officials" for "security officials ... revealed"). The source of
    "according to X" is X; it governs its whole sentence but for a clause set against
    it after "but" or a semicolon. A claim that names its source (``according_to``)
    and an assertion (its asserter and verb) are held to their source above; only
    their hedges here.

    Or the sentence adds a source: a name beside an attributing word that the
    evidence sentences do not name ("..., as the town council has confirmed").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claimdocs.findings import RuleId
from claimdocs.lexicon import Lexicon, fold, norm, words
from claimdocs.model import Assertion, Quantity, Stance, Statement
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.rule import Rule, on_claim, on_mark, on_sentence
from claimdocs.rules.sentences import Sentence, normed
from claimdocs.rules.view import Mark, View

ATTRIBUTION = Rule(
    RuleId.ATTRIBUTION, "A figure or statement lost the source that the article gives it.", "both",
    kinds=("quantity", "stance", "assertion"),
)


@on_mark(ATTRIBUTION, kinds=(Quantity, Stance), bare=True)
def source_named(ctx: PageContext, view: View, mark: Mark, claim: Quantity | Stance) -> None:
    source = claim.according_to
    if not source:
        return
    s, e = view.sentence_of(mark.start, mark.end)
    if source in view.named(s, e) or _named_in_row(view, source):
        return
    what = "figure" if isinstance(claim, Quantity) else "stance"
    ctx.at(
        mark, ATTRIBUTION,
        f'{what} of claim {claim.id} lost its source: the article gives it as according to "{ctx.label(source)}"; '
        f"name them in the same sentence (in a table, the same row)",
    )


def _named_in_row(view: View, entity: str) -> bool:
    """A table cell's row is one record: a source named in another cell of it ("| the inspectors | 19 weeks |")
    is the source of the row's figures."""
    row = view.block.row
    if row is None:
        return False
    for other in (view.prev, view.next):
        step = "prev" if other is view.prev else "next"
        while other is not None and other.block.row == row:
            if entity in other.named_anywhere:
                return True
            other = getattr(other, step)
    return False


@on_mark(ATTRIBUTION, kinds=(Assertion,), bare=True)
def asserted(ctx: PageContext, view: View, mark: Mark, claim: Assertion) -> None:
    lexicon = ctx.lexicon
    s, e = view.sentence_of(mark.start, mark.end)
    named = view.named(s, e)
    lemmas = {lexicon.lemma(w) for w in words(view.text[s:e])}
    if not (named & set(claim.asserted_by)) or not lexicon.has_verb(lemmas, claim.verb):
        who = " or ".join(f'"{ctx.label(a)}"' for a in claim.asserted_by)
        ctx.at(
            mark, ATTRIBUTION,
            f"statement of claim {claim.id} lost its source: the article gives it as asserted by {who} "
            f'("{claim.verb}"); name them with a form of that verb in the same sentence',
        )
        return
    if claim.contested_by and not _contested_near(lexicon, view, claim):
        who = " or ".join(f'"{ctx.label(a)}"' for a in claim.contested_by)
        ctx.at(
            mark, ATTRIBUTION,
            f"statement of claim {claim.id} lost its contest: the article says {who} "
            f'{claim.contest_verb or "contest"} it; say so in the same paragraph or the sentence right after it',
        )


def _contested_near(lexicon: Lexicon, view: View, claim: Assertion) -> bool:
    """Does the paragraph name a contester with a form of the contest verb, or else the first sentence of the
    paragraph right after it (a paragraph split between a statement and its denial)?"""
    verb = claim.contest_verb or ""
    contesters = set(claim.contested_by)
    if view.named_anywhere & contesters and not (verb and not lexicon.has_verb(view.lemmas, verb)):
        return True
    after = view.next
    if after is None or after.block.kind != "paragraph" or view.block.kind != "paragraph":
        return False
    s, e = after.sentences[0]
    lemmas = {lexicon.lemma(w) for w in words(after.text[s:e])}
    return bool(after.named(s, e) & contesters) and not (verb and not lexicon.has_verb(lemmas, verb))


@on_claim(ATTRIBUTION, kinds=(Assertion,))
def asserted_in_article(ctx: SourceContext, claim: Assertion, start: int, end: int) -> None:
    reg = ctx.project.registry
    named = reg.named(ctx.article.around(start, end, before=1, after=0))
    for who in claim.asserted_by:
        if who in ctx.project.entities and who not in named:
            ctx.report(claim.id, ATTRIBUTION, f"claim {claim.id}: {reg.label(who)!r} is not named as asserting this in the article")
    if fold(claim.verb).lower() not in fold(ctx.article.text[start:end]).lower():
        ctx.report(claim.id, ATTRIBUTION, f"claim {claim.id}: verb {claim.verb!r} is not in the evidence")


#: A possessive or a determiner right before a verb form makes it an adjective ("the stated goal").
_DETERMINED = re.compile(r"(?:['’]s|\b(?:the|a|an|its|their|his|her|our))\s+$", re.IGNORECASE)


_THAT = re.compile(r"\s*(?:that\b|:|\u2014|-)", re.IGNORECASE)


def _governs(lexicon: Lexicon, hit: re.Match[str], frame: str, evidence_start: int) -> bool:
    """Does the attributing word govern the evidence (rather than another clause of its sentence)?

    It does when it lies inside the evidence ("is widely seen as a staunch loyalist"), when it is
    "according to" (but for a clause after "but" or a semicolon) or another hedge phrase
    ("believed": in its clause), or when "that" or a colon leads from it to the
    evidence ("revealed that the mayor ..."). "noted Dana Levi, the mayor of ..." governs
    the quotation before it, not the description after it.
    """
    between = frame[hit.end() : evidence_start]
    if hit.start() >= evidence_start or not between.strip():
        return True
    phrase = " ".join(hit.group().lower().split())
    if phrase == "according to":
        # it sets the source of its whole sentence, but for a clause set against it ("X fled, according to
        # the army, but Y are believed to remain": Y is not the army's)
        return " but " not in between and ";" not in between
    if phrase in lexicon.attribution_phrases:
        return " and " not in between and ";" not in between  # "widely seen as X and has vowed Y": not Y
    return _THAT.match(frame, hit.end()) is not None


class _Required(NamedTuple):
    """An attribution a restatement of a claim must keep: the phrase, its key stem, its sources, and whether
    it is a hedge (a view given to no one: "is widely seen as", "are believed to", "seemed to")."""

    phrase: str
    key: str
    sources: frozenset[str]
    frame: str
    hedge: bool


def _is_hedge(lexicon: Lexicon, hit: re.Match[str], frame: str) -> bool:
    """Is the attributing word a hedge of the statement itself, which gives it to no one?

    A hedge phrase (:attr:`claimdocs.lexicon.Lexicon.attribution_phrases`) not followed by "that":
    "Levi is widely seen as", "are believed to remain", "seemed to represent", "reportedly". The
    name before it is what the statement is about, not its source. "according to X" names its
    source, and so does a phrase that reports a clause ("Riverton believes that ...").
    """
    phrase = " ".join(hit.group().lower().split())
    if phrase not in lexicon.attribution_phrases or phrase.startswith("according"):
        return False
    return _THAT.match(frame, hit.end()) is None


def _required(ctx: PageContext, claim: Quantity | Stance | Statement | Assertion) -> list[_Required]:
    """The attributions the article gives a claim: every hedge that governs its evidence, and the first source
    that does (remembered on the project's tables: pages repeat claims)."""
    memo: dict[str, list[_Required]] = ctx.tables.memo.setdefault("attribution", {})
    found = memo.get(claim.id)
    if found is not None:
        return found
    found = []
    article = ctx.project.article.text if ctx.project.article else ""
    lexicon, registry, trace, spans = ctx.lexicon, ctx.project.registry, ctx.tables.trace, ctx.tables.sentences
    attributing = lexicon.attribution_re
    for i in trace.claim_sentences.get(claim.id, ()) if attributing else ():
        start, end = spans[i][0], min(spans[i][1], claim.evidence.end)
        frame = article[start:end]
        sourced = False
        for hit in attributing.finditer(fold(frame)):  # type: ignore[union-attr]
            if _DETERMINED.search(frame, 0, hit.start()):
                continue  # "the government's stated goal": a participle, not an attribution
            if not _governs(lexicon, hit, frame, claim.evidence.start - start):
                continue
            head = next((w for w in hit.group().split() if norm(w) not in lexicon.stopwords), hit.group().split()[0])
            key = lexicon.stem(norm(head))
            if _is_hedge(lexicon, hit, frame):
                found.append(_Required(hit.group(), key, frozenset(), frame, hedge=True))
                continue
            if sourced:
                continue  # one source a sentence: kept once, it is kept
            sourced = True
            if hit.group().lower().startswith("according"):  # "according to X, ...": X, not what precedes it
                sources = registry.named(frame[hit.end() :].split(",", 1)[0])
            else:  # "X revealed that ...": who speaks
                sources = registry.named(frame[: hit.start()])
            if not sources:  # "he underscored": whom the sentence's pronoun stands for
                sources = set(trace.sentence_entities[i]) - registry.named_anywhere(article[spans[i][0] : spans[i][1]])
            found.append(_Required(hit.group(), key, frozenset(sources), frame, hedge=False))
    memo[claim.id] = found
    return found


def _hedged(lexicon: Lexicon, text: str) -> bool:
    """Does a page sentence hold a hedge of its own (another hedge phrase than the article's)?"""
    attributing = lexicon.attribution_re
    return attributing is not None and any(
        _is_hedge(lexicon, hit, text) for hit in attributing.finditer(fold(text))
    )


@on_sentence(ATTRIBUTION)
def attribution_kept(ctx: PageContext, sentence: Sentence) -> None:
    """The sentence keeps each attribution its claims' evidence holds, and adds no source."""
    lexicon = ctx.lexicon
    attributing = lexicon.attribution_re
    if not sentence.traced or ctx.project.article is None or attributing is None:
        return
    page_stems: set[str] | None = None
    page_attributes: bool | None = None
    page_hedged: bool | None = None
    page_names = {m.entity for m in sentence.mentions}
    seen: set[str] = set()
    for mark in sentence.marks:
        claim = mark.claim
        # what is attributed: figures, positions, statements, assertions (an office is who someone is; a
        # quotation has its speaker)
        if mark.bare or not isinstance(claim, Quantity | Stance | Statement | Assertion) or claim.id in seen:
            continue
        seen.add(claim.id)
        # the source a claim names (according_to), or an assertion's asserter and verb: source_named and
        # asserted above hold those; the hedges are held here
        hedges_only = isinstance(claim, Assertion) or (not isinstance(claim, Statement) and bool(claim.according_to))
        for need in _required(ctx, claim):
            if hedges_only and not need.hedge:
                continue
            if page_stems is None:
                page_stems = {stem for w in sentence.all_words() for stem in lexicon.stems(normed(w))}
            if need.key in page_stems:
                continue
            if need.hedge:
                if page_hedged is None:
                    page_hedged = _hedged(lexicon, sentence.text)
                if page_hedged:
                    continue  # another hedge ("is believed to be" for "is widely seen as")
                ctx.at(
                    mark, ATTRIBUTION,
                    f'this sentence drops the hedge "{need.phrase}" that the article gives claim {claim.id} '
                    f'("{need.frame.strip()}"): it states as a fact what the article gives as a view; keep the hedge '
                    "(another source, such as \"the article says\", does not stand for it)",
                )
                continue
            if page_attributes is None:
                page_attributes = attributing.search(fold(sentence.text)) is not None
            if page_attributes and need.sources & page_names:
                continue
            who = " and ".join(f'"{ctx.label(s)}"' for s in sorted(need.sources))
            source = f" to {who}" if who else ""
            ctx.at(
                mark, ATTRIBUTION,
                f'this sentence drops the attribution "{need.phrase}"{source} that the article gives claim '
                f'{claim.id} ("{need.frame.strip()}"); keep it, or name the source with "according to"',
            )
    allowed = sentence.evidence_entities | set(sentence.persons)
    for claim in sentence.claims:
        allowed = allowed | {ref for _field, ref in claim.refs()}
    if not any(m.entity not in allowed for m in sentence.mentions):
        return  # a source can only be added by naming one
    reported: set[int] = set()
    for hit in attributing.finditer(fold(sentence.text)):
        at, end = sentence.start + hit.start(), sentence.start + hit.end()
        near = [m for m in sentence.mentions_in(max(sentence.start, at - 60), end + 60 + 1) if m.entity not in allowed
                and (0 <= m.start - end <= 30 or 0 <= at - m.end <= 30)]
        for mention in near:
            if mention.start in reported:
                continue
            reported.add(mention.start)
            line, col = sentence.position(mention.start)
            ctx.add(line, col, ATTRIBUTION,
                    f'this sentence adds a source the article does not give here: '
                    f'"{sentence.view.text[mention.start:mention.end]}" ("{hit.group()}"); '
                    "the article sentences behind it name no such source")


RULES = (ATTRIBUTION,)
CHECKS = (source_named, asserted, asserted_in_article, attribution_kept)
