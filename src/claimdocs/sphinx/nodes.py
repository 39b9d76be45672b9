"""Doctree nodes for claims, with visitors for every builder.

HTML gets a link to the claim's index entry plus a card (evidence sentence and
attribution) that CSS shows on hover and on keyboard focus; the link and a plain
``title`` still work without JavaScript or CSS. Every other builder gets the text.
All claim text is escaped: a claim never injects markup into the page.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes


class claim_ref(nodes.inline):
    """One use of a claim in running text.

    Attributes: ``claim`` (id), ``kind``, ``ids`` (the use anchor); filled at
    resolve time: ``refuri``, ``title``, ``card`` (escaped HTML).
    """


class person_ref(nodes.inline):
    """A person or organisation named on a page: ``entity``, then ``refuri``, ``title``, ``card``."""


class claim_view(nodes.General, nodes.Element):
    """A placeholder for a generated view (index, figures, ...), replaced at resolve time."""


class raw_html(nodes.Inline, nodes.TextElement):
    """Trusted HTML built by this package from escaped parts (cards, JSON-LD)."""


class claim_entry(nodes.container):
    """An entry of the claims index: a container with ``data`` (name -> value), which HTML writes as
    ``data-<name>`` attributes for the index's filter. Other builders write it as the container it is
    (Sphinx's translators fall back along the node's classes)."""


def _visit_ref_html(self: Any, node: nodes.Element) -> None:
    kind = node.get("kind", "entity")
    data_attr = "data-claim-id" if isinstance(node, claim_ref) else "data-entity-id"
    ident = node.get("claim") or node.get("entity") or ""
    classes = ["claim", f"claim-{kind}"] if isinstance(node, claim_ref) else ["claim", "claim-person"]
    if not node.get("refuri"):
        # a copy Sphinx made of a heading (sidebar, "on this page", next/previous), or no index page to
        # link to: the words only; the anchor and the card belong to the marker in the page itself
        self.body.append('<span class="claim-copy">')
        return
    self.body.append(self.starttag(node, "span", "", CLASS=" ".join(classes), **{data_attr: ident}))
    card_id = f"{node['ids'][0]}-card" if node.get("ids") else ""
    if node.get("refuri"):
        described = f' aria-describedby="{escape(card_id)}"' if card_id and node.get("card") else ""
        self.body.append(
            f'<a class="claim-link" href="{escape(node["refuri"])}" title="{escape(node.get("title", ""))}"{described}>'
        )


def _depart_ref_html(self: Any, node: nodes.Element) -> None:
    if node.get("refuri"):
        self.body.append("</a>")
    if node.get("card") and node.get("ids"):
        self.body.append(
            f'<span class="claim-card" role="tooltip" id="{escape(node["ids"][0])}-card">{node["card"]}</span>'
        )
    self.body.append("</span>")


def _visit_entry_html(self: Any, node: claim_entry) -> None:
    given: dict[str, str] = node.get("data", {})
    data = {f"data-{name}": value for name, value in sorted(given.items())}
    self.body.append(self.starttag(node, "div", CLASS="docutils container", **data))


def _depart_entry_html(self: Any, node: claim_entry) -> None:
    self.body.append("</div>\n")


def _visit_raw_html(self: Any, node: raw_html) -> None:
    self.body.append(node.get("html", ""))
    raise nodes.SkipNode


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _pass(self: Any, node: nodes.Element) -> None:
    pass


_OTHER_BUILDERS = ("latex", "text", "man", "texinfo", "epub", "singlehtml", "dirhtml")


def add_nodes(app: Any) -> None:
    inline_visitors = {"html": (_visit_ref_html, _depart_ref_html)}
    for name in ("latex", "text", "man", "texinfo"):
        inline_visitors[name] = (_pass, _pass)
    app.add_node(claim_ref, **inline_visitors)
    app.add_node(person_ref, **inline_visitors)
    app.add_node(claim_view, **{name: (_skip, None) for name in ("html", "latex", "text", "man", "texinfo")})
    app.add_node(claim_entry, html=(_visit_entry_html, _depart_entry_html))
    app.add_node(
        raw_html,
        html=(_visit_raw_html, None),
        **{name: (_skip, None) for name in ("latex", "text", "man", "texinfo")},
    )


def card_html(kind: str, ident: str, headline: str, attribution: str, before: str, evidence: str, after: str,
              source_uri: str | None) -> str:
    """The hover card: escaped parts in inline-level elements (valid inside ``<a>``'s parent span)."""
    parts = [
        f'<span class="claim-card-head"><span class="claim-kind">{escape(kind)}</span> '
        f'<code class="claim-id">{escape(ident)}</code></span>',
        f'<span class="claim-card-what">{escape(headline)}</span>',
    ]
    if attribution:
        parts.append(f'<span class="claim-card-who">{escape(attribution)}</span>')
    if evidence:
        parts.append(
            '<span class="claim-card-evidence"><span class="claim-card-label">In the article:</span> '
            f"{escape(before)}<mark>{escape(evidence)}</mark>{escape(after)}</span>"
        )
    if source_uri:
        parts.append(f'<span class="claim-card-more">See it in <a href="{escape(source_uri)}">the source</a></span>')
    return "".join(parts)


def table(headers: list[str], rows: list[list[nodes.Node | str]], classes: list[str]) -> nodes.table:
    """A table of the generated views: a header row, then one row a list of cells (text or nodes)."""
    out = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    out += group
    for _ in headers:
        group += nodes.colspec(colwidth=20)  # text builders wrap a cell to this many characters
    thead = nodes.thead()
    row = nodes.row()
    for h in headers:
        entry = nodes.entry()
        entry += nodes.paragraph(h, h)
        row += entry
    thead += row
    group += thead
    tbody = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for head, cell in zip(headers, cells, strict=True):
            entry = nodes.entry()
            para = nodes.paragraph()
            # The column's name, shown by claimdocs.css where a narrow screen stacks the rows into cards.
            empty = " claims-cell-empty" if isinstance(cell, str) and not cell else ""
            para += raw_html(html=f'<span class="claims-cell-label{empty}" data-label="{escape(head)}"></span>')
            if isinstance(cell, str):
                para += nodes.Text(cell)
            else:
                para += cell
            entry += para
            row += entry
        tbody += row
    group += tbody
    return out
