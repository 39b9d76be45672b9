"""Where inline text lies in a page's source: lines, columns, and the markup a parser's text skipped.

markdown-it gives each piece of inline text decoded (an entity, an escape) and without its
markup; the page rules need the line and column of every character in the file. These
helpers find each piece again in the source, never looking further than :data:`MAX_SKIP`
characters ahead, so the cost stays linear in the page.
"""

from __future__ import annotations

import bisect
import html
import re

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: How far (in characters) the aligner may skip markup before giving up on exact columns.
MAX_SKIP = 400
_MAX_SKIP = MAX_SKIP


class Locator:
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


def role_end(text: str, at: int, name: str, limit: int) -> int:
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


def skip_link_tail(text: str, cursor: int, limit: int) -> int:
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


def align(src: str, cursor: int, limit: int, content: str) -> tuple[int, tuple[int, ...]] | None:
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
