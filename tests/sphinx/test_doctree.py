"""Snapshots of what the roles and directives put in the doctree (pytest-regressions).

The snapshot keeps the claim nodes and the nodes our directives make, reduced to
their type, classes, ids, our attributes and text: stable across Sphinx and docutils
versions, and changed by any change to what the markup produces. To accept an
intended change: ``nox -s tests -- tests/sphinx --force-regen``, then review the diff.
"""

from __future__ import annotations

from typing import Any

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from claimdocs.sphinx.nodes import claim_ref, claim_view, person_ref

pytestmark = pytest.mark.sphinx("html", testroot="claims")

_OURS = ("claim", "entity", "kind", "view", "topic")


def _shape(node: nodes.Node) -> dict[str, Any]:
    out: dict[str, Any] = {"node": type(node).__name__}
    if isinstance(node, nodes.Element):
        for key in ("ids", "classes"):
            if node.get(key):
                out[key] = list(node[key])
        for key in _OURS:
            if node.get(key):
                out[key] = node[key]
        children = [c for c in node.children if not isinstance(c, nodes.Text)]
        if children:
            out["children"] = [_shape(c) for c in children]
    text = node.astext()
    if text:
        out["text"] = " ".join(text.split())
    return out


def _ours(doctree: nodes.document) -> list[dict[str, Any]]:
    """Our inline nodes, and the block quotations and views our directives make."""
    found: list[nodes.Node] = []
    for node in doctree.findall(lambda n: isinstance(n, claim_ref | person_ref | claim_view | nodes.block_quote)):
        if not any(isinstance(a, claim_ref | person_ref | nodes.block_quote) for a in _ancestors(node)):
            found.append(node)
    return [_shape(n) for n in found]


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    out = []
    parent = node.parent
    while parent is not None:
        out.append(parent)
        parent = parent.parent
    return out


@pytest.mark.parametrize("docname", ["index", "views"])
def test_markup_doctree(app: SphinxTestApp, docname: str, data_regression: Any) -> None:
    app.build()
    data_regression.check(_ours(app.env.get_doctree(docname)), basename=f"doctree_{docname}")
