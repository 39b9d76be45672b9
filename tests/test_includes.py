"""Files a page pulls in (includes.py): resolved as MyST does, confined to the project, cut keeping line numbers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimdocs.config import Config
from claimdocs.files import Refused
from claimdocs.includes import image_problem, read_included, resolve_include


@pytest.fixture
def config(tmp_path: Path) -> Config:
    root = tmp_path / "proj"
    (root / "docs" / "sub").mkdir(parents=True)
    (root / "parts").mkdir()
    return Config(root=root, docs="docs")


@pytest.mark.parametrize(
    ("doc", "target", "expected"),
    [
        ("docs/index.md", "part.md", "docs/part.md"),
        ("docs/sub/page.md", "../part.md", "docs/part.md"),
        ("docs/sub/page.md", "/part.md", "docs/part.md"),  # "/" is the docs folder, as in Sphinx
        ("docs/index.md", "../parts/a.md", "parts/a.md"),
        ("docs/index.md", "  ../parts/\n  a.md ", "parts/a.md"),  # an argument over two lines is joined
    ],
)
def test_includes_resolve_as_myst_resolves_them(config: Config, doc: str, target: str, expected: str) -> None:
    where = resolve_include(config, doc, target)
    assert isinstance(where, Path)
    assert config.display(where) == expected


@pytest.mark.parametrize(("target", "problem"), [("<isonum.txt>", "standard includes"), ("", "names no file")])
def test_includes_that_name_no_file_of_the_project(config: Config, target: str, problem: str) -> None:
    where = resolve_include(config, "docs/index.md", target)
    assert isinstance(where, str) and problem in where


def _file(config: Config, text: str | bytes) -> Path:
    path = config.root / "parts" / "inc.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, "l1\nl2\nl3\nl4\n"),
        ({"start-line": "2"}, "\n\nl3\nl4"),
        ({"start-line": "1", "end-line": "3"}, "\nl2\nl3"),
        ({"start-line": "-1"}, "\n\n\nl4"),
        ({"start-after": "l2\n"}, "\n\nl3\nl4"),
        ({"end-before": "l3"}, "l1\nl2\n"),
        ({"start-after": "l1", "end-before": "l4"}, "\nl2\nl3\n"),  # line 1 is what follows "l1" on it
    ],
)
def test_includes_are_cut_as_myst_cuts_them_keeping_line_numbers(config: Config, options: dict[str, str],
                                                                   expected: str) -> None:
    shown, text = read_included(config, _file(config, "l1\nl2\nl3\nl4\n"), options)
    assert shown == "parts/inc.md"
    assert text.replace("\n", "|").rstrip("|") == expected.replace("\n", "|").rstrip("|")


def test_a_bom_and_crlf_in_an_included_file_are_read_like_lf(config: Config) -> None:
    assert read_included(config, _file(config, b"\xef\xbb\xbfa\r\nb\r\n"), {})[1] == "a\nb"


@pytest.mark.parametrize(
    ("content", "options", "message"),
    [
        ("x\n", {"start-after": "nope"}, 'option :start-after:: the text "nope" is not in parts/inc.md'),
        ("x\n", {"start-line": "two"}, "take a whole number"),
        (b"caf\xe9\n", {}, "the included file parts/inc.md: byte 0xe9 is not valid UTF-8"),
        ("x" * 600_000, {}, "over the limit of 500,000 bytes"),
    ],
)
def test_includes_that_cannot_be_read(config: Config, content: str | bytes, options: dict[str, str],
                                      message: str) -> None:
    with pytest.raises(Refused, match=message.replace("(", r"\(")):
        read_included(config, _file(config, content), options)


def test_an_included_link_or_file_outside_is_refused(config: Config) -> None:
    (config.root.parent / "secret.md").write_text("SECRET\n", encoding="utf-8")
    os.symlink(config.root.parent / "secret.md", config.root / "parts" / "link.md")
    for path in (config.root / "parts" / "link.md", config.root.parent / "secret.md"):
        with pytest.raises(Refused) as exc:
            read_included(config, path, {})
        assert "SECRET" not in exc.value.message


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("pic.png", None), ("../../parts/pic.png", None), ("https://example.org/x.png", None), ("//cdn/x.png", None),
        ("data:image/png;base64,AAAA", None), ("pic.png?x=1#y", None),
        ("../../../etc/x.png", "it is outside the project folder"), ("/../../x.png", "it is outside the project folder"),
    ],
)
def test_images_must_lie_inside_the_project(config: Config, target: str, problem: str | None) -> None:
    found = image_problem(config, "docs/sub/page.md", target)
    assert (found is None) if problem is None else (found is not None and problem in found)
