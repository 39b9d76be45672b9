"""Markdown read the way Sphinx's MyST reads it, in time that grows linearly with the page.

- :func:`parser`: myst-parser's own markdown-it configuration for a set of MyST
  extensions (the project's, so the checker and Sphinx read a page alike);
- :func:`_myst_role`: the ``{role}`` inline rule of mdit-py-plugins, rewritten to be
  linear, and installed in place of the plugin's for every MyST parser made after
  this module is imported (the checker's and the Sphinx build's);
- :func:`cap_runs`: no paragraph longer than :data:`MAX_BLOCK_CHARS` reaches markdown-it,
  which spends tens of microseconds a character on some inputs (a run of ``[``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

#: The longest run of lines without a blank line the checker reads (and the build renders).
MAX_BLOCK_CHARS = 20_000

#: What the checker reads pages with when a caller does not say, and a project without a conf.py (claimdocs.config).
DEFAULT_EXTENSIONS = frozenset({"colon_fence", "deflist", "fieldlist", "attrs_inline"})


@lru_cache(maxsize=8)
def parser(extensions: frozenset[str] = DEFAULT_EXTENSIONS) -> MarkdownIt:
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions=set(extensions))
    md = create_md_parser(config, RendererHTML)
    md.disable("wordcount", ignoreInvalid=True)  # reading time: changes no token, costs a pass
    return md


def check_extensions(extensions: Iterable[str]) -> str | None:
    """Why MyST cannot read pages with these extensions (an unknown name), or None."""
    try:
        parser(frozenset(extensions))
    except (ValueError, TypeError, KeyError, ImportError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return None


# ---------------------------------------------------------------- a linear role rule

_ROLE_NAME = re.compile(r"\{([a-zA-Z0-9\_\-\+\:]+)\}")


def _myst_role(state: StateInline, silent: bool) -> bool:
    """mdit-py-plugins' ``myst_role`` inline rule, the same tokens in time linear in the paragraph.

    The plugin's rule (0.4 to 0.7 at least) slices the rest of the paragraph at every ``{``
    (``VALID_NAME_PATTERN.match(state.src[state.pos:])``) and again to look for the closing
    backticks: a paragraph of a few hundred thousand ``{`` takes minutes. Here the name is
    matched in place and the closing run found with ``str.find`` from the opening one.
    """
    src = state.src
    pos = state.pos
    if src[pos] != "{":
        return False
    match = _ROLE_NAME.match(src, pos)
    if not match:
        return False
    start = end = match.end()
    n = len(src)
    while end < n and src[end] == "`":
        end += 1
    ticks = end - start
    if not ticks:
        return False
    close = src.find("`" * ticks, end + 1)
    if close < 0:
        return False
    if not silent:
        token = state.push("myst_role", "", 0)
        token.meta = {"name": match.group(1)}
        token.content = src[end:close].replace("\n", " ")
    state.pos = close + ticks
    return True


def _install_linear_role_rule() -> None:
    """Make every MyST parser made from now on (the checker's and Sphinx's) use :func:`_myst_role`.

    ``myst_role_plugin`` registers the module's ``myst_role`` when a parser is created, so
    replacing that one name is enough; a plugin without it is left alone.
    """
    try:
        from mdit_py_plugins.myst_role import index
    except ImportError:  # pragma: no cover - a mdit-py-plugins without the role plugin
        return
    if callable(getattr(index, "myst_role", None)):
        index.myst_role = _myst_role


_install_linear_role_rule()


def cap_runs(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """``text`` with each run of lines without a blank line over :data:`MAX_BLOCK_CHARS` blanked, and those runs.

    Blanking keeps every line (and so every line number); each run is (line, start, end),
    its first line and its offsets. One linear pass.
    """
    if len(text) <= MAX_BLOCK_CHARS:
        return text, []
    runs: list[tuple[int, int]] = []
    run_start, run_end = -1, 0
    at, n = 0, len(text)
    while True:
        nl = text.find("\n", at)
        stop = n if nl < 0 else nl
        if _NON_SPACE.search(text, at, stop):  # a line with text on it
            if run_start < 0:
                run_start = at
            run_end = stop
        elif run_start >= 0:
            runs.append((run_start, run_end))
            run_start = -1
        if nl < 0:
            break
        at = nl + 1
    if run_start >= 0:
        runs.append((run_start, run_end))
    pieces: list[str] = []
    long_runs: list[tuple[int, int, int]] = []
    last = 0
    for a, b in runs:
        if b - a <= MAX_BLOCK_CHARS:
            continue
        long_runs.append((text.count("\n", 0, a) + 1, a, b))
        pieces += [text[last:a], _NOT_NEWLINE.sub(" ", text[a:b])]
        last = b
    return ("".join([*pieces, text[last:]]) if pieces else text), long_runs


_NON_SPACE = re.compile(r"\S")
_NOT_NEWLINE = re.compile(r"[^\n]")
