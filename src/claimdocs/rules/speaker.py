"""Speakers: a quotation is given to the person who said it, and to no one else.

``speaker``
    In the claims: a quote claim's speaker is not named in the quotation's
    sentence of the article (nor, for a pronoun there, in the two sentences
    before), and the quotation does not follow on from one attributed to them
    (“…,” said Levi. “…”: the speaker named between the start of the first
    quotation's sentence and the follow-on, see :mod:`claimdocs.rules.conventions`);
    or a term claim (words the article quotes in its own voice) is on words the
    article gives to someone: an entity other than a place attached to a speech or
    naming verb in its sentence (:attr:`claimdocs.lexicon.Lexicon.naming_verbs`:
    "called", "dubbed"), or a follow-on of an attributed quotation.

    On a page: the sentence of a marked quotation does not name its speaker (by
    name, alias, a ``{person}`` marker, or one of the speaker's pronouns right after
    a sentence naming them; a sentence that is nothing but the quotation may follow
    a sentence naming the speaker that ends in ":" or ",", or the cell before it in
    the same table row, or follow on from a sentence holding a marked quotation of
    the same speaker and naming them, “…,” said Levi. “…”, written the way the
    article writes it), or it gives the quotation to another person: a person named
    within three words of a speech verb (:attr:`claimdocs.lexicon.Lexicon.speech_verbs`),
    with no quotation or clause boundary between them. A marked term is given to
    anyone (an entity other than a place attached to a speech or naming verb in its
    sentence: "Levi called it “savings”") where the article gives it to no one.

Sentences are :func:`claimdocs.article.sentence_spans` of the block as a reader
sees it; a "sentence" that starts in lower case continues the one before
(``“… could.” said Levi.``), in the article as on a page.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.model import EntityKind, Quote, Term
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.conventions import MAX_CHAIN, Named, attached, follow_on, reading_of
from claimdocs.rules.rule import Rule, on_claim, on_mark
from claimdocs.rules.view import MASK, POSSESSIVE, Mark, View

SPEAKER = Rule(
    RuleId.SPEAKER, "A quotation's speaker is not named where it is quoted, or a term gets a speaker the article does not give it.",
    "both", kinds=("quote", "term"),
)


# ---------------------------------------------------------------- the claims to the pages


@on_mark(SPEAKER, kinds=(Quote,), bare=True)
def quotation_speaker(ctx: PageContext, view: View, mark: Mark, claim: Quote) -> None:
    s, e = view.sentence_of(mark.start, mark.end)
    speaker = claim.speaker
    who = ctx.label(speaker)
    other = _speaking_other(ctx, view, s, e, mark, speaker)
    if other is not None:
        ctx.at(mark, SPEAKER, f'quotation of claim {claim.id} is given to "{ctx.label(other)}"; the article\'s speaker is "{who}"')
        return
    if speaker in view.named(s, e, skip=(mark.start, mark.end)):
        return
    outside = view.text[s : mark.start] + view.text[mark.end : e]
    only_quote = not any(ch.isalnum() for ch in outside)
    before = _previous(view, s, view.prev)
    if before is not None:
        pview, ps, pe = before
        if speaker in pview.named(ps, pe):
            if pview is view and ctx.project.registry.pronoun_for(speaker, outside):
                return
            lead = pview.text[ps:pe].rstrip()
            same_row = pview is not view and view.block.row is not None and pview.block.row == view.block.row
            if only_quote and (lead.endswith((":", ",")) or same_row):
                return
    if only_quote and _follows_on(view, s, speaker):
        return
    ctx.at(
        mark, SPEAKER,
        f'quotation of claim {claim.id} does not name its speaker in its sentence: the article\'s speaker is "{who}"; '
        f"name them (e.g. {{person}}`{who} <{speaker}>`) or use a pronoun right after a sentence naming them",
    )


def _previous(view: View, s: int, prev: View | None) -> tuple[View, int, int] | None:
    inside = view.previous_sentence(s)
    if inside is not None:
        return view, inside[0], inside[1]
    if prev is not None and prev.sentences:
        ps, pe = prev.sentences[-1]
        return prev, ps, pe
    return None


def _follows_on(view: View, s: int, speaker: str) -> bool:
    """“…,” said Levi. “…”: the sentence before holds a marked quotation of the speaker and names them,
    or is itself nothing but such a quotation, following on in turn."""
    for _ in range(MAX_CHAIN):
        before = _previous(view, s, view.prev)
        if before is None:
            return False
        view, s, e = before
        quoted = [m for m in view.marks if s <= m.start < e and isinstance(m.claim, Quote) and m.claim.speaker == speaker]
        if not quoted:
            return False
        if any(not any(q.start <= m.start < q.end for q in quoted) and m.entity == speaker for m in view.mentions_in(s, e)):
            return True
        rest = view.text[s:e]
        for q in reversed(quoted):
            rest = rest[: q.start - s] + rest[q.end - s :]
        if any(ch.isalnum() for ch in rest):
            return False
    return False


def _speaking_other(ctx: PageContext, view: View, s: int, e: int, mark: Mark, speaker: str) -> str | None:
    """A registered person other than the speaker attached to a speech verb in the sentence."""
    persons = [
        Named(m.start, m.end, m.entity) for m in view.mentions_in(s, e)
        if m.person and not m.possessive and not (mark.start <= m.start < mark.end)
    ]
    if not any(m.entity != speaker for m in persons):
        return None
    return next((who for who in attached(view.text, view.masked, s, e, persons, ctx.lexicon.speech_re, MASK)
                 if who != speaker), None)


@on_mark(SPEAKER, kinds=(Term,), bare=True)
def term_given_a_speaker(ctx: PageContext, view: View, mark: Mark, claim: Term) -> None:
    """A term the article quotes in its own voice: no one on the page says or coins it."""
    s, e = view.sentence_of(mark.start, mark.end)
    entities = ctx.project.entities
    named = [
        Named(m.start, m.end, m.entity) for m in view.mentions_in(s, e)
        if not m.possessive and not (mark.start <= m.start < mark.end) and entities[m.entity].kind is not EntityKind.PLACE
    ]
    given = next(attached(view.text, view.masked, s, e, named, ctx.lexicon.naming_re, MASK), None)
    if given is not None:
        ctx.at(mark, SPEAKER,
               f'claim {claim.id} is a term the article puts in quotation marks in its own voice ({claim.usage_label()}); '
               f'the page gives it to "{ctx.label(given)}": restate it without a speaker')


# ---------------------------------------------------------------- the article to the claims


@on_claim(SPEAKER, kinds=(Quote,))
def quotation_speaker_in_article(ctx: SourceContext, claim: Quote, start: int, end: int) -> None:
    if claim.speaker in ctx.project.entities and not _speaker_named(ctx, claim.speaker, start):
        ctx.report(
            claim.id, SPEAKER,
            f"claim {claim.id}: speaker {ctx.label(claim.speaker)!r} is not named around the quotation in the article",
        )


def _speaker_named(ctx: SourceContext, speaker: str, start: int) -> bool:
    """Named in the quotation's sentence, or a pronoun there with the name just before, or the
    quotation follows on from one of theirs."""
    article, registry = ctx.article, ctx.project.registry
    reading = reading_of(article)
    text, spans = article.text, reading.sentences
    i = reading.sentence(start)
    sentence = text[spans[i][0] : spans[i][1]]
    if speaker in registry.named(sentence):
        return True
    if registry.pronoun_for(speaker, sentence) and speaker in registry.named(text[spans[max(0, i - 2)][0] : spans[i][0]]):
        return True
    q = reading.quotation(start)
    lead = follow_on(reading, q, ctx.lexicon.speech_re) if q is not None else None
    if lead is None:
        return False
    said = text[lead[0] : lead[1]]
    if speaker in registry.named(said):
        return True
    k = reading.sentence(lead[0])  # “…,” he said. “…”: the name in the two sentences before
    return registry.pronoun_for(speaker, said) and speaker in registry.named(text[spans[max(0, k - 2)][0] : lead[0]])


@on_claim(SPEAKER, kinds=(Term,))
def term_speaker_in_article(ctx: SourceContext, claim: Term, start: int, end: int) -> None:
    """A term claim is on words the article gives to no one."""
    given = _given_in_article(ctx, start, end)
    if given is not None:
        who = ctx.label(given)
        ctx.report(claim.id, SPEAKER,
                   f"claim {claim.id}: the article gives these words to {who!r}; a term is what the article quotes "
                   f"in its own voice: make it a quote claim (kind: quote, speaker: {given})")


def _given_in_article(ctx: SourceContext, start: int, end: int) -> str | None:
    article, registry, entities = ctx.article, ctx.project.registry, ctx.project.entities
    reading = reading_of(article)
    q = reading.quotation(start)
    s, e = reading.sentences[reading.sentence(start)]
    open_, close = (reading.quotes[q].open, reading.quotes[q].close) if q is not None else (start, end)
    sentence = article.text[s:e]
    a, b = max(0, open_ - s), max(0, min(close, e) - s)
    masked = sentence[:a] + MASK * (b - a) + sentence[b:]

    def speakers(text: str, skip: tuple[int, int] = (0, 0)) -> list[Named]:
        """The names in ``text`` that may be given words: not possessive, not a place, not inside ``skip``."""
        return [
            Named(m.start, m.end, m.entity) for m in registry.mentions(text)
            if not (skip[0] <= m.start < skip[1]) and POSSESSIVE.match(text, m.end) is None
            and m.entity in entities and entities[m.entity].kind is not EntityKind.PLACE
        ]

    given = next(attached(sentence, masked, 0, len(sentence), speakers(sentence, (a, b)), ctx.lexicon.naming_re, MASK),
                 None)
    if given is None and q is not None:
        lead = follow_on(reading, q, ctx.lexicon.speech_re)
        if lead is not None:  # “…,” said Levi. “…”: the follow-on is Levi's (a name outside the quotations)
            inside = [(x.open - lead[0], x.close - lead[0]) for x in reading.quotes if lead[0] <= x.open < lead[1]]
            given = next((m.entity for m in speakers(article.text[lead[0] : lead[1]])
                          if not any(x <= m.start < y for x, y in inside)), None)
    return given


RULES = (SPEAKER,)
CHECKS = (quotation_speaker, term_given_a_speaker, quotation_speaker_in_article, term_speaker_in_article)
