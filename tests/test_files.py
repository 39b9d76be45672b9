"""Reading inputs safely (files.py): confined to the project, regular files only, never blocking, capped; writing whole."""

from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimdocs.files import Refused, confine, display, is_utf8_name, normalize_text, printable, read_input, write_atomic


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "proj" / "docs").mkdir(parents=True)
    (tmp_path / "proj" / "docs" / "a.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "outside.md").write_text("SECRET\n", encoding="utf-8")
    return tmp_path / "proj"


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail, rather than hang, if reading blocks (a FIFO opened without O_NONBLOCK would)."""

    def timeout(_signum: int, _frame: object) -> None:
        raise AssertionError("reading blocked")

    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize(
    ("rel", "problem"),
    [
        ("docs/a.md", None),
        ("docs/missing.md", None),  # not a confinement problem: reading says it does not exist
        ("docs/../docs/a.md", None),
        ("../outside.md", "it is outside the project folder"),
        ("docs/../../outside.md", "it is outside the project folder"),
        ("/etc/hostname", "it is outside the project folder"),
    ],
)
def test_paths_must_stay_inside_the_project(root: Path, rel: str, problem: str | None) -> None:
    found = confine(root, root / rel)
    assert (found is None) if problem is None else (found is not None and found.startswith(problem))


def test_a_link_is_refused_wherever_it_points(root: Path) -> None:
    os.symlink(root / "docs" / "a.md", root / "docs" / "inside-link.md")  # even to a file inside
    os.symlink(root.parent / "outside.md", root / "docs" / "outside-link.md")
    os.symlink(root / "docs", root / "linked-folder")
    assert confine(root, root / "docs" / "inside-link.md").startswith("it is a symbolic link")  # type: ignore[union-attr]
    assert confine(root, root / "docs" / "outside-link.md").startswith("it is a symbolic link")  # type: ignore[union-attr]
    assert confine(root, root / "linked-folder" / "a.md") == (
        "it lies in linked-folder, a symbolic link; inputs must be regular files inside the project folder, not links")
    with pytest.raises(Refused, match="it is a symbolic link"):
        read_input(root, root / "docs" / "outside-link.md", limit=100)


def test_a_fifo_is_refused_without_blocking(root: Path, no_hang: None) -> None:
    os.mkfifo(root / "docs" / "fifo.md")
    with pytest.raises(Refused, match=r"it is a FIFO \(named pipe\), not a regular file"):
        read_input(root, root / "docs" / "fifo.md", limit=100)
    with pytest.raises(Refused, match="FIFO"):
        read_input(None, root / "docs" / "fifo.md", limit=100)


def test_a_device_and_a_folder_are_refused(root: Path, no_hang: None) -> None:
    with pytest.raises(Refused, match="it is a character device, not a regular file"):
        read_input(None, Path("/dev/zero"), limit=100)
    with pytest.raises(Refused, match="it is a folder, not a regular file"):
        read_input(root, root / "docs", limit=100)


def test_a_device_inside_the_project_is_refused(root: Path, no_hang: None) -> None:
    try:
        os.mknod(root / "docs" / "zero.md", 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device needs root")
    with pytest.raises(Refused, match="character device"):
        read_input(root, root / "docs" / "zero.md", limit=100)


def test_sizes_are_capped_and_never_read_past(root: Path) -> None:
    (root / "docs" / "big.md").write_bytes(b"x" * 101)
    with pytest.raises(Refused, match="it is 101 bytes, over the limit of 100 bytes"):
        read_input(root, root / "docs" / "big.md", limit=100)
    assert read_input(root, root / "docs" / "big.md", limit=101) == b"x" * 101


def test_a_missing_file_and_a_regular_file(root: Path) -> None:
    with pytest.raises(Refused, match="cannot read the page: it does not exist"):
        read_input(root, root / "docs" / "nope.md", limit=100, what="page")
    assert read_input(root, root / "docs" / "a.md", limit=100) == b"# A\n"


def test_file_names_that_are_not_utf8_are_shown_escaped(root: Path) -> None:
    name = root / "docs" / "caf\udce9.md"
    assert not is_utf8_name(name) and is_utf8_name(root / "docs" / "café.md")
    assert printable("caf\udce9.md") == "caf\\xe9.md"
    assert display(root, name) == "docs/caf\\xe9.md"
    assert display(root, root.parent / "outside.md").endswith("/outside.md")
    os.symlink(root.parent / "outside.md", root / "docs" / "l.md")
    assert display(root, root / "docs" / "l.md") == "docs/l.md"  # where the link is, not where it points


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a\r\nb\r\n", "a\nb\n"), ("a\rb\r", "a\nb\n"), ("\ufeffa\n", "a\n"), ("\ufeffa\r\nb", "a\nb"), ("a\nb", "a\nb"),
     ("a\u2028b", "a\u2028b")],
)
def test_a_bom_and_cr_line_ends_are_read_like_lf(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_writing_is_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new \u201ctext\u201d\n")
    assert target.read_text(encoding="utf-8") == "new \u201ctext\u201d\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]

    def broken(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, "half")
    assert target.read_text(encoding="utf-8") == "new \u201ctext\u201d\n"  # the old file, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]  # no temporary file left


def test_writing_over_a_link_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    victim = tmp_path / "victim.yaml"
    victim.write_text("claims: []\n", encoding="utf-8")
    os.symlink(victim, tmp_path / "report.txt")
    write_atomic(tmp_path / "report.txt", "report\n")
    assert victim.read_text(encoding="utf-8") == "claims: []\n"
    assert not (tmp_path / "report.txt").is_symlink()
