"""Sphinx configuration of the example project: an invented article, restated and checked.

Scaffolded by ``claimdocs init``; the one line added is the ``sys.path`` entry below.

Build with ``sphinx-build -W -c . docs _build/html`` (``nox -s docs``): pages are read from
docs/ only; the article, claims and pages are found through [tool.claimdocs] in pyproject.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent.resolve()
sys.path.insert(0, str(HERE.parents[1] / "src"))  # this repository's claimdocs, also when not installed

project = "Norvalia’s hospital plan: a checked restatement of an invented article"
author = "the editors"
copyright = "the editors; article text quoted for verification"
html_title = project

extensions = ["myst_parser", "sphinx_design", "claimdocs"]
source_suffix = {".md": "markdown"}
root_doc = "index"
# Only the pages: never .nox/, _build/ or a README, whatever folder Sphinx is run from.
exclude_patterns = ["_build", ".nox", ".venv", "**/.*", "README.md"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline"]
myst_heading_anchors = 3

html_theme = "furo"
html_static_path: list[str] = []
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None  # the site adds no date the article does not give

claimdocs_root = str(HERE)
claimdocs_index_page = "claims"
claimdocs_source_page = "source"

nitpicky = True
