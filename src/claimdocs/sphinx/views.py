"""Generated views: the claims index, figures, positions matrix, quotations, source, waivers.

Filled at ``doctree-resolved``, once every page has been read, from the claims
and the Domain's record of uses. Built from standard docutils nodes (plus our
claim nodes) so every builder can write them.
"""

from __future__ import annotations

import itertools
import json
from html import escape
from pathlib import Path
from typing import Any, TypeVar

from docutils import nodes
from sphinx.application import Sphinx

from claimdocs.export import claims_document, claims_json, figure_rows, figures_csv
from claimdocs.files import write_atomic
from claimdocs.lexicon import hedge_label
from claimdocs.model import CLAIM_TYPES, KINDS, AnyClaim, Entity, EntityKind, Quantity, Quote, Stance, Term
from claimdocs.project import Project
from claimdocs.sphinx.domain import ClaimsDomain, Target
from claimdocs.sphinx.nodes import card_html, claim_entry, claim_ref, person_ref, raw_html, table
from claimdocs.sphinx.state import BuildState
from claimdocs.wording import attribution, evidence_sentence, plain_title, speaker_office

#: The heading of each kind's section, from the model.
KIND_TITLES: dict[str, str] = {kind: cls.title for kind, cls in zip(KINDS, CLAIM_TYPES, strict=True)}


def _uri(app: Sphinx, fromdoc: str, todoc: str, anchor: str) -> str:
    if todoc not in app.env.found_docs:
        return ""
    base = "" if fromdoc == todoc else app.builder.get_relative_uri(fromdoc, todoc)
    return f"{base}#{anchor}"


def _root_file(app: Sphinx, fromdoc: str, name: str) -> str:
    """A file written at the output root, relative to ``fromdoc``'s page."""
    target = app.builder.get_target_uri(fromdoc)
    depth = target.count("/")
    return "../" * depth + name


# ---------------------------------------------------------------- references


def fill_refs(app: Sphinx, state: BuildState, doctree: nodes.document, docname: str) -> None:
    """Give every claim and person node its link, plain title and card."""
    if app.builder.format != "html":
        return
    project = state.project
    index, source = state.config.index_page, state.config.source_page
    _cards_for_xrefs(doctree)
    for node in doctree.findall(claim_ref):
        claim = project.claims.get(node["claim"])
        if claim is None:
            continue
        node["refuri"] = node.get("refuri") or _uri(app, docname, index, f"claim-{claim.id}")
        node["title"] = plain_title(claim, project)
        before, evidence, after = evidence_sentence(project.article, claim)
        node["card"] = card_html(
            claim.title, claim.id, claim.headline(), attribution(claim, project),
            before, evidence, after, _uri(app, docname, source, f"src-{claim.id}") or None,
        )
    people: dict[str, tuple[str, str, str]] = {}  # entity id -> refuri, title, card: once a page, not once a marker
    for person in doctree.findall(person_ref):
        entity = project.entities.get(person["entity"])
        if entity is None:
            continue
        if entity.id not in people:
            people[entity.id] = _person_card(app, project, entity, docname, index, source)
        refuri, person["title"], person["card"] = people[entity.id]
        person["refuri"] = person.get("refuri") or refuri


def _cards_for_xrefs(doctree: nodes.document) -> None:
    """A resolved ``{claim-ref}`` (a reference to an index entry) becomes a claim with its card, like a marker."""
    counts: dict[str, int] = {}
    for ref in list(doctree.findall(nodes.reference)):
        objtype, name = ref.get("claimdocs_object"), ref.get("claimdocs_name")
        if not objtype or not name:
            continue
        counts[name] = counts.get(name, 0) + 1
        anchor = f"ref-{name}-{counts[name]}"
        refuri = ref.get("refuri") or f"#{ref.get('refid', '')}"
        shown = [c.deepcopy() for c in ref.children]
        node: nodes.Element
        if objtype == "claim":
            node = claim_ref("", "", *shown, claim=name, kind=ref.get("claimdocs_kind"), ids=[anchor])
        else:
            node = person_ref("", "", *shown, entity=name, ids=[anchor])
        node["classes"] = ["claim-xref"]
        node["refuri"] = refuri
        ref.replace_self(node)


def _person_card(app: Sphinx, project: Project, entity: Entity, docname: str, index: str, source: str) -> tuple[str, str, str]:
    roles = project.roles_of(entity.id)  # article order
    # one office once, however many role claims repeat it
    offices = "; ".join(dict.fromkeys(f"{r.text}{' (former)' if r.status == 'former' else ''}" for r in roles))
    refuri = _uri(app, docname, index, f"entity-{entity.id}")
    title = f"{entity.name}" + (f": {offices}" if offices else "")
    if not roles:
        return refuri, title, card_html(entity.kind.value, entity.id, entity.name, "", "", "", "", None)
    first = roles[0]
    before, evidence, after = evidence_sentence(project.article, first)
    card = card_html(
        entity.kind.value, entity.id, entity.name, offices, before, evidence, after,
        _uri(app, docname, source, f"src-{first.id}"),
    )
    return refuri, title, card


def _ref(claim: AnyClaim, text: str, anchor: str) -> claim_ref:
    return claim_ref("", "", nodes.Text(text), claim=claim.id, kind=claim.kind, ids=[anchor])


def _person(project: Project, entity: str, anchor: str) -> nodes.Node:
    if entity not in project.entities:
        return nodes.Text(entity)
    return person_ref("", "", nodes.Text(project.registry.label(entity)), entity=entity, ids=[anchor])


def _badge(text: str, tone: str = "secondary") -> nodes.inline:
    return nodes.inline(text, text, classes=["sd-badge", f"sd-bg-{tone}", f"sd-bg-text-{tone}", "claim-badge"])


ClaimT = TypeVar("ClaimT", bound=AnyClaim)


def _by_article_order(claims: list[ClaimT]) -> list[ClaimT]:
    return sorted(claims, key=lambda c: (c.evidence.start, c.id))


# ---------------------------------------------------------------- views


def render_view(app: Sphinx, state: BuildState, domain: ClaimsDomain, docname: str, node: nodes.Element) -> list[nodes.Node]:
    view = node["view"]
    topic = node.get("topic") or ""
    renderer = {
        "index": _index,
        "figures": _figures,
        "positions": _positions,
        "quotations": _quotations,
        "source": _source,
        "waivers": _waivers,
    }[view]
    out = renderer(app, state, domain, docname, topic)
    box = nodes.container(classes=["claims-view", f"claims-{view}"], ids=list(node.get("ids", [])))
    box += out
    return [box]


def topic_title(project: Project, topic: str | None) -> str:
    """A topic's title, as the project's vocabulary gives it (else made from its id)."""
    if topic is None:
        return "Other"
    return project.topics.get(topic) or topic.replace("-", " ").capitalize()


def _topic_order(project: Project, claims: list[AnyClaim]) -> list[str]:
    """The project's topics in the order its vocabulary declares them, then any others in the order claims use them."""
    used = dict.fromkeys(t for c in claims for t in c.topics)
    return [t for t in project.topics if t in used] + [t for t in used if t not in project.topics]


#: How each kind of entity is headed in the index, and in the filter's list of who.
ENTITY_TITLES = {EntityKind.PERSON: "People", EntityKind.ORGANISATION: "Organisations", EntityKind.GROUP: "Groups",
                 EntityKind.PLACE: "Places"}


def _kinds(project: Project) -> list[str]:
    """The kinds the index has a section for: every kind of the model, in order, but those no claim of the
    project is of (an article with no words in quotation marks of its own shows no empty "terms")."""
    present = {c.kind for c in project.claims.values()}
    return [k for k in KINDS if k in present]


def index_claims(project: Project, topic: str) -> list[AnyClaim]:
    """The claims an index shows (those of ``topic``, or all), in the order of the article."""
    claims = _by_article_order(list(project.claims.values()))
    return [c for c in claims if topic in c.topics] if topic else claims


def _entities(project: Project) -> list[Entity]:
    return sorted(project.entities.values(), key=lambda e: (list(EntityKind).index(e.kind), e.name.lower(), e.id))


def index_targets(project: Project, topic: str) -> list[Target]:
    """The objects of the claims domain an index shows: its claims, then every entity."""
    out = [Target("claim", c.id, " ".join(c.headline().split()), f"claim-{c.id}", c.kind)
           for c in index_claims(project, topic)]
    out += [Target(e.kind.value, e.id, " ".join(e.name.split()), f"entity-{e.id}", e.kind.value)
            for e in _entities(project)]
    return out


def index_entries(targets: list[Target]) -> list[tuple[str, str, str, str, None]]:
    """``genindex`` entries: "evacuated (quantity claim)", "Dana Levi (person)"."""
    out = []
    for t in targets:
        # a semicolon would split the entry into a sub-entry
        label = f"{t.name} ({t.kind} claim)" if t.objtype == "claim" else f"{t.dispname} ({t.kind})"
        out.append(("single", label.replace(";", ","), t.anchor, "", None))
    return out


def _heading(text: str, level: int, anchor: str) -> nodes.rubric:
    heading = nodes.rubric(text, text, ids=[anchor])
    heading["heading-level"] = level
    return heading


def _index(app: Sphinx, state: BuildState, domain: ClaimsDomain, docname: str, topic: str) -> list[nodes.Node]:
    """Every claim grouped by kind, then by its first topic; then every entity, by kind."""
    project = state.project
    uses = domain.uses_of()
    claims = index_claims(project, topic)
    out: list[nodes.Node] = []
    summary = nodes.paragraph(classes=["claims-index-summary"])
    summary += nodes.Text(f"{len(claims)} claims, {len(project.entities)} entities. Jump to: ")
    for i, kind in enumerate(_kinds(project)):
        if i:
            summary += nodes.Text(" \u00b7 ")
        summary += nodes.reference("", KIND_TITLES[kind], internal=True, refuri=f"#kind-{kind}")
    summary += nodes.Text(" \u00b7 ")
    summary += nodes.reference("", "Entities", internal=True, refuri="#entities")
    out.append(summary)
    out.append(raw_html(html=_filter_form(project, claims)))
    for kind in _kinds(project):
        section = nodes.container(classes=["claims-kind"])
        section += _heading(KIND_TITLES[kind], 2, f"kind-{kind}")
        by_topic: dict[str | None, list[AnyClaim]] = {}
        for claim in (c for c in claims if c.kind == kind):
            by_topic.setdefault(claim.topics[0] if claim.topics else None, []).append(claim)
        order = _topic_order(project, claims)
        for group_topic in sorted(by_topic, key=lambda t: len(order) if t is None else order.index(t)):
            group = nodes.container(classes=["claims-group"])
            group += _heading(topic_title(project, group_topic), 3, f"kind-{kind}-{group_topic or 'other'}")
            for claim in by_topic[group_topic]:
                group += _index_entry(app, state, docname, claim, uses.get(claim.id, []))
            section += group
        out.append(section)
    section = nodes.container(classes=["claims-kind", "claims-entities"])
    section += _heading("Entities", 2, "entities")
    for kind in EntityKind:
        entities = [e for e in _entities(project) if e.kind is kind]
        if not entities:
            continue
        group = nodes.container(classes=["claims-group"])
        group += _heading(ENTITY_TITLES[kind], 3, f"entities-{kind.value}")
        for entity in entities:
            group += _entity_entry(project, entity)
        section += group
    out.append(section)
    return out


def _entity_entry(project: Project, entity: Entity) -> nodes.Node:
    entry = claim_entry(classes=["claim-entry", "entity-entry"], ids=[f"entity-{entity.id}"],
                        data={"kind": "entity", "who": entity.id})
    head = nodes.paragraph(classes=["claim-entry-head"])
    head += nodes.strong(entity.name, entity.name)
    head += nodes.Text(" ")
    head += _badge(entity.kind.value)
    head += nodes.Text(" ")
    head += nodes.literal(entity.id, entity.id)
    entry += head
    if entity.aliases:
        entry += nodes.paragraph("", "Also written: " + "; ".join(entity.aliases))
    roles = project.roles_of(entity.id)
    if roles:
        para = nodes.paragraph("", "Offices and affiliations: ")
        for i, role in enumerate(roles):
            if i:
                para += nodes.Text("; ")
            para += _ref(role, role.text + (" (former)" if role.status == "former" else ""), f"ix-{entity.id}-{role.id}")
        entry += para
    return entry


def _filter_form(project: Project, claims: list[AnyClaim]) -> str:
    """The index's filter: hidden until claimdocs.js shows it, so without scripts the whole index shows."""
    kinds = "".join(f'<option value="{escape(k)}">{escape(KIND_TITLES[k])}</option>' for k in _kinds(project))
    named = {ref for claim in claims for _field, ref in claim.refs()}
    groups = []
    for kind in EntityKind:
        options = "".join(f'<option value="{escape(e.id)}">{escape(e.name)}</option>'
                          for e in _entities(project) if e.kind is kind and e.id in named)
        if options:
            groups.append(f'<optgroup label="{escape(ENTITY_TITLES[kind])}">{options}</optgroup>')
    return (
        '<form class="claims-filter" role="search" aria-label="Filter the claims" hidden>'
        '<label class="claims-filter-text">Find <input type="search" name="text" autocomplete="off" '
        'spellcheck="false"></label>'
        f'<label>Kind <select name="kind"><option value="">all</option>{kinds}'
        '<option value="entity">Entities</option></select></label>'
        f'<label>Who <select name="who"><option value="">anyone</option>{"".join(groups)}</select></label>'
        '<output class="claims-filter-status" aria-live="polite"></output>'
        "</form>"
    )


def _index_entry(app: Sphinx, state: BuildState, docname: str, claim: AnyClaim,
                 uses: list[tuple[str, str, int]]) -> nodes.Node:
    project = state.project
    who = " ".join(sorted({ref for _field, ref in claim.refs()}))
    entry = claim_entry(classes=["claim-entry", f"claim-entry-{claim.kind}"], ids=[f"claim-{claim.id}"],
                        data={"kind": claim.kind, "who": who})
    head = nodes.paragraph(classes=["claim-entry-head"])
    head += nodes.literal(claim.id, claim.id, classes=["claim-id"])
    head += nodes.Text(" ")
    head += _badge(claim.kind, "primary")
    if isinstance(claim, Quantity):
        head += nodes.Text(" ")
        head += _badge(hedge_label(claim.hedge), "info")
    for t in claim.topics:
        head += nodes.Text(" ")
        head += _badge(t)
    entry += head
    what = nodes.paragraph(classes=["claim-entry-what"])
    what += nodes.Text(claim.headline())
    entry += what
    if claim.summary and claim.summary != claim.headline():
        entry += nodes.paragraph("", claim.summary, classes=["claim-entry-summary"])
    who = attribution(claim, project)
    if who:
        entry += nodes.paragraph("", f"Attribution: {who}", classes=["claim-entry-who"])
    before, evidence, after = evidence_sentence(project.article, claim)
    ev = nodes.paragraph(classes=["claim-entry-evidence"])
    ev += nodes.Text("In the article: " + before)
    ev += nodes.inline(evidence, evidence, classes=["claim-evidence-mark"])
    ev += nodes.Text(after + " ")
    src = _uri(app, docname, state.config.source_page, f"src-{claim.id}")
    if src:
        ev += nodes.reference("", "(in the source)", internal=True, refuri=src)
    ev += nodes.Text(f" characters {claim.evidence.start}\u2013{claim.evidence.end}")
    entry += ev
    used = nodes.paragraph(classes=["claim-entry-uses"])
    if uses:
        used += nodes.Text("Used on: ")
        for i, (doc, anchor, _line) in enumerate(uses):
            if i:
                used += nodes.Text(", ")
            title = app.env.titles[doc].astext() if doc in app.env.titles else doc
            used += nodes.reference("", title, internal=True, refuri=_uri(app, docname, doc, anchor))
    else:
        used += nodes.Text("Not used on any page.")
    entry += used
    entry += raw_html(html=_jsonld(project, claim))
    return entry


def _jsonld(project: Project, claim: AnyClaim) -> str:
    """schema.org ``Claim`` for machines; ``</`` escaped so it cannot close the script."""
    reg = project.registry
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "identifier": claim.id,
        "text": claim.summary,
        "appearance": {"@type": "Quotation", "text": claim.evidence.exact},
    }
    author = getattr(claim, "speaker", None) or getattr(claim, "according_to", None)
    if author:
        data["author"] = {"@type": "Person" if project.entities.get(author) and project.entities[author].kind is EntityKind.PERSON
                          else "Organization", "name": reg.label(author)}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def _figures(app: Sphinx, state: BuildState, domain: ClaimsDomain, docname: str, topic: str) -> list[nodes.Node]:
    project = state.project
    reg = project.registry
    rows: list[list[nodes.Node | str]] = []
    for claim in figure_rows(project):
        if topic and topic not in claim.topics:
            continue
        rows.append([
            _ref(claim, claim.text, f"fig-{claim.id}"),
            hedge_label(claim.hedge),
            claim.counts,
            reg.label(claim.according_to) if claim.according_to else "the article",
            claim.as_of or "",
            claim.caveat or "",
        ])
    figures = table(["Figure", "Hedge", "What is counted", "According to", "As of", "Caveat"], rows,
                    ["claims-figures-table"])
    download = nodes.paragraph(classes=["claims-download"])
    download += nodes.Text("Download this table: ")
    download += nodes.reference("", "figures.csv", refuri=_root_file(app, docname, "figures.csv"))
    download += nodes.Text(" \u00b7 every claim: ")
    download += nodes.reference("", "claims.json", refuri=_root_file(app, docname, "claims.json"))
    return [figures, download]


def disputes(project: Project) -> list[str]:
    """The positions view's columns: the project's disputes; without any, the topics of its stance claims."""
    if project.disputes:
        return list(project.disputes)
    stances = [c for c in _by_article_order(list(project.claims.values())) if isinstance(c, Stance)]
    return _topic_order(project, list(stances))


def positions(project: Project) -> tuple[list[str], dict[tuple[str, str], list[Stance]]]:
    """People (in order of appearance) by dispute, each cell the stance claims."""
    cells: dict[tuple[str, str], list[Stance]] = {}
    first_seen: dict[str, int] = {}
    columns = disputes(project)
    for claim in _by_article_order(list(project.claims.values())):
        if not isinstance(claim, Stance):
            continue
        for dispute in columns:
            if dispute in claim.topics:
                for actor in claim.actors:
                    cells.setdefault((actor, dispute), []).append(claim)
                    first_seen.setdefault(actor, claim.evidence.start)
    people = sorted(first_seen, key=lambda a: (first_seen[a], a))
    return people, cells


def _positions(app: Sphinx, state: BuildState, domain: ClaimsDomain, docname: str, topic: str) -> list[nodes.Node]:
    project = state.project
    people, cells = positions(project)
    rows = []
    for actor in people:
        row: list[nodes.Node | str] = [_person(project, actor, f"pos-{actor}")]
        for dispute in disputes(project):
            claims = cells.get((actor, dispute), [])
            if not claims:
                row.append("\u2014")
                continue
            box = nodes.inline()
            for claim in claims:
                item = nodes.inline(classes=["position-item"])
                ref = _ref(claim, claim.position, f"pos-{actor}-{claim.id}")
                ref["classes"] = [f"position-{claim.position}"]
                item += ref
                item += nodes.inline(claim.on, claim.on, classes=["position-on"])  # whole: a cut misleads
                box += item
            row.append(box)
        rows.append(row)
    headers = ["Who", *(topic_title(project, d) for d in disputes(project))]
    note = nodes.paragraph(
        "", "Each cell links to the claim behind it; \u2014 means the article states no position for that person "
        "on that matter.", classes=["claims-positions-note"],
    )
    return [table(headers, rows, ["claims-positions-table"]), note]


def _quotations(app: Sphinx, state: BuildState, domain: ClaimsDomain, docname: str, topic: str) -> list[nodes.Node]:
    project = state.project
    out: list[nodes.Node] = []
    for claim in _by_article_order([c for c in project.claims.values() if isinstance(c, Quote)]):
        if topic and topic not in claim.topics:
            continue
        quote = nodes.block_quote(classes=["claim-quote", f"claim-quote-{claim.form}"])
        para = nodes.paragraph()
        para += _ref(claim, claim.own_words(), f"q-{claim.id}")
        para += nodes.Text(" ")
        para += _badge("full quotation" if claim.form == "full" else "partial phrase", "info")
        quote += para
        who = nodes.attribution()
        who += _person(project, claim.speaker, f"q-{claim.id}-who")
        role = speaker_office(claim, project)
        if role:
            who += nodes.Text(", ")
            who += _ref(role, role.text, f"q-{claim.id}-role")
        quote += who
        out.append(quote)
    for term in _by_article_order([c for c in project.claims.values() if isinstance(c, Term)]):
        if topic and topic not in term.topics:
            continue  # words the article quotes in its own voice: no speaker, what they stand for instead
        quote = nodes.block_quote(classes=["claim-quote", "claim-term"])
        para = nodes.paragraph()
        para += _ref(term, term.own_words(), f"q-{term.id}")
        para += nodes.Text(" ")
        para += _badge(term.usage_label(), "info")
        quote += para
        quote += nodes.attribution("", f"the article's own words: {term.means}")
        out.append(quote)
    return out


def _source(app: Sphinx, state: BuildState, domain: ClaimsDomain, docname: str, topic: str) -> list[nodes.Node]:
    project = state.project
    article = project.article
    if article is None:
        return [nodes.paragraph("", "The article could not be read; see the build warnings.")]
    index = state.config.index_page
    claims = _by_article_order(list(project.claims.values()))
    out: list[nodes.Node] = []
    offset = 0
    for line in article.text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        inside = [c for c in claims if c.evidence.start < end and c.evidence.end > start]
        cuts = sorted({start, end, *(max(start, c.evidence.start) for c in inside), *(min(end, c.evidence.end) for c in inside)})
        para = nodes.paragraph(classes=["claims-source-paragraph"])
        starts_here: dict[int, list[AnyClaim]] = {c.evidence.start: [] for c in inside}
        for c in inside:
            if start <= c.evidence.start < end:
                starts_here[c.evidence.start].append(c)
        for a, b in itertools.pairwise(cuts):
            for c in starts_here.get(a, []):
                para += nodes.inline("", "", ids=[f"src-{c.id}"], classes=["claims-source-anchor"])
            text = article.text[a:b]
            covering = [c for c in inside if c.evidence.start <= a and b <= c.evidence.end]
            if not covering:
                para += nodes.Text(text)
                continue
            inner = min(covering, key=lambda c: (c.evidence.end - c.evidence.start, c.id))
            ref = nodes.reference(
                "", text, internal=True, refuri=_uri(app, docname, index, f"claim-{inner.id}"),
                reftitle="; ".join(f"{c.id}: {attribution(c, project)}" for c in covering),
                classes=["claims-evidence", f"claims-evidence-{inner.kind}", f"depth-{min(len(covering), 3)}"],
            )
            para += ref
        out.append(para)
    return out


def _waivers(app: Sphinx, state: BuildState, domain: ClaimsDomain, docname: str, topic: str) -> list[nodes.Node]:
    """Every finding a waiver waives: where it is, its rule, the waiver's reason and place, the finding itself."""
    waived = sorted({*state.waived, *domain.waived()})
    if not waived:
        return [nodes.paragraph("", "No finding is waived: every check passes as the pages and claims are written.",
                                classes=["claims-waivers-none"])]
    rows: list[list[nodes.Node | str]] = [
        [nodes.literal(f"{w.finding.path}:{w.finding.line}", f"{w.finding.path}:{w.finding.line}"),
         nodes.literal(f"claims.{w.finding.rule}", f"claims.{w.finding.rule}"),
         w.reason,
         nodes.literal(f"{w.path}:{w.line}", f"{w.path}:{w.line}"),
         w.finding.message]
        for w in waived
    ]
    count = nodes.paragraph("", f"{len(waived)} finding(s) waived, each with its reason.", classes=["claims-waivers-count"])
    return [count, table(["Where", "Rule", "Reason", "Waived at", "The finding"], rows, ["claims-waivers-table"])]


# ---------------------------------------------------------------- exports


def uses_for_export(app: Sphinx, domain: ClaimsDomain) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for claim, places in domain.uses_of().items():
        out[claim] = [
            {"page": doc, "anchor": anchor, "line": line, "url": f"{app.builder.get_target_uri(doc)}#{anchor}"}
            for doc, anchor, line in places
        ]
    return out


def write_exports(app: Sphinx, project: Project, domain: ClaimsDomain) -> None:
    """``claims.json`` and ``figures.csv`` at the output root, deterministic."""
    outdir = Path(app.outdir)
    doc = claims_document(project, uses_for_export(app, domain))
    # whole or not at all (a temporary file, then a rename); strict JSON
    write_atomic(outdir / "claims.json", claims_json(doc))
    write_atomic(outdir / "figures.csv", figures_csv(project))
