"""The Sphinx extension: ``extensions = ["claimdocs"]`` (or ``"claimdocs.sphinx"``).

``{claim}`about 1,500 <evacuated>``` marks a figure, a date, a
quotation, an office, a stance or an assertion with the claim it restates;
``{person}`Dana Levi <levi>``` names an entity; ``{nofact}`3``` marks a number
that states no fact. The pieces:

- :mod:`~claimdocs.sphinx.markup`: the roles and directives;
- :mod:`~claimdocs.sphinx.events`: the event handlers, which run the checks;
- :mod:`~claimdocs.sphinx.parser`: MyST's parser, checking each page with the tokens it renders;
- :mod:`~claimdocs.sphinx.domain`: claims and entities as objects (``{claim-ref}``, intersphinx,
  genindex), which page uses which claim (cross-document state);
- :mod:`~claimdocs.sphinx.state`: the loaded project, kept on ``env``;
- :mod:`~claimdocs.sphinx.views`: the generated views, hover cards and exports;
- :mod:`~claimdocs.sphinx.nodes`: the doctree nodes, with visitors for every builder;
- :mod:`~claimdocs.sphinx.theme`: static files and a theme fix.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from claimdocs._version import __version__
from claimdocs.config import Config
from claimdocs.sphinx import events, markup, theme
from claimdocs.sphinx.domain import ENV_VERSION, ClaimXRefRole, warn_missing_reference
from claimdocs.sphinx.nodes import add_nodes
from claimdocs.sphinx.parser import install as install_parser


def setup(app: Sphinx) -> dict[str, Any]:
    # one config value a setting, in a loop: None means "as pyproject.toml says"
    app.add_config_value("claimdocs_root", "", "env", [str])
    for key, default in Config.settings().items():
        types = (type(default), list, type(None)) if isinstance(default, tuple) else (type(default), type(None))
        app.add_config_value(f"claimdocs_{key}", None, "env", types)
    add_nodes(app)
    install_parser(app)
    app.setup_extension("claimdocs.sphinx.domain")
    app.add_role("claim", markup.ClaimRole())
    app.add_role("claim-ref", ClaimXRefRole("claim"))
    app.add_role("person", markup.PersonRole())
    app.add_role("nofact", markup.nofact_role)
    app.add_directive("claim-quote", markup.ClaimQuoteDirective)
    for view in markup.VIEWS:
        app.add_directive(f"claims-{view}", markup.view_directive(view))
    app.add_directive("claims-rules", markup.RulesDirective)
    app.connect("builder-inited", events.builder_inited)
    app.connect("source-read", events.source_read)
    app.connect("env-get-outdated", events.env_get_outdated)
    app.connect("env-before-read-docs", events.env_before_read_docs)
    app.connect("env-get-updated", events.env_get_updated)
    app.connect("env-check-consistency", events.check_consistency)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("doctree-resolved", events.doctree_resolved)
    app.connect("build-finished", events.build_finished)
    app.add_css_file("claimdocs.css")
    app.add_js_file("claimdocs.js", loading_method="defer")
    app.connect("html-page-context", theme.heading_levels, priority=900)
    app.connect("config-inited", theme.add_static)
    return {"version": __version__, "env_version": ENV_VERSION, "parallel_read_safe": True, "parallel_write_safe": True}
