"""The configuration (config.py): pyproject.toml read safely; the MyST extensions read from conf.py, never run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimdocs.config import DEFAULT_MYST_EXTENSIONS, Config, myst_extensions
from claimdocs.findings import CannotRun


def _config(root: Path, conf: str | None = None, *, docs_conf: bool = False) -> Config:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    if conf is not None:
        (root / "docs" / "conf.py" if docs_conf else root / "conf.py").write_text(conf, encoding="utf-8")
    return Config(root=root)


@pytest.mark.parametrize(
    ("conf", "extensions", "line", "problem"),
    [
        ('myst_enable_extensions = ["colon_fence", "deflist"]\n', {"colon_fence", "deflist"}, 1, None),
        ('x = 1\nmyst_enable_extensions = ("colon_fence",)\n', {"colon_fence"}, 2, None),
        ('myst_enable_extensions = {"deflist"}\n', {"deflist"}, 1, None),
        ('myst_enable_extensions: list[str] = ["deflist"]\n', {"deflist"}, 1, None),
        ('myst_enable_extensions = ["a"]\nmyst_enable_extensions = ["b"]\n', {"b"}, 2, None),  # the last one wins
        ("project = 'x'\n", set(), 0, None),  # not set: MyST's default, none (located at the top)
        ('myst_enable_extensions = ["a"] + ["b"]\n', set(), 1, "not a literal list"),
        ('E = ["a"]\nmyst_enable_extensions = E\n', set(), 2, "not a literal list"),
        ('myst_enable_extensions = ["a"]\nmyst_enable_extensions += ["b"]\n', set(), 2, "not a literal list"),
        ("myst_enable_extensions = [\n", set(), 1, "cannot read conf.py without running it: SyntaxError"),
        ("x = " + "(" * 5000 + ")" * 5000 + "\n", set(), 1, "cannot read conf.py without running it"),
    ],
)
def test_myst_extensions_come_from_conf_py_read_never_run(tmp_path: Path, conf: str, extensions: set[str], line: int,
                                                          problem: str | None) -> None:
    marker = tmp_path / "ran"
    found, where, at, why = myst_extensions(_config(tmp_path, f"open({str(marker)!r}, 'w')\n" + conf))
    assert not marker.exists()  # conf.py is never run
    assert (found, where, at - 1) == (frozenset(extensions), "conf.py", line)
    assert (why is None) if problem is None else (why is not None and problem in why)


def test_without_conf_py_the_checker_default(tmp_path: Path) -> None:
    assert myst_extensions(_config(tmp_path)) == (DEFAULT_MYST_EXTENSIONS, "", 1, None)


def test_conf_py_in_the_docs_folder(tmp_path: Path) -> None:
    found, where, _line, _problem = myst_extensions(_config(tmp_path, 'myst_enable_extensions = ["deflist"]\n',
                                                            docs_conf=True))
    assert (found, where) == (frozenset({"deflist"}), "docs/conf.py")


def test_a_linked_conf_py_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.py").write_text('myst_enable_extensions = ["x"]\n', encoding="utf-8")
    (tmp_path / "proj").mkdir()
    os.symlink(tmp_path / "elsewhere.py", tmp_path / "proj" / "conf.py")
    _found, _where, _line, problem = myst_extensions(_config(tmp_path / "proj"))
    assert problem is not None and "symbolic link" in problem


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool.claimdocs]\nx = " + "[" * 100_000 + "\n", "invalid TOML: nested too deeply to read"),
        ("[tool.claimdocs]\nx = " + "{a = " * 5_000 + "\n", "invalid TOML"),
        (b"[tool.claimdocs]\ndocs = 'caf\xe9'\n", "not UTF-8"),
        ("[tool.claimdocs]\n" + "# x\n" * 300_000, "over the limit of 1,000,000 bytes"),
    ],
)
def test_a_pyproject_that_cannot_be_read_is_one_cannot_run(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(CannotRun, match=message.replace("(", r"\(")) as exc:
        Config.from_pyproject(tmp_path)
    assert len(str(exc.value).splitlines()) == 1 and str(path) in str(exc.value)


def test_a_pyproject_with_a_bom_and_crlf_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'\xef\xbb\xbf[tool.claimdocs]\r\ndocs = "pages"\r\n')
    assert Config.from_pyproject(tmp_path).docs == "pages"


def test_conf_py_settings_do_not_hide_an_unreadable_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.claimdocs\n", encoding="utf-8")
    with pytest.raises(CannotRun, match="invalid TOML"):
        Config.from_sources(tmp_path, {"docs": "."})
    (tmp_path / "pyproject.toml").unlink()
    assert Config.from_sources(tmp_path, {"docs": "."}).docs == "."  # no pyproject at all: conf.py's settings
