"""Reading MyST pages the way MyST does, down to the prose a reader sees.

The page rules need every piece of prose with its line and column, knowing what
is claim markup, what is code and what is a directive's literal body. Parsing
with myst-parser's own markdown-it configuration gives the same tokens MyST
turns into the doctree, at a fraction of docutils' cost, so the command line and
the Sphinx build check exactly the same text.
"""

from __future__ import annotations

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
        "graphviz", "csv-table", "eval-rst", "include", "toctree", "image", "figure", "only",
        "claims-index", "claims-figures", "claims-positions", "claims-quotations", "claims-source",
        "claim-quote", "glossary", "highlight",
    }
)
#: Directives whose argument is a title a reader sees (checked as prose).
_TITLED = frozenset(
    {"admonition", "card", "tab-item", "dropdown", "topic", "sidebar", "grid-item-card", "tab-set-code"}
)
_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]*)>\s*$", re.DOTALL)
_OPTION = re.compile(r"^\s*:[\w-]+:")


@dataclass(frozen=True)
class Segment:
    """A run of inline content: plain text, or one piece of markup."""

    kind: Literal["text", "role", "code", "break"]
    text: str  # what a reader sees (for a role: its displayed text)
    line: int  # 1-based, in the page file
    col: int  # 1-based
    role: str | None = None
    target: str | None = None  # the claim or entity id, for roles
    raw: str = ""  # the role's source, for messages


@dataclass
class Block:
    """A paragraph, heading, table cell or directive title: the unit of sentences."""

    kind: str
    line: int
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass
class Page:
    path: str
    blocks: list[Block]
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (line, col, message)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "substitution", "fieldlist", "attrs_inline"})
    return create_md_parser(config, RendererHTML)


def split_role(content: str) -> tuple[str, str | None]:
    """``"approximately 65,000 <gaza-deaths>"`` -> ("approximately 65,000", "gaza-deaths")."""
    m = _TARGET.match(content)
    if m:
        return m.group("text").strip(), m.group("target").strip()
    return content.strip(), None


class _Locator:
    """Find where inline pieces sit in the page, to give each a line and column."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def offset(self, line0: int) -> int:
        return self.line_starts[min(line0, len(self.line_starts) - 1)]

    def line_col(self, offset: int) -> tuple[int, int]:
        import bisect

        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1


def parse_page(text: str, path: str) -> Page:
    """The prose blocks of a MyST page, with lines and columns into ``text``."""
    page = Page(path=path, blocks=[])
    _parse_into(page, text, _Locator(text), 0)
    return page


def _parse_into(page: Page, source: str, loc: _Locator, base_offset: int) -> None:
    tokens = _parser().parse(source)
    sub = _Locator(source)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "inline" and tok.map is not None:
            kind = _block_kind(tokens, i)
            start = base_offset + sub.offset(tok.map[0])
            page.blocks.append(_inline_block(tok, kind, loc, start, page))
        elif tok.type in ("fence", "colon_fence") and tok.map is not None:
            _directive(page, tok, source, sub, loc, base_offset)
        i += 1


def _block_kind(tokens: list[Token], i: int) -> str:
    prev = tokens[i - 1].type if i else ""
    return {"heading_open": "heading", "th_open": "cell", "td_open": "cell", "dt_open": "term"}.get(prev, "paragraph")


def _directive(page: Page, tok: Token, source: str, sub: _Locator, loc: _Locator, base: int) -> None:
    info = tok.info.strip()
    if not info.startswith("{"):
        return  # a plain code fence: literal
    m = re.match(r"\{([^}]*)\}\s*(.*)", info)
    if not m:
        return
    name, argument = m.group(1).strip(), m.group(2).strip()
    head_line = tok.map[0]
    if argument and (name in _TITLED or name not in LITERAL_DIRECTIVES):
        start = base + sub.offset(head_line)
        col0 = loc.text.find(argument, start)
        line, col = loc.line_col(col0 if col0 >= 0 else start)
        fake = _parser().parseInline(argument)[0]
        block = _inline_block(fake, "title", loc, col0 if col0 >= 0 else start, page)
        block.line = line
        page.blocks.append(block)
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
    body_start = base + sub.offset(head_line + 1 + skip)
    _parse_into(page, body, loc, body_start)


def _inline_block(tok: Token, kind: str, loc: _Locator, start: int, page: Page) -> Block:
    line, _ = loc.line_col(start)
    block = Block(kind=kind, line=line)
    cursor = start
    code_depth = 0
    for child in tok.children or []:
        if child.type == "myst_role":
            name = child.meta.get("name", "")
            raw = f"{{{name}}}`{child.content}`"
            at = loc.text.find(f"{{{name}}}", cursor)
            at = at if at >= 0 else cursor
            line, col = loc.line_col(at)
            cursor = at + len(raw) if at >= 0 else cursor
            if name in CLAIM_ROLES:
                shown, target = split_role(child.content)
                block.segments.append(Segment("role", shown, line, col, role=name, target=target, raw=raw))
            else:
                shown, _t = split_role(child.content)
                block.segments.append(Segment("code", shown, line, col, role=name, raw=raw))
        elif child.type in ("code_inline", "math_inline", "html_inline"):
            at = loc.text.find(child.content, cursor)
            line, col = loc.line_col(at if at >= 0 else cursor)
            if at >= 0:
                cursor = at + len(child.content)
            block.segments.append(Segment("code", child.content, line, col))
        elif child.type in ("softbreak", "hardbreak"):
            line, col = loc.line_col(cursor)
            block.segments.append(Segment("break", " ", line, col))
        elif child.type == "text":
            if code_depth or not child.content:
                continue
            at = loc.text.find(child.content, cursor)
            if at < 0:  # entity or escape changed the text: search its first word
                first = child.content.split()[0] if child.content.split() else child.content
                at = loc.text.find(first, cursor)
            line, col = loc.line_col(at if at >= 0 else cursor)
            if at >= 0:
                cursor = at + len(child.content)
            block.segments.append(Segment("text", child.content, line, col))
        elif child.type == "image":
            continue
    return block


def position_of(block: Block, offset: int) -> tuple[int, int]:
    """Line and column in the page of a character offset into ``block.text``."""
    pos = 0
    for seg in block.segments:
        n = len(seg.text)
        if offset < pos + n or seg is block.segments[-1]:
            if seg.kind == "text":
                # count newlines? text segments are single-line pieces of one source line
                return seg.line, seg.col + max(0, offset - pos)
            return seg.line, seg.col
        pos += n
    return block.line, 1
