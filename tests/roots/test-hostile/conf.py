extensions = ["myst_parser", "sphinx_design", "claimdocs"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
claimdocs_index_page = "views"
claimdocs_source_page = "views"
html_theme = "basic"
nitpicky = True
