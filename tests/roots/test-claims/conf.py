extensions = ["myst_parser", "sphinx_design", "claimdocs"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "basic"
nitpicky = True
