"""How the site words a claim beyond its own words: attribution, evidence sentence, plain title.

One place for it, shared by the generated views, the hover cards, the page rules
and the export, so the site never words the same claim two ways. What a kind says
about itself (its own words, its headline) is on the model
(:meth:`claimdocs.model.Quantity.own_words` ...).
"""

from __future__ import annotations

from typing import assert_never

from claimdocs.article import Article
from claimdocs.lexicon import fold
from claimdocs.model import AnyClaim, Assertion, Event, Quantity, Quote, Role, Stance, Statement, Term
from claimdocs.project import Project
from claimdocs.registry import Registry


def names(registry: Registry, ids: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    labels = [registry.label(i) for i in ids]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def speaker_office(claim: Quote, project: Project) -> Role | None:
    """The speaker's role claim nearest the quotation in the article."""
    return project.nearest_role(claim.speaker, claim.evidence.start)


def attribution(claim: AnyClaim, project: Project) -> str:
    """Who the article says this comes from, in a short neutral line."""
    registry = project.registry
    match claim:
        case Quantity():
            parts = []
            if claim.according_to:
                parts.append(f"according to {registry.label(claim.according_to)}")
            if claim.as_of:
                parts.append(f"as of: {claim.as_of}")
            if claim.caveat:
                parts.append(claim.caveat)
            return "; ".join(parts) or "stated by the article"
        case Quote():
            role = speaker_office(claim, project)
            who = registry.label(claim.speaker)
            return f"{who}, {role.text}" if role else who
        case Term():
            return f"the article's own words in quotation marks ({claim.usage_label()}), no speaker"
        case Role():
            status = " (former)" if claim.status == "former" else ""
            return f"{registry.label(claim.person)}{status}"
        case Stance():
            line = f"{names(registry, claim.actors)}: {claim.position}"
            if claim.according_to:
                line += f", according to {registry.label(claim.according_to)}"
            return line
        case Assertion():
            line = f"{names(registry, claim.asserted_by)} ({claim.verb})"
            if claim.contested_by:
                line += f"; {claim.contest_verb or 'contested'} by {names(registry, claim.contested_by)}"
            return line
        case Event():
            return claim.what
        case Statement():
            return f"the article's own account, about {names(registry, claim.about)}"
        case _:
            assert_never(claim)


def evidence_sentence(article: Article | None, claim: AnyClaim) -> tuple[str, str, str]:
    """The article's sentence(s) around the evidence, split as (before, evidence, after)."""
    ev = claim.evidence
    if article is None or article.text[ev.start : ev.end] == "" or fold(article.text[ev.start : ev.end]) != fold(ev.exact):
        return "", ev.exact, ""
    spans = article.sentences
    first = next((s for s, e in spans if s <= ev.start < e), ev.start)
    last = next((e for s, e in spans if s < ev.end <= e), ev.end)
    return article.text[first : ev.start], article.text[ev.start : ev.end], article.text[ev.end : last]


def plain_title(claim: AnyClaim, project: Project) -> str:
    """A one-line title attribute: works without JavaScript or CSS."""
    return f"{claim.id}: {attribution(claim, project)} \u2014 source: \u201c{fold(claim.evidence.exact)}\u201d"
