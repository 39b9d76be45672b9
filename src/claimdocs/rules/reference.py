"""References: every id names something that exists, every marker is well formed, every claim is used.

Page markup (what editors write)
================================

``{claim}`about 1,500 <evacuated>```
    The written text, then the id of the claim it restates. The other rule
    families check the text against the claim.
``{claim}`evacuated```
    The bare form: the page shows the claim's own wording. The id must exist; the
    text is not checked, the sentence around it still is (speaker, source).
``{person}`Dana Levi <levi>``` or ``{person}`levi```
    Names an entity. The written text must be one of the entity's names or
    aliases (quotes, apostrophes, spaces and case folded; a possessive "'s" is fine).
``{nofact}`3```
    A number that states no fact (a section number, a step): shown as is, counted.
    It holds a number (a figure the grammar reads, or a short label with a digit:
    at most 24 characters and three words), never a sentence.
``{claim-quote} levi-quickly`` (a directive)
    Sets a quote claim as a block quotation with its speaker: a use of the quote
    claim and of the speaker's office it shows.
``{claim-ref}`evacuated``` (also ``{claims:claim}``, ``{claims:person}``, ``{claims:entity}`` ...)
    A link to the claim's entry in the claims index that shows the claim's
    headline (an entity's: its name). It restates nothing in words of its own,
    so its text is not prose and it is not a use of the claim: a claim only
    referenced is still unused.

Rules
=====

``reference``
    A claim names an entity that is not in the registry (``according_to``,
    ``speaker``, ``person``, ``organisation``, ``actors``, ``about``,
    ``asserted_by``, ``contested_by``), a topic the project's vocabulary does not
    declare (when it declares any), or a stance's position that is not one of the
    lexicon's (:attr:`claimdocs.lexicon.Lexicon.positions`, which a project extends);
    the message suggests the nearest id.
``name``
    A ``{person}`` marker's text is not one of its entity's names or aliases.
``syntax``
    Malformed markup: a role without backticks, an empty marker, a ``{claim}``
    whose text is not an id and has no ``<id>``, ``{nofact}`` with an id or
    around text that is not a number, ``{claim-quote}`` without an argument, a
    ``{claim-ref}`` with text of its own before an ``<id>`` (a reader would see the
    headline, not that text).
``unknown-id``
    A marker, a reference or ``{claim-quote}`` names a claim or entity id that
    does not exist ("did you mean ..."), ``{claim-quote}`` names a claim that is
    not a quote, or ``{claims:person}`` names an entity of another kind.
``unused``
    A claim that no page uses, reported at the claim's line in its YAML file
    (a draft is reported as a draft instead).

Every marker is resolved here first; the other families see only the markers
whose claim exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimdocs.findings import Finding, RuleId
from claimdocs.lexicon import did_you_mean, fold, shorten
from claimdocs.model import AnyClaim, EntityKind, Quote, Stance
from claimdocs.pages import Page, split_role
from claimdocs.project import Project
from claimdocs.quantities import parse_figure, parse_time
from claimdocs.rules.context import NEAREST_BUDGET, PageContext, SourceContext, Use
from claimdocs.rules.quote import quote_claims_holding, quoted_pieces
from claimdocs.rules.rule import Rule, on_block, on_page, on_project
from claimdocs.rules.view import Mark, View
from claimdocs.wording import speaker_office

REFERENCE = Rule(
    RuleId.REFERENCE, "A claim names an entity, a topic or a position the project does not define.", "article"
)
NAME = Rule(RuleId.NAME, "A {person} marker's text is not one of its entity's names or aliases.", "pages")
SYNTAX = Rule(RuleId.SYNTAX, "Claim markup on a page is malformed.", "pages")
UNKNOWN_ID = Rule(RuleId.UNKNOWN_ID, "A page names a claim or entity id that does not exist.", "pages")
_RESOLVING = frozenset(r.id for r in (SYNTAX, UNKNOWN_ID, NAME))
UNUSED = Rule(RuleId.UNUSED, "A claim that no page uses.", "pages")

#: The roles that link to an entry of the claims index (:mod:`claimdocs.sphinx.domain`), and what their id
#: names: "claim", "entity" (any kind) or one kind of entity.
REFERENCE_ROLES: dict[str, str] = {
    "claim-ref": "claim", "claims:claim": "claim", "claims:entity": "entity",
    **{f"claims:{kind.value}": kind.value for kind in EntityKind},
}
_ID_LIKE = re.compile(r"^(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*$")
_MALFORMED = re.compile(r"\{(claim|person|nofact)\}")


# ---------------------------------------------------------------- the article side


@on_project(REFERENCE, needs_article=False)
def entities_exist(ctx: SourceContext) -> None:
    entities = ctx.project.entities
    hints: dict[str, str | None] = {}  # at most NEAREST_BUDGET different ids get a suggestion: difflib is slow
    for claim in ctx.project.claims.values():
        for field_name, ref in claim.refs():
            if ref not in entities:
                if ref not in hints and len(hints) < NEAREST_BUDGET:
                    hints[ref] = did_you_mean(ref, entities)
                near = hints.get(ref)
                hint = f" (did you mean {near!r}?)" if near else ""
                ctx.report(
                    claim.id, REFERENCE,
                    f"claim {claim.id}: {field_name} names unknown entity {ref!r}{hint}; add it to the entity registry",
                )


@on_project(REFERENCE, needs_article=False)
def taxonomy_exists(ctx: SourceContext) -> None:
    """Topics are the project's (declared in its vocabulary), positions the lexicon's."""
    project = ctx.project
    positions = project.lexicon.positions
    for claim in project.claims.values():
        for topic in claim.topics if project.topics else ():
            if topic not in project.topics:
                near = did_you_mean(topic, project.topics)
                hint = f" (did you mean {near!r}?)" if near else ""
                ctx.report(claim.id, REFERENCE,
                           f"claim {claim.id}: topic {topic!r} is not one of the project's topics{hint}; "
                           "declare it under the vocabulary's topics")
        if isinstance(claim, Stance) and claim.position not in positions:
            near = did_you_mean(claim.position, positions)
            hint = f" (did you mean {near!r}?)" if near else ""
            ctx.report(claim.id, REFERENCE,
                       f"claim {claim.id}: position {claim.position!r} is not a position of the lexicon{hint}; "
                       "add it, with the words that state it, under the vocabulary's positions")


# ---------------------------------------------------------------- markers


def resolve(ctx: PageContext, view: View, mark: Mark) -> AnyClaim | None:
    """Check a marker's syntax and id, record its use; the claim it names, for the other families."""
    outer = ctx.allow(_RESOLVING)  # once a marker: cheaper than ctx.reporting's generator
    try:
        return _resolve(ctx, view, mark)
    finally:
        ctx.allow(outer)


def _resolve(ctx: PageContext, view: View, mark: Mark) -> AnyClaim | None:
    if mark.role == "nofact":
        ctx.nofact += 1
        if not mark.bare:
            ctx.at(mark, SYNTAX, f"{{nofact}} takes no id: write {{nofact}}`{mark.written}` without <{mark.ident}>")
        elif not mark.written:
            ctx.at(mark, SYNTAX, "empty {nofact} marker")
        elif not numeric_label(mark.written):
            ctx.at(mark, SYNTAX, f"{{nofact}} holds a number that states no fact (a section number, a step), "
                   f"not text: {shorten(mark.written, 60)!r}; mark a fact with {{claim}}")
        return None
    if mark.role == "person":
        _person(ctx, mark)
        return None
    if not _claim_ok(ctx, mark):
        return None
    claim = mark.claim
    assert claim is not None  # _claim_ok says so
    ctx.uses.append(Use(claim.id, ctx.path, mark.seg.line, mark.seg.col, view.text[mark.start : mark.end], "claim"))
    return claim


#: What ``{nofact}`` may hold at most: a label, not a sentence.
NOFACT_MAX_CHARS = 24
NOFACT_MAX_WORDS = 3


def numeric_label(text: str) -> bool:
    """A number that may stand in ``{nofact}``: short, and a figure the grammar reads or a label with a digit."""
    if len(text) > NOFACT_MAX_CHARS or len(text.split()) > NOFACT_MAX_WORDS:
        return False
    return any(ch.isdigit() for ch in text) or parse_figure(text) is not None


def _claim_ok(ctx: PageContext, mark: Mark) -> bool:
    """Syntax and id of a {claim} marker; True when it names a claim."""
    raw = " ".join((mark.seg.raw or "{claim}").split())
    if mark.bare:
        if not mark.written:
            ctx.at(mark, SYNTAX, f"empty claim marker {raw}: write {{claim}}`text <id>` or {{claim}}`id`")
            return False
        if not _ID_LIKE.match(mark.written):
            hint = _suggest_for_text(ctx, mark.written)
            ctx.at(
                mark, SYNTAX,
                f"claim marker without an id: {raw}; write {{claim}}`{mark.written} <{hint or 'claim-id'}>`",
            )
            return False
    elif not mark.ident:
        ctx.at(mark, SYNTAX, f"empty claim id in {raw}: write {{claim}}`{mark.written} <claim-id>`")
        return False
    elif not mark.written:
        ctx.at(mark, SYNTAX, f"no text before <{mark.ident}> in {raw}: write {{claim}}`{mark.ident}` for the claim's own words")
        return False
    if mark.claim is None:
        ctx.at(mark, UNKNOWN_ID, f"unknown claim id {mark.ident!r}{ctx.did_you_mean(mark.ident or '', ctx.tables.claim_ids)}")
        return False
    return True


def _person(ctx: PageContext, mark: Mark) -> None:
    project = ctx.project
    raw = " ".join((mark.seg.raw or "{person}").split())
    if mark.bare and not mark.written:
        ctx.at(mark, SYNTAX, f"empty person marker {raw}")
        return
    if not mark.bare and not mark.ident:
        ctx.at(mark, SYNTAX, f"empty entity id in {raw}: write {{person}}`{mark.written} <entity-id>`")
        return
    if mark.bare and not _ID_LIKE.match(mark.written):
        found = ctx.tables.name_to_entity.get(name_key(mark.written))
        hint = f"{{person}}`{mark.written} <{found}>`" if found else f"{{person}}`{mark.written} <entity-id>`"
        ctx.at(mark, SYNTAX, f"person marker without an id: {raw}; write {hint}")
        return
    ident = mark.ident or ""
    entity = project.entities.get(ident)
    if entity is None:
        ctx.add(mark.seg.line, mark.seg.col, UNKNOWN_ID,
                f"unknown entity id {ident!r} in {raw}{ctx.did_you_mean(ident, ctx.tables.entity_ids)}")
        return
    ctx.uses.append(Use(ident, ctx.path, mark.seg.line, mark.seg.col, mark.written if not mark.bare else entity.name, "person"))
    if not mark.bare and name_key(mark.written) not in ctx.tables.names.get(ident, set()):
        names = ", ".join(f'"{n}"' for n in entity.names)
        ctx.add(mark.seg.line, mark.seg.col, NAME,
                f'person marker says "{mark.written}" for entity {ident}, whose names are {names}')


def name_key(text: str) -> str:
    """A name as the registry's tables hold it: folded, lowercase, without a possessive."""
    key = fold(text).lower().strip()
    return re.sub(r"'s?$", "", key).strip() if key.endswith(("'s", "'")) else key


def _suggest_for_text(ctx: PageContext, written: str) -> str | None:
    """The claim a free text most likely restates: by figure, time or quotation."""
    fig = parse_figure(written)
    if fig is not None:
        return first(ctx.tables.by_key.get(fig.key)) or (
            first(ctx.tables.by_value.get((fig.unit, fig.value))) if fig.value is not None else None
        )
    t = parse_time(written)
    if t is not None:
        return first(ctx.tables.by_time.get(t.canonical))
    pieces = quoted_pieces(written)
    return first(quote_claims_holding(ctx, pieces)) if pieces else None


def first(ids: list[str] | None) -> str | None:
    return ids[0] if ids else None


@on_block(SYNTAX)
def malformed_markers(ctx: PageContext, view: View) -> None:
    """``{claim}text`` or ``{claim} `text```: a role name MyST did not read as a role."""
    for seg in view.block.segments:
        if seg.kind == "text":
            for m in _MALFORMED.finditer(seg.text):
                line, col = seg.position(m.start())
                ctx.add(line, col, SYNTAX, f"malformed {m.group()} marker: write {m.group()}`text <id>` (a backtick right after the role name, one on each side)")


@on_block(SYNTAX, UNKNOWN_ID)
def references(ctx: PageContext, view: View) -> None:
    """``{claim-ref}`id```: a link showing the claim's headline; its id exists, and it has no text of its own."""
    for seg in view.block.segments:
        names = REFERENCE_ROLES.get(seg.role or "") if seg.kind == "code" else None
        if names is None:
            continue
        raw = " ".join(seg.raw.split())
        written, target = split_role(seg.raw[len(seg.role or "") + 2 :].strip("`"))
        ident = target if target is not None else written
        if target is not None:
            ctx.add(seg.line, seg.col, SYNTAX,
                    f"{raw} would show the headline, not {written!r}: write {{{seg.role}}}`{ident}`, "
                    f"or {{claim}}`{written} <{ident}>` to restate the claim in these words")
        if not ident:
            ctx.add(seg.line, seg.col, SYNTAX, f"empty reference {raw}: write {{{seg.role}}}`id`")
        elif names == "claim":
            if ident not in ctx.project.claims:
                ctx.add(seg.line, seg.col, UNKNOWN_ID,
                        f"unknown claim id {ident!r} in {raw}{ctx.did_you_mean(ident, ctx.tables.claim_ids)}")
        elif (entity := ctx.project.entities.get(ident)) is None:
            ctx.add(seg.line, seg.col, UNKNOWN_ID,
                    f"unknown entity id {ident!r} in {raw}{ctx.did_you_mean(ident, ctx.tables.entity_ids)}")
        elif names != "entity" and entity.kind.value != names:
            ctx.add(seg.line, seg.col, UNKNOWN_ID,
                    f"{raw}: {ident} is {_a(entity.kind.value)}, not {_a(names)}; write "
                    f"{{claims:{entity.kind.value}}}`{ident}` or {{claims:entity}}`{ident}`")


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


@on_page(SYNTAX, UNKNOWN_ID)
def claim_quote_directives(ctx: PageContext, page: Page) -> None:
    """``{claim-quote} id`` uses a quote claim (and the speaker's office it shows)."""
    for d in page.directives:
        if d.name != "claim-quote":
            continue
        ident = d.argument.strip()
        claim = ctx.project.claims.get(ident)
        if isinstance(claim, Quote):
            ctx.uses.append(Use(ident, ctx.path, d.line, d.col, claim.own_words(), "claim"))
            role = speaker_office(claim, ctx.project)
            if role is not None:
                ctx.uses.append(Use(role.id, ctx.path, d.line, d.col, role.text, "claim"))
        elif not ident:
            ctx.add(d.line, d.col, SYNTAX, "{claim-quote} needs the id of a quote claim as its argument")
        elif claim is None:
            ctx.add(d.line, d.col, UNKNOWN_ID, f"unknown claim id {ident!r} in {{claim-quote}}{ctx.did_you_mean(ident, ctx.tables.claim_ids)}")
        else:
            ctx.add(d.line, d.col, UNKNOWN_ID, f"{{claim-quote}} {ident}: claim {ident} is a {claim.kind} claim, not a quote", ident)


# ---------------------------------------------------------------- the site


def check_unused(project: Project, used: Iterable[str]) -> list[Finding]:
    """A finding (at the claim's line in its YAML file) for every claim no page uses."""
    seen = set(used)
    return [
        project.finding(
            ident, UNUSED.id,
            f"claim {ident} is not used by any page; restate it with {{claim}}`... <{ident}>` or remove it",
        )
        for ident in sorted(project.claims)
        if ident not in seen and not project.claims[ident].draft  # a draft's one finding is claims.draft
    ]


RULES = (REFERENCE, NAME, SYNTAX, UNKNOWN_ID, UNUSED)
CHECKS = (entities_exist, taxonomy_exists, malformed_markers, references, claim_quote_directives)
