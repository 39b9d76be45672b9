"""Shared fixtures: the real project, copied so a test may break it freely."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from claimdocs.cli import main
from claimdocs.config import Config
from claimdocs.project import Project, load_project

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "000_47ef2131506feb3b.txt"
SNAPSHOT_PARTS = ("seeds", "claims", "docs", "pyproject.toml", "conf.py")

pytest_plugins = ["sphinx.testing.fixtures"]


def copy_project(dest: Path) -> Path:
    for part in SNAPSHOT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A writable copy of the real project (seeds, claims, docs, config)."""
    return copy_project(tmp_path / "site")


@pytest.fixture(scope="session")
def real_project() -> Project:
    return load_project(Config.from_pyproject(ROOT))


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run ``claimdocs`` in-process: ``cli(root, "check")`` -> Run(code, out, err)."""

    def run(root: Path, *args: str) -> Run:
        code = main(["--root", str(root), *args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly when the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


def claim_line(path: Path, claim: str, key: str) -> str:
    """The line holding ``key:`` inside the block of claim ``claim`` in a YAML file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {claim}")
    for line in lines[start + 1 :]:
        if line.lstrip().startswith("- id:"):
            break
        if line.strip().startswith(f"{key}:") or line.strip().startswith(f'"{key}":'):
            return line
    raise AssertionError(f"no {key}: in claim {claim} of {path}")


def set_field(path: Path, claim: str, key: str, value: str) -> None:
    """Rewrite one field of one claim, keeping its indentation."""
    line = claim_line(path, claim, key)
    indent = line[: len(line) - len(line.lstrip())]
    edit(path, line, f"{indent}{key}: {value}")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Test projects for sphinx.testing live in tests/roots/test-<name>/."""
    return Path(__file__).resolve().parent / "roots"


def copy_test_claims(rootdir: Path, tmp_path: Path) -> Path:
    """A copy of tests/roots/test-claims that a test may edit and build."""
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-claims", src)
    return src
