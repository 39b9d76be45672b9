"""Offices: an office or affiliation is given to the person who holds it, as current or former.

``office``
    In the claims: a role claim's person is not named beside the office in the
    article (its sentence or the one before), none of its office words is in its
    text, or its ``status`` disagrees with its text (a former-word,
    :attr:`claimdocs.lexicon.Lexicon.former`, says "former").

    On a page, a marked office lacks the claim's office words (an office written
    with another registered name or alias of an entity it names is the same office:
    "chair of the Riverton council" for "chair of the council" when "Riverton council"
    and "the council" are names of one organisation), says "former" (or
    "predecessor", "ex-") when the role is current or the other way round, names
    another organisation, or the nearest person named in its clause (failing
    that, its sentence) is not the role's person. In prose, an office attached to a
    person (``Name, the OFFICE`` or ``OFFICE Name``) who does not hold it per the
    role claims, or holds it with the other status (an office word that says
    "former" itself, "predecessor", counts as former). A semicolon ends the clause
    an office belongs to, not the sentence. An office word inside a registered
    name ("Mayor" in the alias "Mayor Levi") is part of that name and is
    nobody's office.
``unbacked`` (offices)
    An office in prose attached to a person who holds it per the role claims, not
    marked: the message gives the marker to write.
"""

from __future__ import annotations

import re

from claimdocs.findings import RuleId
from claimdocs.lexicon import fold, fold_same_length, words
from claimdocs.model import EntityKind, Role
from claimdocs.rules.context import PageContext, SourceContext
from claimdocs.rules.rule import Rule, on_block, on_claim, on_mark
from claimdocs.rules.unbacked import UNBACKED
from claimdocs.rules.view import MASK, Mark, Mention, View
from claimdocs.text import lower_same_length

OFFICE = Rule(RuleId.OFFICE, "An office or affiliation differs from the role claims.", "both", kinds=("role",))

#: How far (characters) from an office phrase a name may stand to be the office's holder.
_REACH = 120
_APPOSITION_GAP = re.compile(r"^\s*,\s*(?:[^\s,;:!?()\"“”—–\x00]+\s+){0,4}$")


# ---------------------------------------------------------------- markers


@on_mark(OFFICE, kinds=(Role,))
def office_marker(ctx: PageContext, view: View, mark: Mark, claim: Role) -> None:
    """The marker's words: the claim's office, its status, no other organisation."""
    written = mark.written
    lexicon = ctx.lexicon
    office_re = ctx.tables.role_office_re.get(claim.id)
    said = f'claim {claim.id} says "{claim.text}"'
    bare = lexicon.prefix_former_re.sub("", fold(written))
    if office_re is not None and office_re.search(bare) is None and not _named_office(ctx, claim, bare):
        listed = ", ".join(f'"{w}"' for w in claim.office)
        ctx.at(mark, OFFICE, f'office differs from the source: page says "{written}", without any of {listed}; {said}')
        return
    s, _e = view.clause_of(mark.start, mark.end, *view.sentence_of(mark.start, mark.end))
    lead = " ".join(words(view.masked[s : mark.start])[-3:])
    page_former = lexicon.says_former(written) or lexicon.says_former(lead)
    if page_former != (claim.status == "former"):
        says = "former" if page_former else "current"
        ctx.at(mark, OFFICE, f'office status differs from the source: page says "{written}" ({says}), {said} ({claim.status})')
        return
    reg = ctx.project.registry
    allowed = {claim.organisation} | reg.named(claim.text)
    for m in reg.mentions(written):
        ent = ctx.project.entities.get(m.entity)
        if ent is not None and ent.kind is EntityKind.ORGANISATION and m.entity not in allowed:
            org = f'"{ctx.label(claim.organisation)}"' if claim.organisation else "no organisation"
            ctx.at(mark, OFFICE, f'office differs from the source: page says "{written}", naming "{ent.name}"; {said}, of {org}')
            return


def _named_office(ctx: PageContext, claim: Role, written: str) -> bool:
    """Does the marker write one of the claim's offices with another registered name of an entity it names
    ("the chief engineer of the water board" for "chief engineer of the Kelbrook water board", both names
    of one entity)?"""
    named_re = ctx.tables.role_named_office_re.get(claim.id)
    return named_re is not None and named_re.search(ctx.project.registry.as_entities(written)) is not None


@on_mark(OFFICE, kinds=(Role,), bare=True)
def office_holder(ctx: PageContext, view: View, mark: Mark, claim: Role) -> None:
    """The person nearest the office, in its clause or else its sentence, is the role's person."""
    s, e = view.sentence_of(mark.start, mark.end)
    cs, ce = view.clause_of(mark.start, mark.end, s, e)
    persons = [m for m in view.mentions_in(cs, ce) if m.person and not m.possessive]
    if not persons:
        persons = [m for m in view.mentions_in(s, e) if m.person and not m.possessive]
    who = ctx.label(claim.person)
    if not persons:
        ctx.at(mark, OFFICE, f'office of claim {claim.id} is not given to anyone in its sentence; the article gives it to "{who}"')
        return

    def distance(m: Mention) -> int:
        if m.end <= mark.start:
            return mark.start - m.end
        if m.start >= mark.end:
            return m.start - mark.end
        return 0

    nearest = min(persons, key=lambda m: (distance(m), m.start))
    if nearest.entity != claim.person:
        ctx.at(
            mark, OFFICE,
            f'office of claim {claim.id} is given to "{ctx.label(nearest.entity)}"; the article gives it to "{who}"',
        )


# ---------------------------------------------------------------- prose


@on_block(OFFICE, UNBACKED)
def offices_in_prose(ctx: PageContext, view: View) -> None:
    """Offices attached to a person in unmarked prose: marked if held, a finding if not."""
    office_re = ctx.tables.office_re
    if office_re is None or not view.masked.strip(MASK + " "):
        return
    # typographic apostrophes folded, length kept: "head of Riverton’s council" is an office word too
    folded = fold_same_length(view.masked)
    hits = list(office_re.finditer(lower_same_length(folded)))
    if not hits:
        return
    lexicon = ctx.lexicon
    reach = ctx.tables.longest_name
    for hit in hits:
        if view.in_person_name(hit.start(), hit.end(), reach):
            continue  # part of a registered name ("Mayor Levi"): nobody else's office
        s, e = view.clause_of(hit.start(), hit.end(), *view.sentence_of(hit.start(), hit.end()))
        holder = _holder(ctx, view, hit.start(), hit.end(), s, e)
        if holder is None:
            continue
        written = folded[hit.start() : hit.end()]
        office = fold(written).lower()
        lead = " ".join(words(view.masked[s : hit.start()])[-3:])
        # "a former defense minister", and an office that says so itself ("his predecessor")
        own_former = lexicon.says_former(office)
        status = "former" if own_former or lexicon.says_former(lead) else "current"
        roles = list(ctx.tables.roles_by_office.get(office, []))
        if own_former:  # "former defense minister" is also the office "defense minister", said to be past
            base = " ".join(lexicon.former_re.sub(" ", office).split())
            roles += [r for r in ctx.tables.roles_by_office.get(base, []) if r not in roles]
        held = [r for r in roles if r.person == holder]
        line, col = view.position(hit.start())
        name = ctx.label(holder)
        if any(r.status == status for r in held):
            role = next(r for r in held if r.status == status)
            ctx.add(
                line, col, UNBACKED,
                f'office "{written}" of "{name}" is not marked; mark it with {{claim}}`{written} <{role.id}>`',
                role.id,
            )
        elif held:
            role = held[0]
            ctx.add(
                line, col, OFFICE,
                f'office status differs from the source: page gives "{name}" the office "{written}" as {status}, '
                f"role {role.id} says {role.status}",
                role.id,
            )
        else:
            owner = roles[0] if roles else None
            tail = f'; role {owner.id} gives it to "{ctx.label(owner.person)}"' if owner else ""
            ctx.add(line, col, OFFICE, f'"{name}" is not "{written}" per the role claims{tail}', owner.id if owner else None)


def _holder(ctx: PageContext, view: View, start: int, end: int, s: int, e: int) -> str | None:
    """The person an office phrase at [start, end) is attached to, if any."""
    best: tuple[int, str] | None = None
    title_gap = ctx.lexicon.title_gap_re
    # a title and its name are a few words apart: look no further than _REACH characters
    for m in view.mentions_in(max(s, start - _REACH), min(e, end + _REACH)):
        if not m.person or m.possessive:
            continue
        if m.start >= end:  # "OFFICE Name", "OFFICE, Name"
            gap = view.text[end : m.start]
            if title_gap.match(gap):
                n = len(words(gap))
                if best is None or n <= best[0]:
                    best = (n, m.entity)
        elif m.end <= start:  # "Name, the OFFICE", "Name, a former OFFICE"
            gap = _without_possessives(view, m.end, start)
            if _APPOSITION_GAP.match(gap):
                n = len(words(gap))
                if best is None or n < best[0]:
                    best = (n, m.entity)
    return best[1] if best else None


def _without_possessives(view: View, start: int, end: int) -> str:
    """The text between two offsets, a possessive name ("Ms. Levi's") read as one word."""
    gap = view.text[start:end]
    for m in view.mentions_in(start, end):
        if m.possessive:
            a, b = m.start - start, m.end - start
            gap = gap[:a] + "X" * (b - a) + gap[b:]
    return re.sub(r"X+", "X", gap)


# ---------------------------------------------------------------- the article


@on_claim(OFFICE, kinds=(Role,))
def office_in_article(ctx: SourceContext, claim: Role, start: int, end: int) -> None:
    reg = ctx.project.registry
    around = ctx.article.around(start, end, before=1, after=0)
    if claim.person in ctx.project.entities and claim.person not in reg.named(around):
        ctx.report(
            claim.id, OFFICE,
            f"claim {claim.id}: {reg.label(claim.person)!r} is not named beside the office {claim.text!r} in the article",
        )
    if not any(fold(o).lower() in fold(claim.text).lower() for o in claim.office):
        ctx.report(claim.id, OFFICE, f"claim {claim.id}: none of the office words {claim.office} is in {claim.text!r}")
    if ctx.lexicon.says_former(claim.text) != (claim.status == "former"):
        ctx.report(claim.id, OFFICE, f"claim {claim.id}: status {claim.status!r} disagrees with the text {claim.text!r}")


RULES = (OFFICE,)
CHECKS = (office_marker, office_holder, offices_in_prose, office_in_article)
