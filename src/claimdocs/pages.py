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
- A block is a list of :class:`Segment` s: ``text`` (prose, also the content of
  the roles of :data:`TEXT_ROLES` such as ``{strong}``, ``{abbr}`` or ``{ref}``),
  ``role`` (one of the claim roles ``{claim}``, ``{person}``, ``{nofact}``), ``code``
  (code spans, inline math or HTML, any other role: never checked) and ``break`` (a
  line break inside the paragraph, read as one space).
- Literal content is not in any block: fenced and indented code blocks, the
  bodies of :data:`LITERAL_DIRECTIVES`, front matter and comments.
- Image alt text is a block of its own (``alt``), and so are the values of the
  options a reader sees (:data:`PROSE_OPTIONS`: ``:alt:``, ``:caption:`` ...) and the
  titles of ``{toctree}`` entries written ``Title <page>``.
- What a reader would see but the checker cannot read is *refused*
  (:class:`Refusal`, with what to write instead and the span the Sphinx build leaves
  out): the directives of :data:`REFUSED_DIRECTIVES` (``raw``, ``eval-rst``,
  ``csv-table``, ``literalinclude`` ...), HTML blocks and inline HTML other than
  comments and plain formatting tags, ``{{ substitutions }}``, markup inside image
  alt text, and any run of lines without a blank line longer than
  :data:`MAX_BLOCK_CHARS` (what makes markdown-it slow).
- ``{include}`` and images name files (:class:`FileRef`): the engine checks that they
  lie inside the project and checks an included file as part of the page.

The pages are parsed with the MyST extensions Sphinx uses (``extensions``, from
:func:`claimdocs.config.myst_extensions`), so the two never disagree about what a
page says.

Every segment knows the line and column (1-based) where it starts in the page
file; a text segment also maps each of its characters back to a column, so an
entity (``&amp;``) or an escape (``\\*``) does not shift what follows, and a
role that a writer reflowed over two lines keeps the position of its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

from claimdocs.locate import MAX_SKIP as _MAX_SKIP
from claimdocs.locate import Locator, align, role_end, skip_link_tail
from claimdocs.myst import DEFAULT_EXTENSIONS, MAX_BLOCK_CHARS, cap_runs, parser

#: Roles whose content is claim markup, checked against the claims.
CLAIM_ROLES = frozenset({"claim", "person", "nofact"})
#: Roles whose content a reader sees as text (and sphinx-design's badges, ``bdg-*``): checked as prose.
#: Any other role (``{code}``, ``{math}``, ``{kbd}``, ``{file}`` ...) is code, and not checked.
TEXT_ROLES = frozenset({
    "emphasis", "strong", "sub", "sup", "subscript", "superscript", "abbr", "guilabel", "menuselection", "term",
    "ref", "doc", "numref", "download", "title-reference", "t", "cite", "dfn",
})
#: Cross-reference roles: written ``{doc}`page``` they show the page's title, written ``{doc}`text <page>```
#: they show the text (prose).
_REFERENCE_ROLES = frozenset({"ref", "doc", "numref"})
#: Directives whose body is literal (not prose) and never checked.
LITERAL_DIRECTIVES = frozenset(
    {
        "code", "code-block", "sourcecode", "code-cell", "literalinclude", "math", "raw", "mermaid",
        "include", "toctree", "image", "highlight",
        "claims-index", "claims-figures", "claims-positions", "claims-quotations", "claims-source", "claims-rules",
        "claims-waivers",
        "claim-quote", "parsed-literal", "literal", "tab-set-code",
    }
)
_DIAGRAM = "a diagram's labels are not checked: state facts in the text, with claim markup"
_GENERATED = "text generated from code is not checked: write it on the page"
#: Directives that put text before a reader the checker cannot read: refused, with what to write instead.
REFUSED_DIRECTIVES: dict[str, str] = {
    "raw": "raw output is not checked: write the content in Markdown",
    "eval-rst": "reStructuredText is not checked: write the content in MyST Markdown",
    "csv-table": "a CSV table is not checked: write a Markdown table or a {list-table}",
    "literalinclude": "a file shown as code is not checked: put the code in a code block on the page",
    "glossary": "a glossary is not checked: write a definition list",
    "mermaid": _DIAGRAM, "graphviz": _DIAGRAM, "graph": _DIAGRAM, "digraph": _DIAGRAM,
    "autodoc": _GENERATED, "automodule": _GENERATED, "autoclass": _GENERATED, "autofunction": _GENERATED,
}
#: Directive options whose value a reader sees (alt text, captions, titles): checked as prose.
PROSE_OPTIONS = frozenset({"alt", "caption", "title", "header", "footer", "img-alt", "link-alt"})
#: Directives whose argument is a file to show: checked to lie inside the project.
IMAGE_DIRECTIVES = frozenset({"image", "figure"})
#: Inline HTML a page may use: comments and plain formatting tags, without attributes.
_HTML_OK = re.compile(r"<!--.*-->|</[A-Za-z][A-Za-z0-9-]*\s*>|</?(?:b|i|em|strong|sub|sup|br|wbr|kbd|small|mark|u|s)\s*/?>", re.IGNORECASE | re.DOTALL)
_HTML_COMMENTS = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.DOTALL)
_TOCTREE_TITLE = re.compile(r"^\s*(?P<title>\S.*?)\s*<(?P<target>[^<>]+)>\s*$")
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


@dataclass(frozen=True)
class Refusal:
    """Something a reader would see that the checker cannot check: refused, saying what to write instead.

    ``start``/``end``: offsets into the page text of what the Sphinx build leaves out.
    """

    line: int
    col: int
    message: str
    start: int
    end: int


@dataclass(frozen=True)
class FileRef:
    """A file the page pulls in: an ``{include}`` (checked as part of the page) or an image."""

    kind: Literal["include", "image"]
    target: str
    line: int
    col: int
    start: int  # offsets into the page text of the markup naming it
    end: int
    options: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Comment:
    """A MyST line comment (``% ...``), which the build does not render: where it is, and what it says."""

    line: int  # 1-based, in the page file
    text: str  # after the "%"


@dataclass
class Page:
    path: str
    blocks: list[Block]
    directives: list[Directive] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    files: list[FileRef] = field(default_factory=list)
    #: The line comments, in order (a waiver is one: :mod:`claimdocs.rules.waiver`).
    comments: list[Comment] = field(default_factory=list)


def split_role(content: str) -> tuple[str, str | None]:
    """``"about 1,500 <evacuated>"`` -> ("about 1,500", "evacuated")."""
    m = ROLE_TARGET.match(content)
    if m:
        return m.group("text").strip(), m.group("target").strip()
    return content.strip(), None


def parse_page(text: str, path: str, *, extensions: frozenset[str] = DEFAULT_EXTENSIONS,
               tokens: list[Token] | None = None) -> Page:
    """The prose blocks of a MyST page, with lines and columns into ``text``.

    ``extensions``: the MyST extensions Sphinx reads the page with (the project's, see
    :func:`claimdocs.config.myst_extensions`). ``tokens``: ``text`` already parsed at top level
    by a parser that makes the same tokens as :func:`claimdocs.myst.parser` (the Sphinx build's,
    which renders them too), so it is not parsed twice; ignored when a run of lines is over
    :data:`MAX_BLOCK_CHARS`, since the checker reads that text blanked.
    """
    page = Page(path=path, blocks=[])
    text, long_runs = cap_runs(text)
    for line, start, end in long_runs:
        page.refused.append(Refusal(
            line, 1, f"a paragraph of {end - start:,} characters without a blank line (the limit is "
            f"{MAX_BLOCK_CHARS:,}): split it with blank lines", start, end,
        ))
    _parse_into(page, text, Locator(text), 0, 0, parser(frozenset(extensions)), None if long_runs else tokens)
    return page


def _parse_into(page: Page, source: str, loc: Locator, base_line: int, depth: int, md: MarkdownIt,
                tokens: list[Token] | None = None) -> None:
    """Parse ``source`` (unless ``tokens`` are its tokens), whose line 0 is line ``base_line`` (0-based) of the page."""
    if depth > 20:  # directives nested deeper than any real page: read no further
        return
    if tokens is None:
        tokens = md.parse(source)
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and tok.map is not None:
            kind = _block_kind(tokens, i)
            start = loc.offset(base_line + tok.map[0])
            end = loc.offset(base_line + max(tok.map[1], tok.map[0] + 1))
            block = _inline_block(tok.children or [], kind, loc, start, end, page, md)
            if kind == "cell":
                block.row = loc.line_col(start)[0]
            page.blocks.append(block)
        elif tok.type in ("fence", "colon_fence") and tok.map is not None:
            _directive(page, tok, loc, base_line, depth, md)
        elif tok.type == "html_block" and tok.map is not None and not _HTML_COMMENTS.fullmatch(tok.content):
            _refuse_lines(page, loc, base_line, tok.map,
                          "an HTML block is not checked: write it in Markdown (a MyST directive for a box or layout)")
        elif tok.type == "substitution_block" and tok.map is not None:
            _refuse_lines(page, loc, base_line, tok.map, _SUBSTITUTION)
        elif tok.type == "myst_line_comment" and tok.map is not None:  # one token for a run of comment lines
            for k, content in enumerate(tok.content.split("\n")):
                page.comments.append(Comment(base_line + tok.map[0] + 1 + k, content))


_NON_SPACE = re.compile(r"\S")
_SUBSTITUTION = "a substitution ({{ ... }}) puts text on the page that the checker cannot see: write the text out"


def _refuse_lines(page: Page, loc: Locator, base_line: int, lines: list[int], message: str) -> None:
    """Refuse whole lines [lines[0], lines[1]) of the parsed source, located at their first character."""
    start = loc.offset(base_line + lines[0])
    end = loc.offset(base_line + max(lines[1], lines[0] + 1))
    first = _NON_SPACE.search(loc.text, start, max(start, end))
    at = first.start() if first else start
    page.refused.append(Refusal(*loc.line_col(at), message, start, end))


def _block_kind(tokens: list[Token], i: int) -> str:
    prev = tokens[i - 1].type if i else ""
    return {"heading_open": "heading", "th_open": "cell", "td_open": "cell", "dt_open": "term"}.get(prev, "paragraph")


def _options(body_lines: list[str]) -> tuple[list[tuple[str, str, int]], int]:
    """A directive body's options, ``:key: value`` lines or a ``---`` block: (key, value, line index), lines used."""
    found: list[tuple[str, str, int]] = []
    if body_lines and body_lines[0].strip() == "---":
        for j in range(1, len(body_lines)):
            if body_lines[j].strip() == "---":
                for k in range(1, j):
                    key, sep, value = body_lines[k].partition(":")
                    if sep and key.strip():
                        found.append((key.strip(), value.strip().strip("\"'"), k))
                return found, j + 1
        return found, 0
    skip = 0
    while skip < len(body_lines):
        m = _OPTION.match(body_lines[skip])
        if not m:
            break
        found.append((m.group(0).strip()[1:-1], body_lines[skip][m.end():].strip(), skip))
        skip += 1
    return found, skip


def _directive(page: Page, tok: Token, loc: Locator, base_line: int, depth: int, md: MarkdownIt) -> None:
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
    line, col = loc.line_col(brace if brace >= 0 else loc.offset(head))
    page.directives.append(Directive(name, argument, line, col))
    span = (loc.offset(head), loc.offset(base_line + max(tok.map[1], tok.map[0] + 1)))
    body_lines = tok.content.split("\n")
    options, skip = _options(body_lines)
    if name in REFUSED_DIRECTIVES:
        page.refused.append(Refusal(line, col, f"{{{name}}}: {REFUSED_DIRECTIVES[name]}", *span))
        return
    if name == "include":
        keys = {key for key, _value, _i in options}
        if keys & {"literal", "code"}:
            page.refused.append(Refusal(line, col, f"{{include}} :{sorted(keys & {'literal', 'code'})[0]}: "
                                        f"{REFUSED_DIRECTIVES['literalinclude']}", *span))
        else:
            page.files.append(FileRef("include", argument, line, col, *span,
                                      options=tuple((k, v) for k, v, _i in options)))
        return
    if name in IMAGE_DIRECTIVES and argument:
        page.files.append(FileRef("image", argument, line, col, *span))
    if argument and name not in LITERAL_DIRECTIVES and name not in ARG_NOT_PROSE:
        _prose_line(page, loc, head, argument, md)
    for key, value, i in options:
        if key in PROSE_OPTIONS and value:
            _prose_line(page, loc, head + 1 + i, value, md)
    if name == "toctree":
        for i in range(skip, len(body_lines)):
            entry = _TOCTREE_TITLE.match(body_lines[i])
            if entry:
                _prose_line(page, loc, head + 1 + i, entry.group("title"), md)
    if name in LITERAL_DIRECTIVES:
        return
    body = "\n".join(body_lines[skip:])
    if body.strip():
        _parse_into(page, body, loc, head + 1 + skip, depth + 1, md)


def _prose_line(page: Page, loc: Locator, line0: int, text: str, md: MarkdownIt) -> None:
    """A piece of prose written on one line of the page (an option's value, a toctree title): a title block."""
    line_start, line_end = loc.offset(line0), loc.offset(line0 + 1)
    at = loc.text.find(text, line_start, line_end)
    start = at if at >= 0 else line_start
    children = md.parseInline(text)[0].children or []
    page.blocks.append(_inline_block(children, "title", loc, start, max(line_end, start + len(text)), page, md))


def _inline_block(children: list[Token], kind: str, loc: Locator, start: int, end: int,
                  page: Page | None = None, md: MarkdownIt | None = None) -> Block:
    """One block's segments from its inline tokens; refusals, image alt text and image files go to ``page``."""
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
                stop = role_end(src, at, name, limit)
            line, col = loc.line_col(at)
            raw = src[at:stop] if stop > at else f"{opener}`{child.content}`"
            cursor = max(cursor, stop)
            shown, target = split_role(child.content)
            if name in CLAIM_ROLES:
                block.segments.append(Segment("role", shown, line, col, role=name, target=target, raw=raw))
            elif name in _REFERENCE_ROLES and target is None:
                # a cross-reference without text of its own shows its target's title: the target's page checks it
                block.segments.append(Segment("code", shown, line, col, role=name, raw=raw))
            elif name in TEXT_ROLES or name.startswith("bdg"):  # shown as text: checked as prose
                content_line, content_col = loc.line_col(min(at + len(opener) + 1, max(at, stop - 1)))
                block.segments.append(Segment("text", shown if target is not None else " ".join(child.content.split()),
                                              content_line, content_col))
            else:
                block.segments.append(Segment("code", shown, line, col, role=name, raw=raw))
        elif ctype in ("code_inline", "math_inline", "html_inline"):
            window = min(limit, cursor + len(child.content) + _MAX_SKIP)
            at = src.find(child.content, cursor, window) if child.content else -1
            line, col = loc.line_col(at if at >= 0 else cursor)
            if ctype == "html_inline" and page is not None and not _HTML_OK.fullmatch(child.content):
                where = at if at >= 0 else cursor
                page.refused.append(Refusal(line, col, "inline HTML other than comments and plain formatting tags "
                                            "(<b>, <i>, <sub> ...) is not checked: write it in Markdown",
                                            where, where + len(child.content)))
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
            found = align(src, cursor, limit, child.content)
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
            cursor = skip_link_tail(src, cursor, limit)
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
                after = skip_link_tail(src, i, limit)
                if page is not None:
                    _image(page, child, loc, bang, i, after, md)
                cursor = after
        elif ctype == "substitution_inline":
            at = src.find("{{", cursor, min(limit, cursor + _MAX_SKIP))
            where = at if at >= 0 else cursor
            close = src.find("}}", where, min(limit, where + len(child.content) + _MAX_SKIP))
            stop = close + 2 if close >= 0 else where + 2
            if page is not None:
                page.refused.append(Refusal(*loc.line_col(where), _SUBSTITUTION, where, stop))
            cursor = max(cursor, stop)
        elif ctype == "footnote_ref":
            label = child.meta.get("label", "")
            at = src.find(f"[^{label}]", cursor, min(limit, cursor + len(label) + _MAX_SKIP))
            if at >= 0:
                cursor = at + len(label) + 3
    return block


def _image(page: Page, tok: Token, loc: Locator, bang: int, close: int, after: int, md: MarkdownIt | None) -> None:
    """An image: its file (checked to lie inside the project) and its alt text, a block of prose of its own.

    A screen reader reads the alt text, and a browser shows it when the image is missing, so
    it is checked like a paragraph; claim markup inside it is not rendered (MyST writes alt
    text as plain text), so it is refused.
    """
    line, col = loc.line_col(bang)
    src = str(tok.attrs.get("src", "") or "")
    if src:
        page.files.append(FileRef("image", src, line, col, bang, after))
    if not tok.children:
        return
    alt = _inline_block(tok.children, "alt", loc, bang + 2, max(close, bang + 2), page, md)
    for i, seg in enumerate(alt.segments):
        if seg.kind == "role":
            page.refused.append(Refusal(seg.line, seg.col, "claim markup inside image alt text is not rendered: "
                                        "describe the image without facts, and state them in the text",
                                        *_span(loc, seg)))
            alt.segments[i] = Segment("code", seg.text, seg.line, seg.col, role=seg.role, raw=seg.raw)
    page.blocks.append(alt)


def _span(loc: Locator, seg: Segment) -> tuple[int, int]:
    start = loc.offset(seg.line - 1) + seg.col - 1
    return start, start + max(1, len(seg.raw or seg.text))


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
