"""The configuration: one model, read from ``pyproject.toml`` or ``conf.py``.

Every setting is a field of :class:`Config`. The command line reads
``[tool.claimdocs]`` in ``pyproject.toml``; the Sphinx extension reads the same
table next to ``conf.py`` (or in ``claimdocs_root``), then lets a ``claimdocs_<key>``
value in ``conf.py`` (or ``-D claimdocs_<key>=...``) override each key, so both
always check the same files. The Sphinx layer registers one config value per
field, in a loop (:func:`claimdocs.sphinx.setup`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimdocs.findings import CannotRun
from claimdocs.model import Vocabulary


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
        """A path as findings show it: relative to the root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

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
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CannotRun(f"{pyproject}: not found; run from the project root or pass --root") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CannotRun(f"{pyproject}: cannot read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise CannotRun(f"{pyproject}: invalid TOML: {exc}") from None
        table = data.get("tool", {}).get("claimdocs")
        if not isinstance(table, dict):
            raise CannotRun(f"{pyproject}: no [tool.claimdocs] table")
        return table

    @classmethod
    def from_pyproject(cls, root: Path) -> Config:
        return cls.from_mapping(root, cls.pyproject_table(root), f"{root / 'pyproject.toml'} [tool.claimdocs]")

    @classmethod
    def from_sources(cls, root: Path, overrides: Mapping[str, object]) -> Config:
        """The pyproject table, each key overridden by ``overrides`` (conf.py); without a table, the overrides alone."""
        try:
            table = cls.pyproject_table(root)
        except CannotRun:
            if not overrides:
                raise
            table = {}
        return cls.from_mapping(root, {**table, **overrides}, f"{root / 'pyproject.toml'} [tool.claimdocs] and conf.py")
