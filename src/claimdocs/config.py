"""Where the article, the claims and the pages live: one dataclass, two readers.

The command line reads ``[tool.claimdocs]`` in ``pyproject.toml``; the Sphinx
extension reads the same table next to ``conf.py`` unless ``claimdocs_*`` config
values override it, so both halves of the project always check the same files.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from claimdocs.reporting import CannotRun


@dataclass(frozen=True)
class Config:
    """Paths are relative to ``root`` (the folder holding ``pyproject.toml``)."""

    root: Path
    article: str = "seeds/article.txt"
    metadata: str = "seeds/article.yaml"
    claims: str = "claims"
    docs: str = "docs"
    #: Pages (relative to ``docs``, glob patterns) the page rules skip entirely.
    exclude: tuple[str, ...] = field(default_factory=tuple)

    def path(self, name: str) -> Path:
        return self.root / getattr(self, name)

    def display(self, path: Path) -> str:
        """A path as findings show it: relative to the root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    @classmethod
    def from_mapping(cls, root: Path, table: dict[str, object], where: str) -> Config:
        known = {f.name for f in fields(cls)} - {"root"}
        unknown = sorted(set(table) - known)
        if unknown:
            raise CannotRun(f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values: dict[str, object] = {}
        for key, value in table.items():
            if key == "exclude":
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise CannotRun(f"{where}: 'exclude' must be a list of strings")
                values[key] = tuple(value)
            elif not isinstance(value, str):
                raise CannotRun(f"{where}: {key!r} must be a string path, not {type(value).__name__}")
            else:
                values[key] = value
        return cls(root=root, **values)  # type: ignore[arg-type]

    @classmethod
    def from_pyproject(cls, root: Path) -> Config:
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
        return cls.from_mapping(root, table, f"{pyproject} [tool.claimdocs]")
