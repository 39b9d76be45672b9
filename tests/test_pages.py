"""pages.py: MyST pages read into blocks of prose, with exact lines and columns."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from claimdocs.myst import DEFAULT_EXTENSIONS, MAX_BLOCK_CHARS, cap_runs, parser
from claimdocs.pages import Block, parse_page, position_of, split_role


def blocks(text: str) -> list[Block]:
    return parse_page(text, "p.md").blocks


def at(text: str, line: int, col: int, n: int) -> str:
    """The ``n`` characters of ``text`` at a 1-based line and column."""
    row = text.split("\n")[line - 1]
    return row[col - 1 : col - 1 + n]


def test_paragraph_segments_carry_their_place() -> None:
    text = "Intro line\nsays {claim}`about 65,000 <gaza-deaths>` and `code 12` done.\n"
    (block,) = blocks(text)
    kinds = [(s.kind, s.text) for s in block.segments]
    assert kinds == [
        ("text", "Intro line"),
        ("break", " "),
        ("text", "says "),
        ("role", "about 65,000"),
        ("text", " and "),
        ("code", "code 12"),
        ("text", " done."),
    ]
    role = block.segments[3]
    assert (role.role, role.target, role.line, role.col) == ("claim", "gaza-deaths", 2, 6)
    assert role.raw == "{claim}`about 65,000 <gaza-deaths>`"
    for seg in block.segments:
        if seg.kind == "text":
            assert at(text, seg.line, seg.col, len(seg.text)) == seg.text


def test_reflowed_marker_keeps_the_line_and_column_of_its_start() -> None:
    text = "First line of prose and a {claim}`marker that\nruns over <some-id>` then more.\n"
    (block,) = blocks(text)
    role = next(s for s in block.segments if s.kind == "role")
    assert (role.line, role.col) == (1, 27)
    assert role.target == "some-id"
    after = block.segments[-1]
    assert (after.line, after.col, after.text) == (2, 21, " then more.")


def test_double_backtick_role() -> None:
    text = "A {claim}``code `x` inside <an-id>`` and 7 after.\n"
    (block,) = blocks(text)
    role = block.segments[1]
    assert role.raw == "{claim}``code `x` inside <an-id>``"
    last = block.segments[-1]
    assert at(text, last.line, last.col, len(last.text)) == last.text


def test_entities_and_escapes_keep_later_columns_exact() -> None:
    text = "Tom &amp; Jerry \\*not emphasis\\* 65,000 end\n"
    (block,) = blocks(text)
    assert block.text == "Tom & Jerry *not emphasis* 65,000 end"
    offset = block.text.index("65,000")
    line, col = position_of(block, offset)
    assert at(text, line, col, 6) == "65,000"


def test_links_images_and_emphasis_are_prose_but_urls_are_not() -> None:
    text = "See [the 2023 report](https://x.org/2023 \"t\") and ![alt 5](i.png) then **bold 9** and 11.\n"
    alt, block = blocks(text)  # the alt text is prose a screen reader reads: a block of its own
    assert (alt.kind, alt.text) == ("alt", "alt 5")
    assert at(text, alt.segments[0].line, alt.segments[0].col, 5) == "alt 5"
    assert "https" not in block.text
    assert "alt 5" not in block.text
    for needle in ("the 2023 report", "bold 9", " and 11."):
        seg = next(s for s in block.segments if s.text == needle)
        assert at(text, seg.line, seg.col, len(needle)) == needle


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("# Heading 3\n", "heading"),
        ("| a | b |\n|---|---|\n| 12 | x |\n", "cell"),
        ("- list item 44\n", "paragraph"),
        ("Term 1\n: definition\n", "term"),
        ("> quoted 5\n", "paragraph"),
    ],
)
def test_block_kinds(source: str, kind: str) -> None:
    assert kind in {b.kind for b in blocks(source)}


def test_table_cells_share_their_row() -> None:
    text = "| who | words |\n|---|---|\n| {person}`Zamir <zamir>` | said 12 |\n"
    cells = [b for b in blocks(text) if b.line == 3]
    assert len(cells) == 2
    assert {c.row for c in cells} == {3}
    person = cells[0].segments[0]
    assert (person.role, person.target, person.line, person.col) == ("person", "zamir", 3, 3)


DIRECTIVES = """\
:::{admonition} Title with 20
:class: note
Admonition body 21.
:::

```{card} Card title 22
Card body 23.
```

::::{tab-set}
:::{tab-item} Tab 24
Tab body 25.
:::
::::

````{dropdown} Drop 26
```{note}
Nested body 27.
```
````

- item
  ```{tip}
  Indented body 28.
  ```
"""


def test_directive_titles_and_bodies_are_prose_with_page_positions() -> None:
    found = {b.text: b for b in blocks(DIRECTIVES)}
    for needle in ("Title with 20", "Admonition body 21.", "Card title 22", "Card body 23.", "Tab 24",
                   "Tab body 25.", "Drop 26", "Nested body 27.", "Indented body 28."):
        assert needle in found, needle
        seg = found[needle].segments[0]
        assert at(DIRECTIVES, seg.line, seg.col, len(needle)) == needle
    assert found["Title with 20"].kind == "title"
    assert not any(":class:" in b.text for b in blocks(DIRECTIVES))


def test_directives_are_listed_with_their_place() -> None:
    page = parse_page(DIRECTIVES + "\n```{claim-quote} plesner-era\n```\n", "p.md")
    names = [(d.name, d.argument, d.line) for d in page.directives]
    assert ("admonition", "Title with 20", 1) in names
    assert ("claim-quote", "plesner-era", 27) in names
    assert page.directives[-1].col == 4  # the brace


LITERAL = """\
```python
x = 65000  # "quoted"
```

```{code-block} text
October 7, 2023
```

```{math}
2 + 2
```

    indented code 99

<div>html 12</div>

% a comment with 13

```{figure} image-2023.png
Caption with 14.
```

```{grid} 1 2 2 2
Grid body 15.
```
"""


def test_literal_content_is_not_prose() -> None:
    texts = " ".join(b.text for b in blocks(LITERAL))
    for literal in ("65000", "October", "2 + 2", "99", "html 12", "13", "image-2023", "1 2 2 2"):
        assert literal not in texts, literal
    assert "Caption with 14." in texts  # a figure's caption is prose
    assert "Grid body 15." in texts


def test_other_roles_and_inline_code_are_code_segments() -> None:
    (block,) = blocks("Use {ref}`section 3 <sec>` and `12` and {math}`x^2`.\n")
    assert [s.kind for s in block.segments if s.kind != "text"] == ["code", "code"]
    assert "section 3" in block.text  # a link's text, shown as text: prose, like a Markdown link's


def test_front_matter_and_targets_are_skipped() -> None:
    text = "---\ntitle: 2023\n---\n(target-1)=\n# Real 5\n"
    assert [b.text for b in blocks(text)] == ["Real 5"]


def test_malformed_role_stays_text() -> None:
    first, second = blocks("{claim}`unterminated\n\nand {claim} `x <y>`\n")
    assert [s.kind for s in first.segments] == ["text"]
    assert first.text == "{claim}`unterminated"
    assert [s.kind for s in second.segments] == ["text", "code"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("approximately 65,000 <gaza-deaths>", ("approximately 65,000", "gaza-deaths")),
        ("gaza-deaths", ("gaza-deaths", None)),
        ("  x  < id >  ", ("x", "id")),
        ("text <>", ("text", "")),
        ("a\nb <c>", ("a\nb", "c")),
    ],
)
def test_split_role(content: str, expected: tuple[str, str | None]) -> None:
    assert split_role(content) == expected


@pytest.mark.parametrize(
    "text",
    ["", "\n", "`", "{claim}`", "```{card}", ":::{note}\n", "| a |\n|-|\n| `x |", "&#99999999;", "\\", "[a](", "![",
     "[^1]", "{claim}`a <b>`" * 50, "\x00\t\x0b", "::::{tab-set}\n" * 30],
)
def test_parse_never_raises(text: str) -> None:
    page = parse_page(text, "p.md")
    for block in page.blocks:
        for seg in block.segments:
            assert seg.line >= 1 and seg.col >= 1


# ---------------------------------------------------------------- what a reader sees: checked or refused


def refused(text: str, extensions: frozenset[str] = DEFAULT_EXTENSIONS) -> list[tuple[int, int, str]]:
    """(line, col, the refused text) of each refusal on a page."""
    page = parse_page(text, "p.md", extensions=extensions)
    return [(r.line, r.col, text[r.start : r.end]) for r in page.refused]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A.\n\n```{raw} html\n<p>x</p>\n```\n\nB.\n", [(3, 4, "```{raw} html\n<p>x</p>\n```\n")]),
        (":::{eval-rst}\nx\n:::\n", [(1, 4, ":::{eval-rst}\nx\n:::\n")]),
        ("```{csv-table}\n:file: /etc/passwd\n```\n", [(1, 4, "```{csv-table}\n:file: /etc/passwd\n```\n")]),
        ("```{literalinclude} x.py\n```\n", [(1, 4, "```{literalinclude} x.py\n```\n")]),
        ("```{include} x.md\n:literal:\n```\n", [(1, 4, "```{include} x.md\n:literal:\n```\n")]),
        ("```{include} x.md\n---\ncode: python\n---\n```\n", [(1, 4, "```{include} x.md\n---\ncode: python\n---\n```\n")]),
        ("```{glossary}\nterm\n  def\n```\n", [(1, 4, "```{glossary}\nterm\n  def\n```\n")]),
        ("```{mermaid}\ngraph A-->B\n```\n", [(1, 4, "```{mermaid}\ngraph A-->B\n```\n")]),
        ("<div>\nhi\n</div>\n\nafter\n", [(1, 1, "<div>\nhi\n</div>\n")]),
        ("  <p>x</p>\n", [(1, 3, "  <p>x</p>\n")]),
        ("a <span title=\"x\">b</span> c\n", [(1, 3, "<span title=\"x\">")]),
        ("a <script>alert(1)</script>\n", [(1, 3, "<script>")]),
        ("![{claim}`a <b>` c](p.png)\n", [(1, 3, "{claim}`a <b>`")]),
        ("> ```{raw} html\n> x\n> ```\n", [(1, 6, "> ```{raw} html\n> x\n> ```\n")]),
        (":::{note}\n```{raw} html\nx\n```\n:::\n", [(2, 4, "```{raw} html\nx\n```\n")]),
    ],
)
def test_routes_around_the_checks_are_refused_with_the_span_the_build_leaves_out(
        text: str, expected: list[tuple[int, int, str]]) -> None:
    assert refused(text) == expected


@pytest.mark.parametrize(
    "text",
    ["<!-- a note -->\n\nText.\n", "<!-- one -->\n<!-- two -->\n", "a <b>bold</b> <i>x</i> <br> <br/> <sub>2</sub> c\n",
     "a <!-- inline --> b\n", "```{code-block} python\n<p>x</p>\n```\n", "```\n<div>x</div>\n```\n",
     "{{ not a substitution }}\n", "`<div>` in code\n"],
)
def test_what_is_not_refused(text: str) -> None:
    assert refused(text) == []


def test_substitutions_are_refused_only_when_the_extension_reads_them() -> None:
    text = "They say {{ toll }} died.\n\n{{ block }}\n"
    assert refused(text) == []
    (block,) = parse_page(text.split("\n\n")[0], "p.md").blocks
    assert block.text == "They say {{ toll }} died."  # plain text a reader sees, checked
    on = DEFAULT_EXTENSIONS | {"substitution"}
    assert refused(text, on) == [(1, 10, "{{ toll }}"), (3, 1, "{{ block }}\n")]


def test_the_extensions_sphinx_uses_decide_what_a_page_says() -> None:
    text = ":::{note}\nInside.\n:::\n"
    with_fences = parse_page(text, "p.md", extensions=frozenset({"colon_fence"}))
    without = parse_page(text, "p.md", extensions=frozenset())
    assert [b.text for b in with_fences.blocks] == ["Inside."]
    assert [b.text for b in without.blocks] == [":::{note} Inside. :::"]  # a paragraph: checked as prose


def test_alt_text_prose_options_and_toctree_titles_are_prose() -> None:
    text = ("![A chart of 65,000](chart.png)\n\n```{image} pic.png\n:alt: About 12 people\n```\n\n"
            "```{figure} pic.png\n---\nalt: A figure of 3\ncaption: ignored here\n---\nThe caption, 4.\n```\n\n"
            "```{toctree}\n:caption: Part 5\nThe 6 pages <page>\nplain\n```\n")
    page = parse_page(text, "p.md")
    found = {(b.kind, b.text) for b in page.blocks}
    assert {("alt", "A chart of 65,000"), ("title", "About 12 people"), ("title", "A figure of 3"),
            ("paragraph", "The caption, 4."), ("title", "Part 5"), ("title", "The 6 pages")} <= found
    alt = next(b for b in page.blocks if b.kind == "alt")
    assert (alt.segments[0].line, alt.segments[0].col) == (1, 3)
    assert [(f.kind, f.target) for f in page.files] == [("image", "chart.png"), ("image", "pic.png"), ("image", "pic.png")]


def test_an_include_is_a_file_the_engine_reads() -> None:
    page = parse_page("Intro.\n\n```{include} ../notes.md\n:start-line: 2\n:end-before: END\n```\n", "p.md")
    [ref] = page.files
    assert (ref.kind, ref.target, ref.line, ref.col) == ("include", "../notes.md", 3, 4)
    assert dict(ref.options) == {"start-line": "2", "end-before": "END"}
    assert page.refused == []


def test_a_paragraph_over_the_cap_is_refused_and_blanked_keeping_lines() -> None:
    long = "word " * (MAX_BLOCK_CHARS // 5 + 10)
    text = f"# T\n\n{long}\nstill the same paragraph\n\nAfter it, 12 people.\n"
    page = parse_page(text, "p.md")
    [r] = page.refused
    assert (r.line, r.col) == (3, 1)
    assert "without a blank line" in r.message and f"{MAX_BLOCK_CHARS:,}" in r.message
    assert text[r.start : r.end] == long + "\nstill the same paragraph"
    after = next(b for b in page.blocks if "After" in b.text)
    assert (after.segments[0].line, after.segments[0].col) == (6, 1)
    assert not any("word" in b.text for b in page.blocks)


def test_a_page_given_its_top_level_tokens_is_not_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Sphinx build parses a page once, for the checker and MyST's renderer; a directive's body is parsed here."""
    text = "Intro, 12.\n\n:::{note}\nInside, 3.\n:::\n"
    tokens = parser(DEFAULT_EXTENSIONS).parse(text)
    parsed: list[str] = []
    real = MarkdownIt.parse
    monkeypatch.setattr(MarkdownIt, "parse", lambda self, src, env=None: parsed.append(src) or real(self, src, env))
    assert parse_page(text, "p.md", tokens=tokens) == parse_page(text, "p.md")
    assert parsed == ["Inside, 3.\n", text, "Inside, 3.\n"]  # given: the body; not given: the page, the body


def test_tokens_given_for_a_page_over_the_cap_are_not_read() -> None:
    """The checker reads such a page blanked (markdown-it is slow on it), not as the tokens say."""
    text = f"{'word ' * (MAX_BLOCK_CHARS // 5 + 10)}\n\nAfter it, 12 people.\n"
    assert parse_page(text, "p.md", tokens=[]) == parse_page(text, "p.md")
    assert [b.text for b in parse_page(text, "p.md", tokens=[]).blocks] == ["After it, 12 people."]


def test_capping_keeps_every_line_and_leaves_short_paragraphs() -> None:
    text = "a\n\n" + "x" * (MAX_BLOCK_CHARS + 1) + "\n\nb\n"
    capped, runs = cap_runs(text)
    assert len(capped) == len(text) and capped.count("\n") == text.count("\n")
    assert runs == [(3, 3, 3 + MAX_BLOCK_CHARS + 1)]
    assert cap_runs("short\n\n" * 10) == ("short\n\n" * 10, [])


def test_roles_whose_text_a_reader_sees_are_prose_and_code_roles_are_code() -> None:
    text = "They say {strong}`65,000` and {ref}`the 12 dead <x>`, {code}`99`, {bdg-info}`7 badges`.\n"
    (block,) = parse_page(text, "p.md").blocks
    kinds = [(seg.kind, seg.text) for seg in block.segments if seg.text.strip(" ,.") and seg.text != " and "]
    assert kinds == [("text", "They say "), ("text", "65,000"), ("text", "the 12 dead"), ("code", "99"),
                     ("text", "7 badges")]
    for seg in block.segments:
        if seg.kind == "text" and seg.text in ("65,000", "the 12 dead", "7 badges"):
            assert at(text, seg.line, seg.col, len(seg.text)) == seg.text
