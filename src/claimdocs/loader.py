"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers, silently turns ``2023-10-07`` into a
date and ``yes`` into True, keeps the last of two duplicate keys and expands
aliases without limit. Here plain data is built by hand from libyaml's events, in
one pass with an explicit stack: aliases, anchors and custom tags are refused, duplicate
keys are an error, only plain decimal numbers and true/false/null are resolved,
everything else stays a string, and each value's (line, col) is recorded so a
schema error can point at the field that caused it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from claimdocs.files import MAX_YAML_BYTES, Refused, normalize_text, read_input
from claimdocs.findings import Finding, RuleId
from claimdocs.lexicon import shorten
from claimdocs.model import KINDS

MAX_BYTES = MAX_YAML_BYTES
MAX_DEPTH = 32
MAX_NODES = 200_000
#: A plain number with more digits than this stays a string (the schema then refuses it):
#: Python refuses to convert integers of more than 4,300 digits, and no figure needs 40.
MAX_DIGITS = 40

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?$")
_STD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",  # resolved by hand below: stays a string
}

Path_ = tuple[str | int, ...]


@dataclass
class Loaded:
    """Plain data from one YAML file, with a position for every path into it."""

    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        for n in range(len(path), -1, -1):
            if path[:n] in self.positions:
                return self.positions[path[:n]]
        return (1, 1)


class YamlError(Exception):
    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message, self.line, self.col = message, line, col


#: libyaml's parser when PyYAML was built with it (about ten times faster), else PyYAML's own.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(value: str, style: str | None, tag: str | None) -> Any:
    if style:  # quoted or block scalar: always a string (plain is None or "")
        return value
    if tag in ("tag:yaml.org,2002:str", "!"):
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if len(value) > MAX_DIGITS:
        return value
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _FLOAT.match(value):
        return float(value.replace("_", ""))
    return value


_NO_KEY = object()


def _build(text: str, out: Loaded) -> Any:
    """Plain data straight from libyaml's events, in one pass and without recursion.

    Nothing is composed first, so an alias is refused before anything is expanded,
    nesting is bounded by the explicit stack (never the C or Python stack), and each
    value's position is recorded as it is met.
    """
    root: Any = None
    documents = 0
    # One frame per open collection: [container, path, pending key].
    stack: list[list[Any]] = []
    count = 0
    events: Iterator[Any] = yaml.parse(text, Loader=_LOADER)  # compared by exact type below, for speed
    for event in events:
        kind = type(event)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        mark = event.start_mark
        if kind is yaml.AliasEvent:
            raise YamlError("aliases (*name) are not allowed in claims files; write the value out",
                            mark.line + 1, mark.column + 1)
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlError("a claims file holds one YAML document; remove the second '---'",
                                mark.line + 1, mark.column + 1)
            continue
        if kind is not yaml.ScalarEvent and kind is not yaml.MappingStartEvent and kind is not yaml.SequenceStartEvent:
            continue  # stream and document ends
        line, col = mark.line + 1, mark.column + 1
        if event.anchor is not None:
            raise YamlError(f"anchors (&{event.anchor}) are not allowed in claims files; write the value out", line, col)
        if event.tag is not None and event.tag != "!" and event.tag not in _STD_TAGS:
            raise YamlError(f"the tag {event.tag!r} is not allowed (tags are refused, never executed)", line, col)
        frame = stack[-1] if stack else None
        if frame is not None and frame[2] is _NO_KEY:  # a mapping, waiting for its next key
            if kind is not yaml.ScalarEvent:
                raise YamlError("a mapping key must be a plain string", line, col)
            key = event.value
            if key == "<<":
                raise YamlError("merge keys (<<) are not allowed", line, col)
            container = frame[0]
            if key in container:
                first = out.positions.get((*frame[1], key), (0, 0))[0]
                raise YamlError(f"duplicate key {key!r} (first given on line {first})", line, col)
            frame[2] = key
            out.positions[(*frame[1], key)] = (line, col)
            continue
        count += 1
        if count > MAX_NODES:
            raise YamlError(f"more than {MAX_NODES} values in one file", line, col)
        if frame is None:
            path: Path_ = ()
            out.positions[path] = (line, col)
        elif isinstance(frame[0], dict):
            path = (*frame[1], frame[2])  # position already set: the key's
        else:
            path = (*frame[1], len(frame[0]))
            out.positions[path] = (line, col)
        if kind is yaml.ScalarEvent:
            value: Any = _scalar(event.value, event.style, event.tag)
        else:
            if len(stack) >= MAX_DEPTH:
                raise YamlError(f"data nested deeper than {MAX_DEPTH} levels", line, col)
            value = {} if kind is yaml.MappingStartEvent else []
        if frame is None:
            root = value
        elif isinstance(frame[0], dict):
            frame[0][frame[2]] = value
            frame[2] = _NO_KEY
        else:
            frame[0].append(value)
        if kind is not yaml.ScalarEvent:
            stack.append([value, path, _NO_KEY if kind is yaml.MappingStartEvent else None])
    return root if documents else {}


def decode(raw: bytes, display: str, *, normalize: bool = False) -> tuple[str | None, list[Finding]]:
    """Bytes to text; bytes that are not UTF-8 are refused at their line and column (in characters).

    ``normalize``: a byte-order mark and CRLF or CR line ends are read like LF (pages and YAML
    files, as editors on any system save them); without it (the pinned article, whose offsets
    count every character) they are refused with a located message.
    """
    if not normalize and raw.startswith(b"\xef\xbb\xbf"):
        return None, [Finding(display, 1, 1, RuleId.YAML, "the file starts with a byte-order mark; save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")  # valid up to the first bad byte
        if normalize:
            before = normalize_text(before)
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        return None, [
            Finding(display, line, col, RuleId.YAML, f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
        ]
    if normalize:
        return normalize_text(text), []
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        return None, [Finding(display, line, 1, RuleId.YAML, "the file has CR or CRLF line ends; use LF line ends")]
    return text, []


def load_yaml(path: Path, display: str, *, root: Path | None = None) -> tuple[Loaded | None, list[Finding]]:
    """Load one YAML file safely; on any problem return findings, never raise.

    ``root``: the project folder the file must lie inside (see :func:`claimdocs.files.read_input`).
    """
    try:
        raw = read_input(root, path, limit=MAX_BYTES)
    except Refused as exc:
        return None, [Finding(display, 1, 1, RuleId.YAML, exc.message)]
    text, findings = decode(raw, display, normalize=True)
    if text is None:
        return None, findings
    return load_yaml_text(text, display)


def load_yaml_text(text: str, display: str) -> tuple[Loaded | None, list[Finding]]:
    if not text.strip():
        return Loaded(data={}), []
    try:
        out = Loaded(data=None)
        out.data = _build(text, out)
        return out, []
    except YamlError as exc:
        return None, [Finding(display, exc.line, exc.col, RuleId.YAML, exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        lines = text.split("\n")
        here = lines[line - 1][col - 1 : col] if line <= len(lines) else ""
        hint = "; indent with spaces, not tabs" if here == "\t" or "tab" in problem.lower() else ""
        return None, [Finding(display, line, col, RuleId.YAML, f"YAML syntax error: {problem}{hint}")]
    except yaml.reader.ReaderError as exc:
        # libyaml gives the offset in bytes of the UTF-8 text, the pure-Python reader in characters
        at = _char_offset(text, exc.position) if _LOADER is not yaml.SafeLoader else exc.position
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        return None, [
            Finding(display, line, col, RuleId.YAML, f"character {_char(exc.character)} is not allowed in YAML; remove it")
        ]
    except yaml.YAMLError as exc:
        return None, [Finding(display, 1, 1, RuleId.YAML, f"YAML error: {exc}")]
    except RecursionError:
        return None, [Finding(display, 1, 1, RuleId.YAML, "data nested too deeply to read")]


def _char_offset(text: str, byte_offset: int) -> int:
    """The character offset of a byte offset into ``text`` encoded as UTF-8."""
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", "ignore"))


def _char(character: object) -> str:
    return f"U+{character:04X}" if isinstance(character, int) else repr(character)


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], loaded: Loaded, display: str) -> tuple[M | None, list[Finding]]:
    """Validate plain data against a pydantic model; map each error to its line."""
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, list(_schema_findings(exc, loaded, display))


def _schema_findings(exc: ValidationError, loaded: Loaded, display: str) -> Iterator[Finding]:
    seen: set[tuple[Path_, str]] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in _KIND_NAMES))
        key = (loc, err["msg"])
        if key in seen:
            continue
        seen.add(key)
        line, col = loaded.where(loc)
        where = ".".join(str(p) for p in loc) or "(top level)"
        claim = _claim_id(loaded.data, loc)
        who = f"claim {claim}: " if claim else ""
        got = err.get("input")
        found = "" if isinstance(got, dict | list) or got is None else f" (found {shorten(repr(got), 80)})"
        yield Finding(display, line, col, RuleId.SCHEMA, f"{who}{where}: {err['msg']}{found}", claim=claim)


_KIND_NAMES = frozenset(KINDS)  # pydantic names the union member in an error path: not a field


def _claim_id(data: Any, loc: Path_) -> str | None:
    if len(loc) >= 2 and loc[0] in ("claims", "entities") and isinstance(loc[1], int):
        try:
            item = data[loc[0]][loc[1]]
        except (KeyError, IndexError, TypeError):
            return None
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str):
            return ident
    return None
