"""MyST's Sphinx parser, checking each page as it parses it: one top-level parse for the checker and the renderer.

MyST parses a page with markdown-it and renders the tokens to a doctree; the checker
parses the same text with the same configuration (:func:`claimdocs.myst.parser`). Here
the page is parsed once and the tokens go to both, when, and only when, the page's
MyST configuration (conf.py's, merged with the page's ``myst:`` topmatter) makes the
tokens the checker's parser would make (:func:`same_tokens`); otherwise the checker
parses the page itself, as it did at ``source-read``.

``source-read`` (:func:`claimdocs.sphinx.events.source_read`) still decides which page
is checked and hands it over (:attr:`~claimdocs.sphinx.state.BuildState.parsing`), so the
check sees the source after every extension's ``source-read`` handler, and a text parsed
for another reason (a translated message) is parsed as plain MyST does.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any, ClassVar

from docutils import nodes
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig, TopmatterReadError, merge_file_level, read_topmatter
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from myst_parser.warnings_ import create_warning
from sphinx.application import Sphinx

from claimdocs.myst import cap_runs
from claimdocs.sphinx.events import blank, check_read_page, take_handed_over
from claimdocs.sphinx.state import state_of

#: Fields of MyST's configuration that ``create_md_parser`` does not read (the renderer does, or the
#: ``wordcount`` rule, which writes ``env["wordcount"]`` and changes no token): they may differ between
#: the checker's configuration and a page's without changing a token. Every other field must be equal,
#: so a field a later MyST adds is compared until listed here.
RENDER_ONLY = frozenset({
    "all_links_external", "links_external_new_tab", "url_schemes", "ref_domains", "fence_as_directive",
    "number_code_blocks", "title_to_header", "heading_anchors", "heading_slug_func", "heading_anchors_html_ids",
    "html_meta", "footnote_sort", "footnote_transition", "words_per_minute", "substitutions", "update_mathjax",
    "mathjax_classes", "suppress_warnings", "highlight_code_blocks", "inventories",
})


@lru_cache(maxsize=8)
def _checker_config(extensions: frozenset[str]) -> MdParserConfig:
    return MdParserConfig(enable_extensions=set(extensions))


def same_tokens(config: MdParserConfig, extensions: frozenset[str]) -> bool:
    """Whether MyST parsing with ``config`` makes the tokens the checker's parser makes for these extensions."""
    checker = _checker_config(extensions)
    for field in dataclasses.fields(MdParserConfig):
        if field.name in RENDER_ONLY:
            continue
        ours, theirs = getattr(config, field.name), getattr(checker, field.name)
        if field.name == "enable_extensions":
            ours, theirs = frozenset(ours), frozenset(theirs)
        if ours != theirs:
            return False
    return True


class ClaimsMystParser(MystParser):
    """MyST's parser; a page handed over at ``source-read`` is checked with the tokens MyST then renders."""

    #: What :func:`claimdocs.sphinx.events.source_read` looks for to hand a page over.
    checks_pages: ClassVar[bool] = True

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """As :meth:`MystParser.parse` (myst-parser 5.2's), with the check between parsing and rendering."""
        env = document.settings.env
        docname = take_handed_over(env)
        if docname is None:
            super().parse(inputstring, document)
            return
        config: MdParserConfig = env.myst_config
        topmatter_warnings: list[tuple[Any, str]] = []
        try:
            topmatter = read_topmatter(inputstring)
        except TopmatterReadError:
            pass  # MyST reports it as it renders
        else:
            if topmatter:  # its warnings are given once, where MyST gives them: after the check's
                config = merge_file_level(config, topmatter, lambda wtype, msg: topmatter_warnings.append((wtype, msg)))
        parser = create_md_parser(config, SphinxRenderer)
        parser.options["document"] = document
        md_env: dict[str, Any] = {}
        tokens: list[Token] | None = None
        if same_tokens(config, state_of(env).project.myst_extensions) and not cap_runs(inputstring)[1]:
            try:
                tokens = parser.parse(inputstring, md_env)
            except Exception:  # the checker parses it again, and reports what failed as one warning
                tokens, md_env = None, {}
        refused = check_read_page(env, docname, inputstring, tokens)
        if refused:  # what MyST renders is the source with the refused spans blanked, as a source-read handler leaves it
            super().parse(blank(inputstring, refused), document)
            return
        for wtype, msg in topmatter_warnings:
            create_warning(document, msg, wtype, line=1, append_to=document)
        if tokens is None:
            tokens = parser.parse(inputstring, md_env)
        parser.renderer.render(tokens, parser.options, md_env)


def install(app: Sphinx) -> None:
    """Set up myst-parser, then put :class:`ClaimsMystParser` in place of its parser.

    Only in place of myst-parser's own: a parser another extension put there (a subclass,
    another format's) is left alone, and the pages it reads are checked at ``source-read``.
    """
    app.setup_extension("myst_parser")
    parsers = app.registry.get_source_parsers()
    if all(parsers.get(filetype) is MystParser for filetype in ClaimsMystParser.supported):
        app.add_source_parser(ClaimsMystParser, override=True)
