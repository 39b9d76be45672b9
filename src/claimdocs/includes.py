"""Files a page pulls in: ``{include}`` (read and checked as part of the page) and images.

Both must lie inside the project folder, as every input must (:mod:`claimdocs.files`):
a page that includes ``../../secret.md`` or shows ``/etc/secret.png`` is refused, and
nothing of the file is read. Paths resolve as MyST resolves them in a Sphinx build:
relative to the folder of the document being built (also inside an included file),
``/x`` relative to the docs folder; docutils' standard includes (``<isonum.txt>``) lie
outside the project and are refused. An included file is read like a page (UTF-8,
a byte-order mark and CRLF line ends read like LF, capped at the page limit) and cut as
MyST cuts it (``:start-line:``, ``:end-line:``, ``:start-after:``, ``:end-before:``),
keeping its own line numbers, so findings point into the included file. One page
includes at most :data:`MAX_INCLUDES` files and :data:`MAX_INCLUDED_CHARS` characters
in all, nested includes counted: a file included a thousand times by a file included a
thousand times is refused, not read a million times.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from claimdocs.config import Config
from claimdocs.files import MAX_PAGE_BYTES, Refused, confine, read_input
from claimdocs.loader import decode

#: Includes nested deeper than this are refused (a chain of includes, or one that includes itself).
MAX_INCLUDE_DEPTH = 8
#: What one page may include in all, nested includes counted (an "include bomb" is refused, not read).
MAX_INCLUDES = 100
MAX_INCLUDED_CHARS = 2_000_000
_URL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def resolve_include(config: Config, doc: str, target: str) -> Path | str:
    """The file ``target`` names from the document ``doc`` (a path relative to the root), or why not."""
    target = "".join(part.strip() for part in target.splitlines())
    if not target:
        return "names no file"
    if target.startswith("<") and target.endswith(">"):
        return f"{target} is one of docutils' standard includes, outside the project; write the text on the page"
    if target.startswith("/"):
        path = config.path("docs") / target.lstrip("/")
    else:
        path = config.root / PurePosixPath(doc).parent / target
    return Path(os.path.normpath(path))


def image_problem(config: Config, doc: str, target: str) -> str | None:
    """Why an image the page shows may not be used (it lies outside the project), or None."""
    if _URL.match(target):
        return None  # a URL: the browser fetches it, the build publishes nothing of ours
    where = resolve_include(config, doc, target.split("#", 1)[0].split("?", 1)[0])
    if isinstance(where, str):
        return f"image {target}: {where}"
    problem = confine(config.root, where)
    return f"image {target}: {problem}" if problem else None


def read_included(config: Config, path: Path, options: dict[str, str]) -> tuple[str, str]:
    """(display path, text) of an included file, cut as MyST cuts it; :class:`Refused` if it may not be read.

    The text keeps the file's line numbers: the lines cut off above are blank lines.
    """
    display = config.display(path)
    raw = read_input(config.root, path, limit=MAX_PAGE_BYTES, what="included file")
    text, problems = decode(raw, display, normalize=True)
    if text is None:
        raise Refused(f"the included file {display}: {problems[0].message}")
    lines = text.splitlines()
    try:
        first = int(options["start-line"]) if options.get("start-line") else None
        last = int(options["end-line"]) if options.get("end-line") else None
    except ValueError:
        raise Refused("options :start-line: and :end-line: take a whole number") from None
    if first is not None and first < 0:
        first = max(0, len(lines) + first)
    body = "\n".join(lines[first:last])
    skipped = first or 0
    for key in ("start-after", "end-before"):
        marker = options.get(key)
        if not marker:
            continue
        at = body.find(marker)
        if at < 0:
            raise Refused(f'option :{key}:: the text "{marker}" is not in {display}')
        if key == "start-after":
            skipped += body.count("\n", 0, at + len(marker))
            body = body[at + len(marker) :]
        else:
            body = body[:at]
    return display, "\n" * skipped + body
