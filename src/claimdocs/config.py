"""The configuration: one model, read from ``pyproject.toml`` or ``conf.py``.

Every setting is a field of :class:`Config`. The command line reads
``[tool.claimdocs]`` in ``pyproject.toml``; the Sphinx extension reads the same
table next to ``conf.py`` (or in ``claimdocs_root``), then lets a ``claimdocs_<key>``
value in ``conf.py`` (or ``-D claimdocs_<key>=...``) override each key, so both
always check the same files. The Sphinx layer registers one config value per
field, in a loop (:func:`claimdocs.sphinx.setup`).
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimdocs.files import MAX_CONFIG_BYTES, Refused, display, normalize_text, printable, read_input
from claimdocs.findings import CannotRun
from claimdocs.model import Vocabulary
from claimdocs.myst import DEFAULT_EXTENSIONS


class _NoTable(CannotRun):
    """pyproject.toml, or its [tool.claimdocs] table, is not there (conf.py may then give the settings)."""


class Config(BaseModel):
    """Where the article, the claims and the pages are, and how the site shows them.

    Paths are relative to ``root`` (the folder holding ``pyproject.toml``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    root: Path = Field(description="The project folder (conf.py only: claimdocs_root).", exclude=True)
    article: str = Field("seeds/article.txt", description="The pinned article, a UTF-8 text file.")
    metadata: str = Field("seeds/article.yaml", description="The article's metadata (title, sha256 pin).")
    claims: str = Field("claims", description="The folder of claims files (*.yaml).")
    docs: str = Field("docs", description="The folder of MyST pages.")
    exclude: tuple[str, ...] = Field((), description="Pages (globs relative to docs) the page rules skip.")
    site_pages: tuple[str, ...] = Field(
        (), description="Pages about the site itself (globs relative to docs): their unmarked sentences may use "
        "words beyond the framing vocabulary, but never a name or a word of fact from the article.")
    check: bool = Field(True, description="Run the claim checks in the Sphinx build.")
    vocabulary: Vocabulary | None = Field(
        None, description="Words extending the English defaults (as a claims file's vocabulary: section).")
    index_page: str = Field("claims", description="The page holding {claims-index} (hover cards link there).")
    source_page: str = Field("source", description="The page holding {claims-source}.")
    rules_page: str = Field("checking", description="The page holding {claims-rules} (SARIF links each rule there).")
    html_baseurl: str = Field(
        "", description="The absolute URL the built site is served from (as Sphinx's html_baseurl); SARIF's helpUri "
        "of a rule is <html_baseurl><rules_page>.html#rule-<id>. Empty: no helpUri."
    )

    @field_validator("article", "metadata", "claims", "docs", "index_page", "source_page", "rules_page",
                     "html_baseurl", mode="before")
    @classmethod
    def _path(cls, value: object, info: Any) -> object:
        if not isinstance(value, str):
            raise ValueError(f"{info.field_name!r} must be a string path, not {type(value).__name__}")
        return value

    @field_validator("exclude", "site_pages", mode="before")
    @classmethod
    def _globs(cls, value: object) -> object:
        if isinstance(value, str):  # -D claimdocs_exclude=a,b
            return tuple(v for v in value.split(",") if v)
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValueError("must be a list of strings")
        return tuple(value)

    @field_validator("html_baseurl")
    @classmethod
    def _absolute(cls, value: str) -> str:
        parts = urlsplit(value)
        if value and (parts.scheme not in ("http", "https") or not parts.netloc):
            raise ValueError(f"'html_baseurl' must be an absolute http(s) URL, not {value!r}")
        return value

    def path(self, name: str) -> Path:
        return self.root / str(getattr(self, name))

    def display(self, path: Path) -> str:
        """A path as findings show it: relative to the root, with forward slashes, links not followed."""
        return display(self.root, path)

    # ------------------------------------------------------------ reading

    @classmethod
    def settings(cls) -> dict[str, Any]:
        """Every key a project may set, with its default."""
        return {name: f.default for name, f in cls.model_fields.items() if name != "root"}

    @classmethod
    def from_mapping(cls, root: Path, table: Mapping[str, object], where: str) -> Config:
        known = set(cls.settings())
        unknown = sorted(set(table) - known)
        if unknown:
            raise CannotRun(f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        try:
            return cls(root=root, **table)
        except ValidationError as exc:
            problem = exc.errors()[0]
            message = str(problem.get("ctx", {}).get("error") or problem["msg"])
            key = ".".join(str(p) for p in problem["loc"])
            raise CannotRun(f"{where}: {message if key in message else f'{key}: {message}'}") from None

    @classmethod
    def pyproject_table(cls, root: Path) -> dict[str, object]:
        """The ``[tool.claimdocs]`` table of ``root/pyproject.toml``."""
        pyproject = root / "pyproject.toml"
        if not pyproject.exists() and not pyproject.is_symlink():
            raise _NoTable(f"{printable(str(pyproject))}: not found; run from the project root or pass --root")
        try:
            text = normalize_text(read_input(root, pyproject, limit=MAX_CONFIG_BYTES).decode("utf-8"))
            data = tomllib.loads(text)
        except Refused as exc:
            raise CannotRun(f"{printable(str(pyproject))}: {exc.message}") from None
        except UnicodeDecodeError as exc:
            raise CannotRun(f"{printable(str(pyproject))}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
        except tomllib.TOMLDecodeError as exc:
            raise CannotRun(f"{printable(str(pyproject))}: invalid TOML: {exc}") from None
        except RecursionError:
            raise CannotRun(f"{printable(str(pyproject))}: invalid TOML: nested too deeply to read") from None
        tool = data.get("tool", {})
        table = tool.get("claimdocs") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise _NoTable(f"{printable(str(pyproject))}: no [tool.claimdocs] table")
        return table

    @classmethod
    def from_pyproject(cls, root: Path) -> Config:
        return cls.from_mapping(root, cls.pyproject_table(root), f"{root / 'pyproject.toml'} [tool.claimdocs]")

    @classmethod
    def from_sources(cls, root: Path, overrides: Mapping[str, object]) -> Config:
        """The pyproject table, each key overridden by ``overrides`` (conf.py); without a table, the overrides alone."""
        try:
            table = cls.pyproject_table(root)
        except _NoTable:  # no table at all: conf.py may give every key (an unreadable one is still an error)
            if not overrides:
                raise
            table = {}
        return cls.from_mapping(root, {**table, **overrides}, f"{root / 'pyproject.toml'} [tool.claimdocs] and conf.py")


# ------------------------------------------------------------ how pages are parsed

#: The MyST extensions pages are read with when the project has no ``conf.py`` (the command line alone).
DEFAULT_MYST_EXTENSIONS = DEFAULT_EXTENSIONS


def conf_files(config: Config) -> list[Path]:
    """Where the Sphinx configuration may be: beside pyproject.toml, else in the docs folder."""
    return [config.root / "conf.py", config.path("docs") / "conf.py"]


def myst_extensions(config: Config) -> tuple[frozenset[str], str, int, str | None]:
    """The MyST extensions Sphinx reads the pages with, so the checker reads them the same way.

    One source of truth: ``myst_enable_extensions`` in ``conf.py``, read as a literal (conf.py
    is never run). Returns (extensions, the file they come from, its line, a problem or None).
    Without a conf.py, :data:`DEFAULT_MYST_EXTENSIONS`; a conf.py that does not set the value
    gets MyST's default, none. The Sphinx build compares the result with what Sphinx really
    uses and reports any difference (``claims.config``).
    """
    for conf in conf_files(config):
        if not (conf.exists() or conf.is_symlink()):
            continue
        shown = config.display(conf)
        try:
            source = read_input(config.root, conf, limit=MAX_CONFIG_BYTES, what="Sphinx configuration")
            tree = ast.parse(normalize_text(source.decode("utf-8")), filename=shown)
        except Refused as exc:
            return frozenset(), shown, 1, exc.message
        except (UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError) as exc:
            return frozenset(), shown, getattr(exc, "lineno", None) or 1, f"cannot read conf.py without running it: {type(exc).__name__}"
        found: tuple[frozenset[str], int, str | None] = (frozenset(), 1, None)
        for node in tree.body:
            target, value = _assignment(node)
            if target != "myst_enable_extensions" or value is None:
                continue
            try:
                names = ast.literal_eval(value)
            except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                names = None
            if not isinstance(names, list | tuple | set | frozenset) or not all(isinstance(n, str) for n in names):
                found = (frozenset(), node.lineno, "myst_enable_extensions in conf.py is not a literal list of names; "
                         "the checker reads it without running conf.py: write the names out")
            else:
                found = (frozenset(names), node.lineno, None)
        return found[0], shown, found[1], found[2]
    return DEFAULT_MYST_EXTENSIONS, "", 1, None


def _assignment(node: ast.stmt) -> tuple[str | None, ast.expr | None]:
    """``name = value`` or ``name: T = value`` at the top of a module: (name, value)."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id, node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
        return node.target.id, None if node.target.id != "myst_enable_extensions" else ast.Constant(value=None)
    return None, None
