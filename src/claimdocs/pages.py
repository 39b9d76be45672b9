"""Reading MyST pages the way MyST does, down to the prose a reader sees.

The page rules need every piece of prose with its line and column, knowing what
is claim markup, what is code and what is a directive's literal body. Parsing
with myst-parser's own markdown-it configuration gives the same tokens MyST
turns into the doctree, at a fraction of docutils' cost, so the command line and
the Sphinx build check exactly the same text.

What a page is made of, for the rules:

- A :class:`Block` is one unit of sentences: a paragraph, a heading, a table
  cell, a definition term, or a directive's title (the argument of
  ``{admonition}``, ``{card}``, ``{tab-item}``, ``{dropdown}`` ...). Directive
  bodies (admonitions, cards, tabs, grids, dropdowns, figures' captions, any
  directive not listed in :data:`LITERAL_DIRECTIVES`) are parsed as MyST again,
  so their paragraphs are blocks too, with lines and columns into the page.
- A block is a list of :class:`Segment` s: ``text`` (prose), ``role`` (one of the
  claim roles ``{claim}``, ``{person}``, ``{nofact}``), ``code`` (code spans,
  inline math or HTML, any other role: never checked) and ``break`` (a line
  break inside the paragraph, read as one space).
- Literal content is not in any block: fenced and indented code blocks, the
  bodies of :data:`LITERAL_DIRECTIVES`, front matter, comments, HTML blocks and
  image alt text.

Every segment knows the line and column (1-based) where it starts in the page
file; a text segment also maps each of its characters back to a column, so an
entity (``&amp;``) or an escape (``\\*``) does not shift what follows, and a
role that a writer reflowed over two lines keeps the position of its start.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: Roles whose content is claim markup, checked against the claims.
CLAIM_ROLES = frozenset({"claim", "person", "nofact"})
#: Directives whose body is literal (not prose) and never checked.
LITERAL_DIRECTIVES = frozenset(
    {
        "code", "code-block", "sourcecode", "code-cell", "literalinclude", "math", "raw", "mermaid",
        "graphviz", "csv-table", "eval-rst", "include", "toctree", "image", "glossary", "highlight",
        "claims-index", "claims-figures", "claims-positions", "claims-quotations", "claims-source", "claims-rules",
        "claim-quote", "parsed-literal", "literal", "tab-set-code", "autodoc", "automodule",
        "autoclass", "autofunction",
    }
)
#: Directives whose argument is not prose (a path, a column spec, a class name, an expression);
#: the argument of every other non-literal directive is a title a reader sees and is checked.
ARG_NOT_PROSE = frozenset(
    {
        "figure", "image", "include", "only", "toctree", "grid", "card-carousel", "button-link",
        "button-ref", "div", "container", "role", "default-role", "highlight", "tab-set",
        "currentmodule", "module", "ifconfig", "bibliography", "footbibliography", "plot",
    }
)
#: A role's content written "text <target>": the text, the space before the target, the target, what follows.
ROLE_TARGET = re.compile(r"^(?P<text>.*?)(?P<sp>\s*)<(?P<target>[^<>]*)>(?P<tail>\s*)$", re.DOTALL)
_OPTION = re.compile(r"^\s*:[\w-]+:")
_DIRECTIVE_INFO = re.compile(r"\{([^}]*)\}\s*(.*)", re.DOTALL)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: How far (in characters) the aligner may skip markup before giving up on exact columns.
_MAX_SKIP = 400


@dataclass(frozen=True)
class Segment:
    """A run of inline content: plain text, or one piece of markup."""

    kind: Literal["text", "role", "code", "break"]
    text: str  # what a reader sees (for a role: its written text, without the <target>)
    line: int  # 1-based, in the page file
    col: int  # 1-based
    role: str | None = None
    target: str | None = None  # the claim or entity id, for roles written "text <id>"
    raw: str = ""  # the role's source, for messages
    #: For text segments whose characters do not map one to one onto the source (an entity,
    #: an escape): the column offset, from ``col``, of each character. Empty means one to one.
    colmap: tuple[int, ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column in the page of character ``offset`` of this segment's text.

        Inside a role written on one line, the column of the character itself; else the role's start.
        """
        if self.kind == "role" and offset > 0:
            at = self.raw.find(self.text) if "\n" not in self.raw and " ".join(self.text.split()) == self.text else -1
            return (self.line, self.col + at + offset) if at >= 0 and offset < len(self.text) else (self.line, self.col)
        if self.kind != "text" or offset <= 0:
            return self.line, self.col
        if self.colmap:
            return self.line, self.col + self.colmap[min(offset, len(self.colmap) - 1)]
        return self.line, self.col + offset


@dataclass
class Block:
    """A paragraph, heading, table cell or directive title: the unit of sentences."""

    kind: str
    line: int
    segments: list[Segment] = field(default_factory=list)
    #: For table cells: the line of the row (cells of one row share it).
    row: int | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True)
class Directive:
    """A directive written on the page (literal ones included): its name, argument and place."""

    name: str
    argument: str
    line: int
    col: int


@dataclass
class Page:
    path: str
    blocks: list[Block]
    directives: list[Directive] = field(default_factory=list)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "substitution", "fieldlist", "attrs_inline"})
    md = create_md_parser(config, RendererHTML)
    md.disable("wordcount", ignoreInvalid=True)  # reading time: changes no token, costs a pass
    return md


def split_role(content: str) -> tuple[str, str | None]:
    """``"approximately 65,000 <gaza-deaths>"`` -> ("approximately 65,000", "gaza-deaths")."""
    m = ROLE_TARGET.match(content)
    if m:
        return m.group("text").strip(), m.group("target").strip()
    return content.strip(), None


class _Locator:
    """Lines and columns of offsets into the page."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(self, line0: int) -> int:
        """Offset of the start of 0-based line ``line0`` (clamped to the page)."""
        if line0 >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[max(0, line0)]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1


def parse_page(text: str, path: str) -> Page:
    """The prose blocks of a MyST page, with lines and columns into ``text``."""
    page = Page(path=path, blocks=[])
    _parse_into(page, text, _Locator(text), 0, 0)
    return page


def _parse_into(page: Page, source: str, loc: _Locator, base_line: int, depth: int) -> None:
    """Parse ``source``, whose line 0 is line ``base_line`` (0-based) of the page."""
    if depth > 20:  # directives nested deeper than any real page: read no further
        return
    tokens = _parser().parse(source)
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and tok.map is not None:
            kind = _block_kind(tokens, i)
            start = loc.offset(base_line + tok.map[0])
            end = loc.offset(base_line + max(tok.map[1], tok.map[0] + 1))
            block = _inline_block(tok.children or [], kind, loc, start, end)
            if kind == "cell":
                block.row = loc.line_col(start)[0]
            page.blocks.append(block)
        elif tok.type in ("fence", "colon_fence") and tok.map is not None:
            _directive(page, tok, loc, base_line, depth)


def _block_kind(tokens: list[Token], i: int) -> str:
    prev = tokens[i - 1].type if i else ""
    return {"heading_open": "heading", "th_open": "cell", "td_open": "cell", "dt_open": "term"}.get(prev, "paragraph")


def _directive(page: Page, tok: Token, loc: _Locator, base_line: int, depth: int) -> None:
    info = tok.info.strip()
    if not info.startswith("{"):
        return  # a plain code fence: literal
    m = _DIRECTIVE_INFO.match(info)
    if not m:
        return
    name, argument = m.group(1).strip(), m.group(2).strip()
    assert tok.map is not None  # fences always carry their lines
    head = base_line + tok.map[0]
    brace = loc.text.find("{", loc.offset(head), loc.offset(head + 1))
    page.directives.append(Directive(name, argument, *loc.line_col(brace if brace >= 0 else loc.offset(head))))
    if argument and name not in LITERAL_DIRECTIVES and name not in ARG_NOT_PROSE:
        line_start, line_end = loc.offset(head), loc.offset(head + 1)
        at = loc.text.find(argument, line_start, line_end)
        start = at if at >= 0 else line_start
        children = _parser().parseInline(argument)[0].children or []
        page.blocks.append(_inline_block(children, "title", loc, start, max(line_end, start + len(argument))))
    if name in LITERAL_DIRECTIVES:
        return
    body_lines = tok.content.split("\n")
    skip = 0
    if body_lines and body_lines[0].strip() == "---":
        for j in range(1, len(body_lines)):
            if body_lines[j].strip() == "---":
                skip = j + 1
                break
    else:
        while skip < len(body_lines) and _OPTION.match(body_lines[skip]):
            skip += 1
    body = "\n".join(body_lines[skip:])
    if body.strip():
        _parse_into(page, body, loc, head + 1 + skip, depth + 1)


def _role_end(text: str, at: int, name: str, limit: int) -> int:
    """Where the role written at ``at`` (``{name}`` then a backtick run) ends in the page."""
    i = at + len(name) + 2
    n = len(text)
    j = i
    while j < n and text[j] == "`":
        j += 1
    ticks = j - i
    if not ticks:
        return i
    close = text.find("`" * ticks, j, max(limit, j))
    return close + ticks if close >= 0 else j


def _skip_link_tail(text: str, cursor: int, limit: int) -> int:
    """After a link's text: skip ``](url "title")``, ``][ref]`` or ``]``."""
    limit = min(limit, cursor + 4 * _MAX_SKIP)
    i = cursor
    while i < limit and text[i] in "*_~":  # emphasis closing inside the link text
        i += 1
    if i >= limit or text[i] != "]":
        return cursor
    i += 1
    if i < limit and text[i] == "(":
        depth = 0
        while i < limit:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            elif ch == "\n" and text[i - 1 : i] == "\n":
                break
            i += 1
        return cursor
    if i < limit and text[i] == "[":
        close = text.find("]", i, limit)
        return close + 1 if close >= 0 else i
    return i


def _align(src: str, cursor: int, limit: int, content: str) -> tuple[int, tuple[int, ...]] | None:
    """Where ``content`` (decoded inline text) starts in ``src`` at or after ``cursor``.

    Returns (offset, colmap); colmap is empty when the text is verbatim in the source,
    else the source offset (from the start) of each character. None if it is not found.
    """
    at = src.find(content, cursor, min(limit, cursor + len(content) + _MAX_SKIP))
    if at >= 0:
        return at, ()
    offsets: list[int] = []
    i = cursor
    for ch in content:
        skipped = 0
        while i < limit:
            c = src[i]
            if c == ch:
                offsets.append(i)
                i += 1
                break
            if c == "\\" and i + 1 < limit and src[i + 1] == ch:
                offsets.append(i)
                i += 2
                break
            if c == "&":
                m = _ENTITY.match(src, i)
                if m and html.unescape(m.group()) == ch:
                    offsets.append(i)
                    i = m.end()
                    break
            i += 1
            skipped += 1
            if skipped > _MAX_SKIP:
                return None
        else:
            return None
    if not offsets:
        return None
    first = offsets[0]
    return first, tuple(o - first for o in offsets)


def _inline_block(children: list[Token], kind: str, loc: _Locator, start: int, end: int) -> Block:
    src = loc.text
    limit = min(max(end, start), len(src))
    line, _ = loc.line_col(start)
    block = Block(kind=kind, line=line)
    cursor = start
    for child in children:
        ctype = child.type
        if ctype == "myst_role":
            name = child.meta.get("name", "")
            opener = f"{{{name}}}"
            at = src.find(opener, cursor, min(limit, cursor + len(opener) + _MAX_SKIP))
            if at < 0:
                at = cursor
                stop = cursor
            else:
                stop = _role_end(src, at, name, limit)
            line, col = loc.line_col(at)
            raw = src[at:stop] if stop > at else f"{opener}`{child.content}`"
            cursor = max(cursor, stop)
            shown, target = split_role(child.content)
            if name in CLAIM_ROLES:
                block.segments.append(Segment("role", shown, line, col, role=name, target=target, raw=raw))
            else:
                block.segments.append(Segment("code", shown, line, col, role=name, raw=raw))
        elif ctype in ("code_inline", "math_inline", "html_inline"):
            window = min(limit, cursor + len(child.content) + _MAX_SKIP)
            at = src.find(child.content, cursor, window) if child.content else -1
            line, col = loc.line_col(at if at >= 0 else cursor)
            if at >= 0:
                cursor = at + len(child.content)
                if ctype == "code_inline":
                    while cursor < limit and src[cursor] == " ":
                        cursor += 1
                    while cursor < limit and src[cursor] == "`":
                        cursor += 1
            block.segments.append(Segment("code", child.content, line, col))
        elif ctype in ("softbreak", "hardbreak"):
            nl = src.find("\n", cursor, min(limit, cursor + _MAX_SKIP))
            at = nl if nl >= 0 else cursor
            line, col = loc.line_col(at)
            block.segments.append(Segment("break", " ", line, col))
            if nl >= 0:
                cursor = nl + 1
        elif ctype in ("text", "text_special"):
            if not child.content:
                continue
            found = _align(src, cursor, limit, child.content)
            if found is None:
                line, col = loc.line_col(cursor)
                block.segments.append(Segment("text", child.content, line, col))
                continue
            at, colmap = found
            line, col = loc.line_col(at)
            if colmap and src.find("\n", at, at + colmap[-1]) >= 0:
                colmap = ()  # spread over lines (should not happen for inline text): keep the start
            block.segments.append(Segment("text", child.content, line, col, colmap=colmap))
            cursor = at + (colmap[-1] + 1 if colmap else len(child.content))
        elif ctype == "link_close":
            cursor = _skip_link_tail(src, cursor, limit)
        elif ctype == "image":
            bang = src.find("![", cursor, min(limit, cursor + _MAX_SKIP))
            if bang >= 0:
                depth, i = 0, bang + 1
                stop = min(limit, bang + 4 * _MAX_SKIP)
                while i < stop:
                    if src[i] == "[":
                        depth += 1
                    elif src[i] == "]":
                        depth -= 1
                        if depth == 0:
                            break
                    i += 1
                cursor = _skip_link_tail(src, i, limit)
        elif ctype == "footnote_ref":
            label = child.meta.get("label", "")
            at = src.find(f"[^{label}]", cursor, min(limit, cursor + len(label) + _MAX_SKIP))
            if at >= 0:
                cursor = at + len(label) + 3
    return block


def position_of(block: Block, offset: int) -> tuple[int, int]:
    """Line and column in the page of a character offset into ``block.text``."""
    pos = 0
    for seg in block.segments:
        n = len(seg.text)
        if offset < pos + n:
            return seg.position(offset - pos)
        pos += n
    if block.segments:
        last = block.segments[-1]
        return last.position(len(last.text))
    return block.line, 1
