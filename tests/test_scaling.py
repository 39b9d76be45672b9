"""Every stage is linear (or n log n) in its input: a large hostile input against a small one, as a ratio.

Each test times one stage on an input and on the same input eight times as large (the
best of three runs each, so a busy machine does not decide) and asserts the large run
took less than :data:`LIMIT` times as long: linear work takes about eight times, quadratic
work sixty-four. No test compares a time with a number of seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from claimdocs.article import Article, nearest_in, sentence_spans
from claimdocs.myst import cap_runs
from claimdocs.pages import parse_page
from claimdocs.project import Project
from claimdocs.rules.engine import check_page, check_source
from conftest import ARTICLE

#: Eight times the input; quadratic work would take sixty-four times as long.
FACTOR = 8
LIMIT = 24


def best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def assert_linear(stage: Callable[[int], Callable[[], object]], n: int) -> tuple[float, float]:
    """Time ``stage(n)`` and ``stage(FACTOR * n)``; the ratio must stay under :data:`LIMIT`."""
    small, large = stage(n), stage(FACTOR * n)
    t_small, t_large = best(small), best(large)
    if t_large >= LIMIT * t_small:  # one more try before failing: another process may have had the cores
        t_small, t_large = best(small), best(large)
    assert t_large < LIMIT * t_small, f"x{FACTOR} input took x{t_large / t_small:.1f} the time ({t_small:.4f}s, {t_large:.4f}s)"
    return t_small, t_large


@pytest.mark.parametrize(
    "unit",
    ["Mr. A b. ", "U.S. and Lt. Gen. X. ", "a.b.c. d ", "“Quoted.” He said. ", "x\n\n", ". " * 3, "Dr.\tE.  "],
    ids=["abbreviations", "initialisms", "dotted", "quotes", "paragraphs", "bare-periods", "tabs"],
)
def test_sentence_splitting_is_linear(unit: str) -> None:
    # each sentence end used to copy the rest of the text: minutes for a few hundred thousand sentences
    assert_linear(lambda n: lambda: sentence_spans(unit * n), 20_000)


@pytest.mark.parametrize("paragraph", ["{" * 2, "{a}``x "], ids=["braces", "openers-without-closers"])
def test_the_role_rule_of_sphinx_own_myst_parser_is_linear(paragraph: str) -> None:
    """The parser Sphinx builds with (myst-parser's create_md_parser): the role rule no longer slices the paragraph.

    The sizes are large enough that the plugin's own rule fails this test (x11 at 5,000
    units, where copying is still cheap; about x40 from 30,000).
    """
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    import claimdocs.pages  # noqa: F401 - installs the linear role rule, as the extension does

    md = create_md_parser(MdParserConfig(), RendererHTML)
    assert_linear(lambda n: lambda: md.parse("x " + paragraph * n), 30_000)


def test_the_role_rule_gives_the_plugins_tokens() -> None:
    """The linear rule reads roles exactly as mdit-py-plugins' own rule does."""
    from markdown_it import MarkdownIt

    from claimdocs.myst import _myst_role

    samples = ["{a}`x`", "{claim}`about 5 <x>` and {b}``two ` ticks``", "{a}`` `", "{a}` x\ny`", "{bad name}`x`",
               "\\{a}`x`", "{a}", "{a}`unclosed", "{a:b}`x` {c+d}`y`", "x{a}`y`z", "{a}``", "{a}```x``y```"]
    original = MarkdownIt("commonmark")
    original.inline.ruler.before("backticks", "myst_role", _original_rule())
    ours = MarkdownIt("commonmark")
    ours.inline.ruler.before("backticks", "myst_role", _myst_role)
    for text in samples:
        a = [(t.type, t.content, t.meta) for t in original.parseInline(text)[0].children or []]
        b = [(t.type, t.content, t.meta) for t in ours.parseInline(text)[0].children or []]
        assert a == b, text


def _original_rule() -> Callable[..., bool]:
    """mdit-py-plugins' own rule, read from its source (the module's name now points at ours)."""
    import inspect

    from mdit_py_plugins.myst_role import index

    namespace = dict(vars(index))
    source = inspect.getsource(index)
    exec(compile(source, index.__file__ or "index.py", "exec"), namespace)  # the installed plugin's own code
    rule: Callable[..., bool] = namespace["myst_role"]
    return rule


def test_capping_long_paragraphs_is_linear() -> None:
    assert_linear(lambda n: lambda: cap_runs(("[" * 30_000 + "\n\nshort\n\n") * n), 4)


@pytest.mark.parametrize(
    "unit",
    ["Zamir said, the chief of staff.\n\n", "“a” 65,000 people.\n\n", "[a](http://x) 12 and {nofact}`3`.\n\n",
     "He said {claim}`“This norm has been broken” <plesner-norm>`.\n\n", "{ { { { {a}` x\n\n",
     "| a | 65,000 |\n|---|---|\n| b | Tuesday |\n\n", "![65,000 <b>x</b>](p.png) <abbr title='x'>y</abbr>\n\n"],
    ids=["names", "quote-and-figure", "link-and-nofact", "quotation-marker", "braces", "table", "image-and-html"],
)
def test_checking_a_page_is_linear(real_project: Project, unit: str) -> None:
    assert_linear(lambda n: lambda: check_page(real_project, "docs/p.md", unit * n), 250)


def test_parsing_a_page_of_many_directives_is_linear() -> None:
    unit = ":::{note} A title\nSome text, {claim}`a <b>`.\n:::\n\n```{raw} html\n<p>x</p>\n```\n\n"
    assert_linear(lambda n: lambda: parse_page(unit * n, "docs/p.md"), 300)


def test_the_nearest_text_hint_is_linear_in_the_haystack() -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    needle = "approximately 75,000 Palestinians have been killed in the war, according to the ministry"
    assert_linear(lambda n: lambda: nearest_in(article * n, needle), 4)


def test_anchoring_evidence_with_a_prefix_is_linear() -> None:
    article = Article.from_bytes("a.txt", ("a b " * 50_000).encode())
    small = Article.from_bytes("a.txt", ("a b " * 6_250).encode())
    t_small = best(lambda: small.find_all("b", prefix="a "))
    t_large = best(lambda: article.find_all("b", prefix="a "))
    assert t_large < LIMIT * t_small, (t_small, t_large)


def test_the_sentences_around_a_span_are_found_by_bisection() -> None:
    def stage(n: int) -> Callable[[], object]:
        art = Article.from_bytes("a.txt", ("One sentence here. " * n).encode())
        _ = art.sentences
        return lambda: [art.around(i * 19, i * 19 + 5) for i in range(0, n, max(1, n // 2000))]

    assert_linear(stage, 20_000)


def test_checking_a_long_article_is_linear(tmp_path: Path, real_project: Project) -> None:
    """The article's checks (anchoring, coverage, hints) on an article of many copies of the real one."""
    text = ARTICLE.read_text(encoding="utf-8")

    def stage(n: int) -> Callable[[], object]:
        project = Project(config=real_project.config, claims=real_project.claims, entities=real_project.entities,
                          where=real_project.where, meta=None)
        project.article = Article.from_bytes("a.txt", ("\n\n".join([text] * n)).encode())
        return lambda: check_source(project)

    assert_linear(stage, 2)
