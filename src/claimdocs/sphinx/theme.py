"""The extension's static files, and one fix to what the theme writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config as SphinxConfig

STATIC = Path(__file__).resolve().parent.parent / "static"
_CAPTION = '<p class="caption" role="heading">'


def heading_levels(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Toctree captions get ``role="heading"`` without a level (sphinx-doc/sphinx#14030): add it."""
    fixed = '<p class="caption" role="heading" aria-level="2">'
    for key in ("body", "furo_navigation_tree", "toc"):
        value = context.get(key)
        if isinstance(value, str) and _CAPTION in value:
            context[key] = value.replace(_CAPTION, fixed)


def add_static(app: Sphinx, config: SphinxConfig) -> None:
    static = str(STATIC)
    if static not in config.html_static_path:
        config.html_static_path.append(static)
