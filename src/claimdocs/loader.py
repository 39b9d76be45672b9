"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets line numbers, silently turns ``2023-10-07`` into a
date and ``yes`` into True, keeps the last of two duplicate keys and expands
aliases without limit. Here the YAML is composed into nodes, and the nodes are
turned into plain data by hand: aliases and custom tags are refused, duplicate
keys are an error, only plain decimal numbers and true/false/null are resolved,
everything else stays a string, and each value's (line, col) is recorded so a
schema error can point at the field that caused it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from claimdocs.reporting import Finding

MAX_BYTES = 5_000_000
MAX_DEPTH = 32
MAX_NODES = 200_000

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


def _refuse_references(text: str) -> None:
    """One pass over the events, before anything is built: no anchors, no aliases, no deep nesting.

    Refusing aliases outright is what makes "billion laughs" harmless; checking depth
    here keeps the composer (recursive) from ever meeting data nested too deeply.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise YamlError("aliases (*name) are not allowed in claims files; write the value out",
                            mark.line + 1, mark.column + 1)
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlError(f"anchors (&{anchor}) are not allowed in claims files; write the value out",
                            mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError(f"data nested deeper than {MAX_DEPTH} levels", mark.line + 1, mark.column + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style:  # quoted or block scalar: always a string (plain is None or "")
        return value
    if node.tag == "tag:yaml.org,2002:str":
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if _INT.match(value):
        return int(value.replace("_", ""))
    if _FLOAT.match(value):
        return float(value.replace("_", ""))
    return value


def _convert(node: yaml.Node, path: Path_, out: Loaded, depth: int, count: list[int]) -> Any:
    count[0] += 1
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if depth > MAX_DEPTH:
        raise YamlError(f"data nested deeper than {MAX_DEPTH} levels", line, col)
    if count[0] > MAX_NODES:
        raise YamlError(f"more than {MAX_NODES} values in one file", line, col)
    if node.tag not in _STD_TAGS:
        raise YamlError(f"the tag {node.tag!r} is not allowed (tags are refused, never executed)", line, col)
    out.positions[path] = (line, col)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                kl, kc = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                raise YamlError("a mapping key must be a plain string", kl, kc)
            key = str(key_node.value)
            if key == "<<":
                kl, kc = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                raise YamlError("merge keys (<<) are not allowed", kl, kc)
            if key in result:
                kl, kc = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                first = out.positions.get((*path, key), (0, 0))[0]
                raise YamlError(f"duplicate key {key!r} (first given on line {first})", kl, kc)
            result[key] = _convert(value_node, (*path, key), out, depth + 1, count)
            out.positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), out, depth + 1, count) for i, item in enumerate(node.value)]
    return _scalar(node)


def decode(raw: bytes, display: str) -> tuple[str | None, list[Finding]]:
    """Bytes to text, refusing a BOM, non-UTF-8 bytes and CRLF with a located message."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Finding(display, 1, 1, "yaml", "the file starts with a byte-order mark; save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Finding(display, line, col, "yaml", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
        ]
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        return None, [Finding(display, line, 1, "yaml", "the file has CR or CRLF line ends; use LF line ends")]
    return text, []


def load_yaml(path: Path, display: str) -> tuple[Loaded | None, list[Finding]]:
    """Load one YAML file safely; on any problem return findings, never raise."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Finding(display, 1, 1, "yaml", f"the file is {size} bytes, over the limit of {MAX_BYTES}")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Finding(display, 1, 1, "yaml", f"cannot read the file: {exc.strerror or exc}")]
    text, findings = decode(raw, display)
    if text is None:
        return None, findings
    return load_yaml_text(text, display)


def load_yaml_text(text: str, display: str) -> tuple[Loaded | None, list[Finding]]:
    if not text.strip():
        return Loaded(data={}), []
    try:
        _refuse_references(text)
        node = yaml.compose(text, Loader=_LOADER)
        if node is None:
            return Loaded(data={}), []
        out = Loaded(data=None)
        out.data = _convert(node, (), out, 0, [0])
        return out, []
    except YamlError as exc:
        return None, [Finding(display, exc.line, exc.col, "yaml", exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        lines = text.split("\n")
        here = lines[line - 1][col - 1 : col] if line <= len(lines) else ""
        hint = "; indent with spaces, not tabs" if here == "\t" or "tab" in problem.lower() else ""
        return None, [Finding(display, line, col, "yaml", f"YAML syntax error: {problem}{hint}")]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return None, [
            Finding(display, line, col, "yaml", f"character {_char(exc.character)} is not allowed in YAML; remove it")
        ]
    except yaml.YAMLError as exc:
        return None, [Finding(display, 1, 1, "yaml", f"YAML error: {exc}")]
    except RecursionError:
        return None, [Finding(display, 1, 1, "yaml", "data nested too deeply to read")]


def _char(character: object) -> str:
    return f"U+{character:04X}" if isinstance(character, int) else repr(character)


def validate(model: type[BaseModel], loaded: Loaded, display: str, *, id_of: Any = None) -> tuple[Any, list[Finding]]:
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
        found = "" if isinstance(got, dict | list) or got is None else f" (found {got!r})"
        yield Finding(display, line, col, "schema", f"{who}{where}: {err['msg']}{found}", claim=claim)


_KIND_NAMES = {"quantity", "quote", "role", "stance", "event", "assertion", "statement"}


def _claim_id(data: Any, loc: Path_) -> str | None:
    if len(loc) >= 2 and loc[0] in ("claims", "entities") and isinstance(loc[1], int):
        try:
            item = data[loc[0]][loc[1]]
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return item["id"]
    return None
