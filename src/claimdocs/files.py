"""Reading the project's inputs safely: inside the project, regular files only, never blocking, capped.

Every input the checker reads (the article and its metadata, the claims files,
``pyproject.toml``, ``conf.py``, the pages and the files they include) goes through
:func:`read_input`, which refuses, with a :class:`Refused` saying why:

- a path that leaves the project folder (``../``, an absolute path elsewhere), or
  any part of which below the project folder is a symbolic link (a link may point
  outside, now or after the check);
- anything but a regular file: a FIFO, a device such as ``/dev/zero``, a socket or a
  folder is refused from its ``lstat``, before it is opened; the file is then opened
  with ``O_NONBLOCK | O_NOFOLLOW`` and checked again with ``fstat``, so a file swapped
  for a FIFO in between cannot block the checker either;
- a file larger than its cap, from its size, and never more than cap + 1 bytes are read.

Nothing from a refused file is read, so nothing of it can be quoted in a message or
rendered on the site. A path in a finding is shown relative to the project folder
(:func:`display`), with bytes that are not UTF-8 escaped, so it can always be printed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

#: Caps, in bytes. A news article is tens of kilobytes; a page a few; a claims file a few hundred.
MAX_ARTICLE_BYTES = 2_000_000
MAX_PAGE_BYTES = 500_000
MAX_CONFIG_BYTES = 1_000_000
MAX_YAML_BYTES = 5_000_000

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


class Refused(Exception):
    """An input the checker will not read; the message says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def printable(name: str) -> str:
    """A file name as text that can always be printed: bytes that are not UTF-8 as ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def is_utf8_name(path: Path | str) -> bool:
    """Whether a file name decoded from the file system is valid UTF-8 (no surrogate escapes)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def display(root: Path, path: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (absolute when outside), printable.

    Symbolic links are not followed: a link is shown where it is, not where it points.
    """
    full = os.path.abspath(path)
    base = os.path.abspath(root)
    shown = Path(os.path.relpath(full, base)).as_posix() if _inside(base, full) else Path(full).as_posix()
    return printable(shown)


def _inside(base: str, full: str) -> bool:
    try:
        return os.path.commonpath([base, full]) == base
    except ValueError:  # different drives
        return False


def kind_of(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO (named pipe)", ...), None for a regular file."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def confine(root: Path, path: Path) -> str | None:
    """Why ``path`` may not be read as an input of the project at ``root``; None if it may.

    The path must stay inside ``root`` as written (``..`` and absolute paths are resolved
    without following links) and no part of it below ``root`` may be a symbolic link.
    Missing parts are not a confinement problem (reading then says "not found").
    """
    base = os.path.abspath(root)
    full = os.path.abspath(path)
    if not _inside(base, full):
        return "it is outside the project folder; inputs must be files inside it"
    rel = os.path.relpath(full, base)
    if rel == ".":
        return None
    current = base
    parts = Path(rel).parts
    for i, part in enumerate(parts):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            what = "it is a symbolic link" if i == len(parts) - 1 else f"it lies in {display(root, Path(current))}, a symbolic link"
            return f"{what}; inputs must be regular files inside the project folder, not links"
    return None


def read_input(root: Path | None, path: Path, *, limit: int, what: str = "file") -> bytes:
    """The bytes of one input, or :class:`Refused` (see the module's docstring).

    ``root``: the project folder the path must stay inside (None: no confinement, for
    callers reading a file named on purpose). ``what`` names the input in messages.
    """
    if root is not None:
        problem = confine(root, path)
        if problem:
            raise Refused(f"cannot read the {what}: {problem}")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise Refused(f"cannot read the {what}: it does not exist") from None
    except OSError as exc:
        raise Refused(f"cannot read the {what}: {exc.strerror or exc}") from None
    _regular(info.st_mode, what, info.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Refused(f"cannot read the {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        _regular(info.st_mode, what, info.st_size, limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Refused(f"cannot read the {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise Refused(f"cannot read the {what}: it is over the limit of {limit:,} bytes")
    return b"".join(chunks)


def _regular(mode: int, what: str, size: int, limit: int) -> None:
    kind = kind_of(mode)
    if kind is not None:
        raise Refused(f"cannot read the {what}: it is {kind}, not a regular file; inputs must be regular files")
    if size > limit:
        raise Refused(f"cannot read the {what}: it is {size:,} bytes, over the limit of {limit:,} bytes")


def normalize_text(text: str) -> str:
    """A text file as an editor on any system saves it, read like LF: no byte-order mark, LF line ends.

    Removing a BOM (one invisible character before line 1) and turning CRLF or CR into LF
    leaves every line and every column a reader sees where it was.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all: a temporary file beside it, then a rename.

    A reader (or a killed run) never sees half a file: ``os.replace`` swaps the name over
    in one step. Raises ``OSError`` (the temporary file removed) when it cannot write.
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(path: Path) -> int:
    """The permissions the written file gets: the old file's, else what the umask allows."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
