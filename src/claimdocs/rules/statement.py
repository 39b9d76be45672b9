"""Statements: what the article says in its own voice names what it is about.

``statement``
    In the claims: a person, organisation or group a statement is ``about`` is
    not named in the evidence's sentence or the three before (places are a
    statement's setting and need not be). On a page: a marked statement does not
    name every entity of the claim's ``about``: by a registered name or alias
    (possessives count) in the marker's text, or, for a marker of at most
    :data:`SHORT_STATEMENT` words or a bare one, anywhere in its sentence
    (``{person}`` markers count). The message lists what is missing.
"""

from __future__ import annotations

from claimdocs.findings import RuleId
from claimdocs.lexicon import words
from claimdocs.model import EntityKind, Statement
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.rule import Rule, on_claim, on_mark
from claimdocs.rules.view import Mark, View

STATEMENT = Rule(
    RuleId.STATEMENT, "A statement in the article's own voice does not name the entities it is about.", "both",
    kinds=("statement",),
)

#: A statement marker of at most this many words is a label ("a staunch ally of the mayor"):
#: its sentence may name what the statement is about; a longer marker must name it itself.
SHORT_STATEMENT = 8


@on_mark(STATEMENT, kinds=(Statement,), bare=True)
def statement_marker(ctx: PageContext, view: View, mark: Mark, claim: Statement) -> None:
    about = list(dict.fromkeys(claim.about))
    missing = [a for a in about if a not in view.named(mark.start, mark.end)]
    if not missing:
        return
    short = mark.bare or len(words(view.text[mark.start : mark.end])) <= SHORT_STATEMENT
    if short:
        s, e = view.sentence_of(mark.start, mark.end)
        named = view.named(s, e)
        missing = [a for a in missing if a not in named]
        if not missing:
            return
    lacking = " and ".join(f'"{ctx.label(a)}"' for a in missing)
    whole = " and ".join(f'"{ctx.label(a)}"' for a in about)
    where = "its sentence" if short else "the marker"
    ctx.at(
        mark, STATEMENT,
        f"statement of claim {claim.id} does not name {lacking} in {where}: the article says it about {whole}; "
        + ("name them in the marker or its sentence (a name, an alias or {person})" if short
           else f"name them in the marker's text (a marker of more than {SHORT_STATEMENT} words must name them itself)"),
    )


@on_claim(STATEMENT, kinds=(Statement,))
def about_in_article(ctx: SourceContext, claim: Statement, start: int, end: int) -> None:
    reg = ctx.project.registry
    # the people and bodies a statement is about are named around it; places are its setting
    named = reg.named_anywhere(ctx.article.around(start, end, before=3, after=0))
    for entity in claim.about:
        ent = ctx.project.entities.get(entity)
        if ent is not None and ent.kind is not EntityKind.PLACE and entity not in named:
            ctx.report(claim.id, STATEMENT, f"claim {claim.id}: {reg.label(entity)!r} is not named around the evidence in the article")


RULES = (STATEMENT,)
CHECKS = (statement_marker, about_in_article)
