"""Attribution: a figure, a position or a statement keeps the source the article gives it.

``attribution``
    In the claims: an assertion's asserters are not named in its sentence of the
    article (or the one before), or its verb is not in its evidence. On a page: a
    marked figure or stance whose claim has ``according_to`` is in a sentence that
    does not name that source; a marked assertion is in a sentence that does not
    name who asserts it with a form of its verb, or (when contested) in a
    paragraph that does not name the contester with a form of the contest verb.

Verb forms are :attr:`claimdocs.lexicon.Lexicon.verb_forms`; a verb not listed
compares by its first five letters.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import fold, words
from claimdocs.model import Assertion, Quantity, Stance
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.rule import Rule, on_claim, on_mark
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
    if source in view.named(s, e):
        return
    what = "figure" if isinstance(claim, Quantity) else "stance"
    ctx.at(
        mark, ATTRIBUTION,
        f'{what} of claim {claim.id} lost its source: the article gives it as according to "{ctx.label(source)}"; '
        f"name them in the same sentence",
    )


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
    if claim.contested_by:
        verb = claim.contest_verb or ""
        if not (view.named_anywhere & set(claim.contested_by)) or (verb and not lexicon.has_verb(view.lemmas, verb)):
            who = " or ".join(f'"{ctx.label(a)}"' for a in claim.contested_by)
            ctx.at(
                mark, ATTRIBUTION,
                f"statement of claim {claim.id} lost its contest: the article says {who} "
                f'{verb or "contest"} it; say so in the same paragraph',
            )


@on_claim(ATTRIBUTION, kinds=(Assertion,))
def asserted_in_article(ctx: SourceContext, claim: Assertion, start: int, end: int) -> None:
    reg = ctx.project.registry
    named = reg.named(ctx.article.around(start, end, before=1, after=0))
    for who in claim.asserted_by:
        if who in ctx.project.entities and who not in named:
            ctx.report(claim.id, ATTRIBUTION, f"claim {claim.id}: {reg.label(who)!r} is not named as asserting this in the article")
    if fold(claim.verb).lower() not in fold(ctx.article.text[start:end]).lower():
        ctx.report(claim.id, ATTRIBUTION, f"claim {claim.id}: verb {claim.verb!r} is not in the evidence")


RULES = (ATTRIBUTION,)
CHECKS = (source_named, asserted, asserted_in_article)
