"""Sphinx configuration for the claim-checked restatement.

Build with the configuration here and the pages in docs/:
``sphinx-build -c . docs _build/html`` (what ``nox -s docs`` runs). The article,
claims and pages are found through ``[tool.claimdocs]`` in pyproject.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent.resolve()
sys.path.insert(0, str(HERE / "src"))  # the claimdocs extension, also when not installed

project = "Gaza City, Qatar and the ceasefire talks: a claim-checked restatement"
author = "the claimdocs editors"
copyright = "the claimdocs editors; article text quoted for verification"
html_title = "Israel's security chiefs and Netanyahu: a checked restatement"

extensions = ["myst_parser", "sphinx_design", "claimdocs"]
source_suffix = {".md": "markdown"}
root_doc = "index"
# Only the pages: never .nox/, _build/ or the README when run from another folder.
exclude_patterns = ["_build", ".nox", ".venv", "**/.*", "README.md"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline"]
myst_heading_anchors = 3

html_theme = "furo"
html_static_path: list[str] = []
html_theme_options = {
    "source_repository": "",
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None  # the article has no date; the site shows none either

# claimdocs: pages (docs/), claims (claims/) and article (seeds/) come from pyproject.toml.
claimdocs_root = str(HERE)
claimdocs_index_page = "claims"
claimdocs_source_page = "source"

suppress_warnings: list[str] = []
nitpicky = True
