"""One parse a page (parser.py): the checker reads the tokens MyST renders, and the output is plain MyST's.

The build parses each Markdown page once at top level, and the checker and MyST's
renderer share the tokens, when the page's MyST configuration makes the checker's
tokens; a page whose topmatter changes how MyST parses is parsed by each alone. What
the reader gets never changes: the doctree is the one plain MyST makes of the source
(of the source with the refused spans blanked, when the checker refused any).
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import re
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path

import pytest
from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from claimdocs.myst import parser as checker_parser
from claimdocs.sphinx.parser import RENDER_ONLY, ClaimsMystParser, same_tokens
from conftest import ROOT, copy_test_claims

ANSI = re.compile(r"\x1b\[[0-9;]*m")
EXTENSIONS = frozenset({"colon_fence"})  # tests/roots/test-claims/conf.py's
WORDS = "\nThis page has {sub-ref}`wordcount-words` words.\n"


@pytest.fixture
def project(rootdir: Path, tmp_path: Path) -> Path:
    return copy_test_claims(rootdir, tmp_path)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times each text was parsed at top level with markdown-it, by anyone (checker or MyST)."""
    counts: dict[str, int] = {}
    real = MarkdownIt.parse

    def counting(self: MarkdownIt, src: str, env: object = None) -> object:
        counts[src] = counts.get(src, 0) + 1
        return real(self, src, env)  # type: ignore[arg-type]

    monkeypatch.setattr(MarkdownIt, "parse", counting)
    return counts


@pytest.fixture
def build(project: Path) -> Callable[..., str]:
    """Build the project afresh into ``out`` (warnings returned); ``claimdocs_check`` etc. as overrides."""

    def run(out: str = "html", **confoverrides: object) -> str:
        warning = StringIO()
        with patch_docutils(project), docutils_namespace():
            app = Sphinx(srcdir=project, confdir=project, outdir=project / "_build" / out,
                         doctreedir=project / "_build" / f"{out}-doctrees", buildername="html", status=StringIO(),
                         warning=warning, confoverrides=confoverrides, freshenv=True)
            app.build()
        return ANSI.sub("", warning.getvalue())

    return run


def doctree(project: Path, out: str, docname: str) -> str:
    """The page's doctree as read (before the views are filled), as text to compare."""
    with (project / "_build" / f"{out}-doctrees" / f"{docname}.doctree").open("rb") as f:
        tree: nodes.document = pickle.load(f)
    return tree.pformat()


def pages(project: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(project.glob("*.md")):
        yield path.stem, path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- parsed once


def test_each_page_is_parsed_once_at_top_level_when_the_configurations_agree(build, project: Path,
                                                                            parses: dict[str, int]) -> None:
    assert build() == ""
    assert {name: parses.get(text) for name, text in pages(project)} == {name: 1 for name, _ in pages(project)}


def test_a_page_whose_topmatter_changes_the_parse_is_parsed_by_the_checker_and_by_myst(
        build, project: Path, parses: dict[str, int]) -> None:
    changed = "---\nmyst:\n  enable_extensions: [colon_fence, deflist]\n---\n" + (project / "refs.md").read_text(
        encoding="utf-8")
    render_only = "---\nmyst:\n  heading_anchors: 2\n---\n" + (project / "views.md").read_text(encoding="utf-8")
    (project / "refs.md").write_text(changed, encoding="utf-8")
    (project / "views.md").write_text(render_only, encoding="utf-8")
    assert build() == ""
    assert parses[changed] == 2  # the checker's parser, then MyST's with deflist: not the same tokens
    assert parses[render_only] == 1  # heading anchors are the renderer's: the same tokens


def test_a_page_checked_with_its_own_parse_still_reports_its_findings(build, project: Path) -> None:
    text = (project / "index.md").read_text(encoding="utf-8")
    (project / "index.md").write_text("---\nmyst:\n  enable_extensions: [colon_fence, deflist]\n---\n" + text
                                      + "\nThe ministry reports {claim}`1,500 <evacuated>` people evacuated.\n",
                                      encoding="utf-8")
    warnings = build()
    assert "index.md:" in warnings and "[claims.hedge]" in warnings


def test_a_page_with_a_paragraph_over_the_cap_is_not_parsed_before_it_is_blanked(build, project: Path,
                                                                                 parses: dict[str, int]) -> None:
    text = (project / "refs.md").read_text(encoding="utf-8") + "\n" + "[" * 30_000 + "\n"
    (project / "refs.md").write_text(text, encoding="utf-8")
    warnings = build()
    assert "a paragraph of 30,000 characters without a blank line" in warnings
    assert text not in parses  # markdown-it is slow on such a run: only the blanked text is parsed


# ---------------------------------------------------------------- the output is plain MyST's


def test_every_page_s_doctree_is_the_one_plain_myst_makes(build, project: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The same doctrees as when the page is checked at ``source-read`` and MyST parses it again itself."""
    (project / "refs.md").write_text("---\nmyst:\n  heading_anchors: 2\n  no_such_field: 1\n---\n"
                                     + (project / "refs.md").read_text(encoding="utf-8") + WORDS, encoding="utf-8")
    (project / "views.md").write_text((project / "views.md").read_text(encoding="utf-8")
                                      + "\n<div>HTMLBLOCK</div>\n" + WORDS, encoding="utf-8")
    shared = build("shared")
    monkeypatch.setattr(ClaimsMystParser, "checks_pages", False)  # nothing handed over: MyST's own parse
    assert build("plain") == shared
    assert "an HTML block is not checked" in shared and "Unknown field: no_such_field" in shared
    for name, _ in pages(project):
        assert doctree(project, "shared", name) == doctree(project, "plain", name), name


def test_the_word_count_is_rendered_from_the_shared_parse(build, project: Path) -> None:
    (project / "refs.md").write_text((project / "refs.md").read_text(encoding="utf-8") + WORDS, encoding="utf-8")
    assert build() == ""
    page = (project / "_build" / "html" / "refs.html").read_text(encoding="utf-8")
    words = re.search(r"This page has (\d+) words\.", page)
    assert words and int(words.group(1)) > 5


def test_a_refused_span_is_blanked_in_the_output_and_the_rest_rendered(build, project: Path) -> None:
    (project / "refs.md").write_text((project / "refs.md").read_text(encoding="utf-8")
                                     + "\n```{raw} html\n<p>RAWTEXT</p>\n```\n\nAfter the refused part.\n" + WORDS,
                                     encoding="utf-8")
    warnings = build()
    assert "{raw}: raw output is not checked" in warnings
    page = (project / "_build" / "html" / "refs.html").read_text(encoding="utf-8")
    assert "RAWTEXT" not in page and "After the refused part." in page
    assert re.search(r"This page has \d+ words\.", page)


def test_a_topmatter_warning_is_given_once(build, project: Path) -> None:
    for name, tail in (("refs.md", ""), ("views.md", "\n<div>HTMLBLOCK</div>\n")):  # shared parse, blanked source
        path = project / name
        path.write_text("---\nmyst:\n  no_such_field: 1\n---\n" + path.read_text(encoding="utf-8") + tail,
                        encoding="utf-8")
    warnings = build()
    assert warnings.count("Unknown field: no_such_field") == 2, warnings


def test_a_failure_inside_the_check_is_one_warning_and_the_page_is_still_built(
        build, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimdocs.rules import engine

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(engine, "check_page", broken)
    warnings = build()
    assert warnings.count("internal error while checking the page: ValueError: boom") == len(list(pages(project)))
    assert "Traceback" not in warnings
    assert "The ministry reports" in (project / "_build" / "html" / "index.html").read_text(encoding="utf-8")


OTHER_PARSER = """
from myst_parser.parsers.sphinx_ import MystParser


class Marked(MystParser):
    def parse(self, inputstring, document):
        super().parse(inputstring + "\\n\\nRead by the other parser.\\n", document)


def setup(app):
    app.setup_extension("myst_parser")
    app.add_source_parser(Marked, override=True)
    return {"parallel_read_safe": True}
"""


def test_another_extension_s_markdown_parser_is_kept_and_its_pages_still_checked(build, project: Path) -> None:
    (project / "other_parser.py").write_text(OTHER_PARSER, encoding="utf-8")
    conf = (project / "conf.py").read_text(encoding="utf-8")
    (project / "conf.py").write_text("import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
                                     + conf.replace('extensions = ["myst_parser",', 'extensions = ["other_parser",'),
                                     encoding="utf-8")
    (project / "refs.md").write_text((project / "refs.md").read_text(encoding="utf-8")
                                     + "\nThe ministry reports {claim}`1,500 <evacuated>` people evacuated.\n"
                                     + "\n<div>HTMLBLOCK</div>\n", encoding="utf-8")
    warnings = build()
    assert "refs.md:" in warnings and "[claims.hedge]" in warnings and "an HTML block is not checked" in warnings
    page = (project / "_build" / "html" / "refs.html").read_text(encoding="utf-8")
    assert "Read by the other parser." in page and "HTMLBLOCK" not in page


# ---------------------------------------------------------------- when two parsers make the same tokens


def _tokens(md: MarkdownIt, text: str) -> list[dict[str, object]]:
    return [token.as_dict() for token in md.parse(text)]


@pytest.mark.parametrize("page", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.name)
def test_the_checker_s_parser_makes_the_tokens_of_myst_s_with_its_word_count(page: Path) -> None:
    """The checker leaves out MyST's ``wordcount`` core rule, which fills ``env`` and changes no token."""
    text = page.read_text(encoding="utf-8")
    extensions = frozenset({"colon_fence", "deflist", "fieldlist", "attrs_inline"})
    myst = create_md_parser(MdParserConfig(enable_extensions=set(extensions)), RendererHTML)
    env: dict[str, object] = {}
    assert [t.as_dict() for t in myst.parse(text, env)] == _tokens(checker_parser(extensions), text)
    assert env["wordcount"]


def test_the_fields_myst_s_parser_reads_are_compared() -> None:
    """``create_md_parser`` reads no field listed as the renderer's but the word count's; every field listed is MyST's."""
    read = set(re.findall(r"config\.(\w+)", inspect.getsource(create_md_parser)))
    names = {field.name for field in dataclasses.fields(MdParserConfig)}
    assert read and read <= names
    assert read & RENDER_ONLY == {"words_per_minute"}  # the wordcount rule's, which changes no token (above)
    assert names >= RENDER_ONLY


@pytest.mark.parametrize(("changes", "same"), [
    ({}, True),
    ({"heading_anchors": 3, "substitutions": {"a": "b"}, "words_per_minute": 100, "fence_as_directive": {"mermaid"}},
     True),
    ({"enable_extensions": {"colon_fence", "deflist"}}, False),
    ({"enable_extensions": set()}, False),
    ({"disable_syntax": ["emphasis"]}, False),
    ({"commonmark_only": True}, False),
    ({"colon_fence_exact_match": True}, False),
    ({"sub_delimiters": ("[", "]")}, False),
])
def test_a_page_s_configuration_parses_like_the_checker_s_unless_a_parsing_field_differs(
        changes: dict[str, object], same: bool) -> None:
    config = dataclasses.replace(MdParserConfig(enable_extensions=["colon_fence"]), **changes)
    assert same_tokens(config, EXTENSIONS) is same
