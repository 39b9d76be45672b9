"""The roles and directives editors write: ``{claim}``, ``{person}``, ``{nofact}``, ``{claim-quote}``, the views.

``{claim-ref}`` (a link to a claim's index entry) is the claims domain's role:
:class:`claimdocs.sphinx.domain.ClaimXRefRole`.

The roles only render; what they say is checked by the page rules on the page's
source (:mod:`claimdocs.sphinx.events`), which report a wrong marker with its column.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import Inliner
from sphinx.addnodes import index as index_node
from sphinx.util.docutils import SphinxDirective, SphinxRole

from claimdocs.model import Quote
from claimdocs.pages import split_role
from claimdocs.sphinx.domain import claims_domain
from claimdocs.sphinx.nodes import claim_ref, claim_view, person_ref
from claimdocs.sphinx.state import state_of
from claimdocs.sphinx.views import index_entries, index_targets
from claimdocs.wording import speaker_office

#: The generated views: ``{claims-<view>}`` directives, filled once every page is read.
VIEWS = ("index", "figures", "positions", "quotations", "source", "waivers")


class ClaimRole(SphinxRole):
    """``{claim}`written text <id>``` or ``{claim}`id```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        state = state_of(self.env)
        written, target = split_role(self.text)
        ident = target if target is not None else written
        claim = state.project.claims.get(ident)
        if claim is None:
            # the page rules report it (claims.unknown-id / claims.syntax) with its column
            return [nodes.inline(self.rawtext, written, classes=["claim", "claim-unknown"])], []
        shown = written if target is not None else claim.own_words()
        anchor = claims_domain(self.env).note_use(self.env.docname, ident, self.lineno, state.digests.get(ident, ""))
        node = claim_ref(self.rawtext, "", nodes.Text(shown), claim=ident, kind=claim.kind, ids=[anchor])
        return [node], []


class PersonRole(SphinxRole):
    """``{person}`Dana Levi <levi>``` or ``{person}`levi```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        state = state_of(self.env)
        written, target = split_role(self.text)
        ident = target if target is not None else written
        entity = state.project.entities.get(ident)
        if entity is None:
            return [nodes.inline(self.rawtext, written, classes=["claim", "claim-unknown"])], []
        shown = written if target is not None else entity.name
        domain = claims_domain(self.env)
        anchor = domain.note_person(self.env.docname, ident, self.lineno)
        # the card shows the person's offices: re-read this page when one of them changes
        domain.note_all(self.env.docname, {r.id: state.digests.get(r.id, "") for r in state.project.roles_of(ident)})
        return [person_ref(self.rawtext, "", nodes.Text(shown), entity=ident, ids=[anchor])], []


def nofact_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
                options: dict[str, Any] | None = None, content: list[str] | None = None
                ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """A number that states no fact (a section number): shown as is, counted by the checker."""
    return [nodes.inline(rawtext, text, classes=["nofact"])], []


class ClaimQuoteDirective(SphinxDirective):
    """A quote claim set as a block quotation, with its speaker and office."""

    required_arguments = 1
    has_content = False
    option_spec = {"class": directives.class_option}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        state = state_of(self.env)
        ident = self.arguments[0].strip()
        claim = state.project.claims.get(ident)
        if not isinstance(claim, Quote):
            return []  # the page rules report it (claims.unknown-id), with its line
        domain = claims_domain(self.env)
        anchor = domain.note_use(self.env.docname, ident, self.lineno, state.digests.get(ident, ""))
        quote = nodes.block_quote(classes=["claim-quote", *self.options.get("class", [])])
        para = nodes.paragraph()
        para += claim_ref("", "", nodes.Text(claim.own_words()), claim=ident, kind="quote", ids=[anchor])
        quote += para
        reg = state.project.registry
        role = speaker_office(claim, state.project)
        who = nodes.attribution()
        who += person_ref("", "", nodes.Text(reg.label(claim.speaker)), entity=claim.speaker,
                          ids=[domain.note_person(self.env.docname, claim.speaker, self.lineno)])
        if role:
            role_anchor = domain.note_use(self.env.docname, role.id, self.lineno, state.digests.get(role.id, ""))
            who += nodes.Text(", ")
            who += claim_ref("", "", nodes.Text(role.text), claim=role.id, kind="role", ids=[role_anchor])
        quote += who
        return [quote]


class ClaimViewDirective(SphinxDirective):
    """``{claims-index}``, ``{claims-figures}``, ... : filled in once every page is read."""

    has_content = False
    option_spec = {"topic": directives.unchanged}  # noqa: RUF012
    view = ""

    def run(self) -> list[nodes.Node]:
        state = state_of(self.env)
        domain = claims_domain(self.env)
        domain.note_all(self.env.docname, {"*": state.all_digest})
        topic = self.options.get("topic", "")
        node = claim_view(view=self.view, topic=topic)
        if self.view != "index":
            return [node]
        node["ids"] = ["claims-index"]
        # The index's entries are objects of the claims domain (objects.inv, search) and index entries (genindex).
        targets = index_targets(state.project, topic)
        domain.note_objects(self.env.docname, targets)
        index = index_node(entries=index_entries(targets), inline=False)
        self.set_source_info(index)
        return [index, node]


def view_directive(view: str) -> type[ClaimViewDirective]:
    return type(f"Claims{view.title()}Directive", (ClaimViewDirective,), {"view": view})


class RulesDirective(SphinxDirective):
    """``{claims-rules}``: the rule catalogue, from the registry; each rule's entry is anchored ``rule-<id>``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from claimdocs.rules.registry import HALVES, RULES, rule_docs

        docs = rule_docs()
        out: list[nodes.Node] = []
        for half, title in HALVES.items():
            rules = [r for r in RULES.values() if r.half == half]
            if not rules:
                continue
            out.append(nodes.rubric(title, title))
            items = nodes.definition_list(classes=["claims-rules"])
            for rule in rules:
                item = nodes.definition_list_item()
                term = nodes.term("", "", ids=[f"rule-{rule.id}"])
                term += nodes.literal(str(rule), str(rule))
                if rule.kinds:
                    term += nodes.Text(" ")
                    term += nodes.inline("", f"({', '.join(rule.kinds)})", classes=["claims-rule-kinds"])
                item += term
                definition = nodes.definition()
                spec = docs.get(rule.id, [])
                if not spec or not spec[0].startswith(rule.summary.rstrip(".")):
                    summary = nodes.paragraph()
                    summary += nodes.strong(rule.summary, rule.summary)
                    definition += summary
                for text in spec:
                    definition += nodes.paragraph("", "", *_inline(text))
                item += definition
                items += item
            out.append(items)
        return out


_INLINE = re.compile(r"``(?P<lit>.+?)``|:[a-z]+:`~?(?P<ref>[^`]+)`")


def _inline(text: str) -> list[nodes.Node]:
    """A docstring sentence as nodes: ````x```` and ``:mod:`x``` become code, the rest text."""
    out: list[nodes.Node] = []
    at = 0
    for m in _INLINE.finditer(text):
        if m.start() > at:
            out.append(nodes.Text(text[at : m.start()]))
        code = m.group("lit") or m.group("ref")
        out.append(nodes.literal(code, code))
        at = m.end()
    if at < len(text):
        out.append(nodes.Text(text[at:]))
    return out
