"""Positions: a stance names exactly the people the article names, with a word of its position.

``position``
    In the claims: a stance's actor is not named in its evidence's sentence or the
    two before. On a page: a marked stance does not name, in the marker's own text,
    exactly the claim's actors (persons and groups; "they" or a name outside the marker
    does not count),
    no word of the claim's position (:attr:`claimdocs.lexicon.Lexicon.positions`),
    or a word that belongs only to positions of the other side (for or against
    what the stance is about: "supported" beside "sanctions" for "opposed"; words
    of positions that take no side, such as "decision" or "argued", never count).
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import Lexicon, fold
from claimdocs.model import EntityKind, Stance
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.rule import Rule, on_claim, on_mark
from claimdocs.rules.view import POSSESSIVE, Mark, View

POSITION = Rule(
    RuleId.POSITION, "A stance names other actors or another position than its claim.", "both", kinds=("stance",)
)


def _contrary_word(lexicon: Lexicon, position: str, folded: str) -> str | None:
    """A word of the other side in a stance marker: "supported" beside "sanctions" for "opposed"."""
    side = lexicon.side(position)
    any_re = lexicon.any_position_re
    if side is None or any_re is None:
        return None
    for m in any_re.finditer(folded):
        sides = {lexicon.side(p) for p in lexicon.word_positions.get(" ".join(m.group().lower().split()), ())}
        if sides and side not in sides and None not in sides:
            return m.group()
    return None


@on_mark(POSITION, kinds=(Stance,))
def stance_marker(ctx: PageContext, view: View, mark: Mark, claim: Stance) -> None:
    reg = ctx.project.registry
    lexicon = ctx.lexicon
    actors = set(claim.actors)
    named = set()
    for m in reg.mentions(mark.written):
        ent = ctx.project.entities.get(m.entity)
        if m.entity in actors or (ent is not None and ent.kind in (EntityKind.PERSON, EntityKind.GROUP)):
            if POSSESSIVE.match(mark.written, m.end) and m.entity not in actors:
                continue
            named.add(m.entity)
    if named != actors:
        page = ", ".join(f'"{ctx.label(a)}"' for a in sorted(named)) or "nobody"
        want = ", ".join(f'"{ctx.label(a)}"' for a in claim.actors)
        ctx.at(mark, POSITION, f"actors differ: page names {page}, claim {claim.id} says {want}")
        return
    position = claim.position
    own = lexicon.position_res.get(position)
    folded = fold(mark.written)
    contrary = _contrary_word(lexicon, position, folded)
    if contrary is not None:
        ctx.at(mark, POSITION, f'position differs: page says "{contrary}", claim {claim.id} says "{position}"')
        return
    if own is None or own.search(folded):
        return
    other = lexicon.any_position_re.search(folded) if lexicon.any_position_re else None
    if other is not None:
        ctx.at(mark, POSITION, f'position differs: page says "{other.group()}", claim {claim.id} says "{position}"')
    else:
        listed = ", ".join(lexicon.positions.get(position, ())[:6])
        ctx.at(
            mark, POSITION,
            f'position differs: page says "{mark.written}", with no word for "{position}" ({listed} ...), '
            f'claim {claim.id} says "{position}"',
        )


@on_claim(POSITION, kinds=(Stance,))
def actors_in_article(ctx: SourceContext, claim: Stance, start: int, end: int) -> None:
    reg = ctx.project.registry
    named = reg.named(ctx.article.around(start, end, before=2, after=0))
    for actor in claim.actors:
        if actor in ctx.project.entities and actor not in named:
            ctx.report(claim.id, POSITION, f"claim {claim.id}: actor {reg.label(actor)!r} is not named around the evidence in the article")


RULES = (POSITION,)
CHECKS = (stance_marker, actors_in_article)
