"""Speakers: a quotation is given to the person who said it, and to no one else.

``speaker``
    In the claims: a quote claim's speaker is not named in the quotation's
    sentence of the article (nor, for a pronoun there, in the two sentences
    before). On a page: the sentence of a marked quotation does not name its
    speaker (by name, alias, a ``{person}`` marker, or one of the speaker's
    pronouns right after a sentence naming them; a sentence that is nothing but
    the quotation may follow a sentence naming the speaker that ends in ":" or
    ",", or the cell before it in the same table row), or it gives the quotation
    to another person: a person named within three words of a speech verb
    (:attr:`claimdocs.lexicon.Lexicon.speech_verbs`), with no quotation or clause
    boundary between them.

Sentences are :func:`claimdocs.article.sentence_spans` of the block as a reader
sees it; a "sentence" that starts in lower case continues the one before
(``“… could.” said Levi.``).
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import words
from claimdocs.model import Quote
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.rule import Rule, on_claim, on_mark
from claimdocs.rules.view import MASK, Mark, Mention, View

SPEAKER = Rule(RuleId.SPEAKER, "A quotation's speaker is not named where it is quoted.", "both", kinds=("quote",))

#: Between a name and a speech verb, these end the attachment ("Levi, praising his ..." is an object).
_GAP_BREAKS = ',;:()"\u201c\u201d\u2014\u2013'


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
    before = _previous(view, s, view.prev)
    if before is not None:
        pview, ps, pe = before
        if speaker in pview.named(ps, pe):
            if pview is view and ctx.project.registry.pronoun_for(speaker, outside):
                return
            only_quote = not any(ch.isalnum() for ch in outside)
            lead = pview.text[ps:pe].rstrip()
            same_row = pview is not view and view.block.row is not None and pview.block.row == view.block.row
            if only_quote and (lead.endswith((":", ",")) or same_row):
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


def _speaking_other(ctx: PageContext, view: View, s: int, e: int, mark: Mark, speaker: str) -> str | None:
    """A registered person other than the speaker attached to a speech verb in the sentence."""
    speech_re = ctx.lexicon.speech_re
    if speech_re is None:
        return None
    persons = [
        m for m in view.mentions_in(s, e)
        if m.person and not m.possessive and not (mark.start <= m.start < mark.end)
    ]
    if not any(m.entity != speaker for m in persons):
        return None
    for verb in speech_re.finditer(view.masked, s, e):
        best: tuple[int, Mention] | None = None
        after_only = verb.group().lower().startswith("according")
        for m in persons:
            if m.start >= verb.end():
                gap = view.text[verb.end() : m.start]
            elif m.end <= verb.start() and not after_only:
                gap = view.text[m.end : verb.start()]
            else:
                continue
            if MASK in view.masked[min(m.end, verb.end()) : max(m.start, verb.start())] or any(c in gap for c in _GAP_BREAKS):
                continue  # a quotation or a clause boundary lies between them
            n = len(words(gap))
            if n <= 3 and (best is None or n < best[0]):
                best = (n, m)
        if best is not None and best[1].entity != speaker:
            return best[1].entity
    return None


@on_claim(SPEAKER, kinds=(Quote,))
def quotation_speaker_in_article(ctx: SourceContext, claim: Quote, start: int, end: int) -> None:
    if claim.speaker in ctx.project.entities and not _speaker_named(ctx, claim.speaker, start):
        ctx.report(
            claim.id, SPEAKER,
            f"claim {claim.id}: speaker {ctx.label(claim.speaker)!r} is not named around the quotation in the article",
        )


def _speaker_named(ctx: SourceContext, speaker: str, start: int) -> bool:
    """Named in the quotation's sentence, or a pronoun there with the name just before."""
    article, registry = ctx.article, ctx.project.registry
    spans = article.sentences
    i = next((k for k, (s, e) in enumerate(spans) if s <= start < e), 0)
    sentence = article.text[spans[i][0] : spans[i][1]]
    if speaker in registry.named(sentence):
        return True
    before = article.text[spans[max(0, i - 2)][0] : spans[i][0]]
    return registry.pronoun_for(speaker, sentence) and speaker in registry.named(before)


RULES = (SPEAKER,)
CHECKS = (quotation_speaker, quotation_speaker_in_article)
