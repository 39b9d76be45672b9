"""pages.py: MyST pages read into blocks of prose, with exact lines and columns."""

from __future__ import annotations

import pytest

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
    assert [s.kind for s in block.segments if s.kind != "text"] == ["code", "code", "code"]


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
