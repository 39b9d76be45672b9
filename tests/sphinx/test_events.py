"""The build under broken and hostile input (events.py): no false green, no hang, no traceback, nothing unchecked shown.

Each test copies the tiny project tests/roots/test-claims, breaks it one way and builds
it with Sphinx, often more than once (a rebuild reuses the pickled environment, as
``nox -s docs``, an incremental build and ``docs-live`` do). The command line's side of
the same classes is the catalogue in tests/test_hostile.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from claimdocs.sphinx.state import RUNNING_MARKER
from conftest import copy_test_claims

ANSI = re.compile(r"\x1b\[[0-9;]*m")
WRONG = "\nThe ministry reports {claim}`1,500 <evacuated>` people evacuated.\n"


@pytest.fixture
def project(rootdir: Path, tmp_path: Path) -> Path:
    return copy_test_claims(rootdir, tmp_path)


@pytest.fixture
def build(project: Path) -> Callable[..., tuple[str, list[str]]]:
    """Build the project (again, reusing its environment, as sphinx-build does): (warnings, the pages read)."""

    def run(**confoverrides: object) -> tuple[str, list[str]]:
        warning = StringIO()
        read: list[str] = []
        with patch_docutils(project), docutils_namespace():  # as sphinx-build does: no state leaks between builds
            app = Sphinx(srcdir=project, confdir=project, outdir=project / "_build" / "html",
                         doctreedir=project / "_build" / "doctrees", buildername="html", status=StringIO(),
                         warning=warning, confoverrides=confoverrides)
            app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(sorted(docnames)))
            app.build()
        return ANSI.sub("", warning.getvalue()), read

    return run


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def html(project: Path, page: str) -> str:
    return (project / "_build" / "html" / page).read_text(encoding="utf-8")


# ---------------------------------------------------------------- a finding stays reported until fixed


def test_a_wrong_page_fails_every_build_until_fixed(build, project: Path) -> None:
    append(project / "index.md", WRONG)
    first, _ = build()
    second, read = build()  # nothing changed: the page with a finding is read again
    assert "index.md" in first and "[claims.hedge]" in first
    hedge = [line for line in first.splitlines() if "[claims.hedge]" in line]
    assert [line for line in second.splitlines() if "[claims.hedge]" in line] == hedge
    assert read == ["index"]
    (project / "index.md").write_text((project / "index.md").read_text(encoding="utf-8").replace(WRONG, "\n"),
                                      encoding="utf-8")
    fixed, _ = build()
    assert fixed == ""
    again, read = build()
    assert (again, read) == ("", [])  # clean again: nothing is read without a reason


def test_an_incremental_build_after_touching_another_page_still_reports(build, project: Path) -> None:
    append(project / "index.md", WRONG)
    build()
    append(project / "views.md", "\nAn unrelated edit.\n")
    warnings, read = build()
    assert "[claims.hedge]" in warnings
    assert set(read) == {"index", "views"}


def test_an_unused_claim_is_reported_by_a_rebuild_that_reads_nothing(build, project: Path) -> None:
    index = project / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "{claim}`Critics contend <critics-late>` that the order came late.", ""), encoding="utf-8")
    first, _ = build()
    second, read = build()
    assert read == []
    for warnings in (first, second):
        assert "critics-late" in warnings and "[claims.unused]" in warnings


def test_a_rebuild_of_a_clean_project_reads_nothing_and_warns_nothing(build) -> None:
    assert build()[0] == ""
    assert build() == ("", [])


# ---------------------------------------------------------------- pages Sphinx must never read


def test_a_fifo_page_is_refused_without_blocking_the_build(build, project: Path) -> None:
    os.mkfifo(project / "fifo.md")
    warnings, read = build()
    assert "fifo.md:1: WARNING: cannot read the page: it is a FIFO (named pipe)" in warnings
    assert "fifo" not in read
    assert not (project / "_build" / "html" / "fifo.html").exists()


def test_a_page_swapped_for_an_older_link_is_screened_again(build, project: Path, tmp_path: Path) -> None:
    """The link's target is older than the last build, so Sphinx alone would not read the page again."""
    outside = tmp_path / "old.md"
    outside.write_text("# Old\n\nSECRET\n", encoding="utf-8")
    os.utime(outside, (1_000_000_000, 1_000_000_000))
    (project / "page.md").write_text("# Page\n\nText.\n", encoding="utf-8")
    build()
    (project / "page.md").unlink()
    os.symlink(outside, project / "page.md")
    warnings, _read = build()
    assert "page.md:1: WARNING: cannot read the page: it is a symbolic link" in warnings
    assert "SECRET" not in (project / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")


def test_a_page_linked_to_a_file_outside_is_refused_and_not_published(build, project: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.md").write_text("# Secret\n\nSECRET words.\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.md", project / "secret.md")
    warnings, _ = build()
    assert "secret.md:1: WARNING: cannot read the page: it is a symbolic link" in warnings
    assert not (project / "_build" / "html" / "secret.html").exists()
    assert "SECRET" not in (project / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")


def test_a_page_that_is_not_utf8_is_a_warning_not_a_traceback(build, project: Path) -> None:
    (project / "latin.md").write_bytes(b"# Caf\xe9\n")
    warnings, _ = build()
    assert "latin.md:1: WARNING: byte 0xe9 is not valid UTF-8; save the file as UTF-8 [claims.page]" in warnings


def test_a_page_whose_name_is_not_utf8_is_a_warning_not_a_traceback(build, project: Path) -> None:
    (project / "caf\udce9.md").write_text("# Cafe\n", encoding="utf-8")
    warnings, _ = build()
    assert "caf\\xe9.md:1: WARNING: the file name is not valid UTF-8; rename the page [claims.page]" in warnings


def test_a_page_with_a_bom_and_crlf_is_checked_like_lf(build, project: Path) -> None:
    (project / "index.md").write_bytes(b"\xef\xbb\xbf" + (project / "index.md").read_bytes().replace(b"\n", b"\r\n")
                                       + WRONG.encode().replace(b"\n", b"\r\n"))
    warnings, _ = build()
    lines = (project / "index.md").read_bytes().count(b"\n")
    assert f"index.md:{lines}: WARNING: hedge differs" in warnings


def test_no_claim_is_unused_while_a_page_cannot_be_read(build, project: Path) -> None:
    index = project / "index.md"
    (project / "uses.md").write_bytes(index.read_bytes().split(b"```{toctree}")[0] + b"\ncaf\xe9\n")
    index.write_text("# Riverton\n\n```{toctree}\nuses\nviews\nclaims\nsource\n```\n", encoding="utf-8")
    warnings, _ = build()
    assert "uses.md:" in warnings and "byte 0xe9 is not valid UTF-8" in warnings
    assert "[claims.unused]" not in warnings  # the claims uses.md uses are not reported unused


def test_a_root_document_that_cannot_be_read_is_a_warning_every_build(build, project: Path) -> None:
    """Sphinx stops without its root document: it reads a stand-in saying the page could not be read."""
    (project / "index.md").write_bytes(b"# Riverton\n\ncaf\xe9\n")
    for _ in range(2):
        warnings, _read = build()
        assert "index.md:3: WARNING: byte 0xe9 is not valid UTF-8; save the file as UTF-8 [claims.page]" in warnings
        assert "This page could not be read" in html(project, "index.html")
    assert not (project / "index.md").read_bytes().startswith(b"# This page")  # the page itself is never touched


# ---------------------------------------------------------------- refused content is never rendered


def test_refused_content_is_not_rendered(build, project: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.md").write_text("SECRET from outside.\n", encoding="utf-8")
    append(project / "index.md", "\n```{raw} html\n<p>RAWTEXT 9,999</p>\n```\n\n<div>HTMLBLOCK</div>\n\n"
                                 "```{include} ../secret.md\n```\n\nAfter the refused parts.\n")
    warnings, _ = build()
    assert "{raw}: raw output is not checked" in warnings
    assert "an HTML block is not checked" in warnings
    assert "{include} ../secret.md: cannot read the included file: it is outside the project folder" in warnings
    page = html(project, "index.html")
    for text in ("RAWTEXT", "HTMLBLOCK", "SECRET"):
        assert text not in page
    assert "After the refused parts." in page


def test_an_included_file_is_checked_and_its_findings_are_located_in_it(build, project: Path) -> None:
    (project / "part.txt").write_text("First line.\n\nThe ministry reports {claim}`1,500 <evacuated>` people.\n",
                                      encoding="utf-8")
    append(project / "index.md", "\n```{include} part.txt\n```\n")
    warnings, _ = build()
    assert f"{project / 'part.txt'}:3: WARNING: hedge differs" in warnings
    assert "The ministry reports" in html(project, "index.html")


def test_the_checker_and_sphinx_read_pages_with_one_myst_configuration(build) -> None:
    agree, _ = build()
    assert "[claims.config]" not in agree
    differ, _ = build(myst_enable_extensions=["colon_fence", "substitution"])
    assert "Sphinx reads the pages with the MyST extensions ['colon_fence', 'substitution'], the checker with " \
           "['colon_fence']" in differ
    assert "[claims.config]" in differ


def test_the_real_site_s_conf_and_the_checker_agree() -> None:
    from claimdocs.config import Config, myst_extensions
    from conftest import ROOT

    namespace: dict[str, object] = {"__file__": str(ROOT / "conf.py")}
    exec(compile((ROOT / "conf.py").read_text(encoding="utf-8"), "conf.py", "exec"), namespace)
    extensions, conf, _line, problem = myst_extensions(Config.from_pyproject(ROOT))
    assert (problem, conf) == (None, "conf.py")
    assert extensions == frozenset(namespace["myst_enable_extensions"])  # type: ignore[arg-type]


def test_an_unreadable_pyproject_is_one_warning(build, project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.claimdocs]\nx = " + "[" * 100_000 + "\n", encoding="utf-8")
    warnings, _ = build()
    assert "pyproject.toml: invalid TOML: nested too deeply to read [claims.config]" in warnings
    assert "[claims.source]" not in warnings  # nothing checked against a configuration that was not read


# ---------------------------------------------------------------- outputs


def test_claims_json_and_figures_csv_are_written_whole_and_strict(build, project: Path) -> None:
    build()
    out = project / "_build" / "html"
    json.loads((out / "claims.json").read_text(encoding="utf-8"),
               parse_constant=lambda c: pytest.fail(f"{c} in claims.json"))
    assert not list(out.glob(".claims.json.*")) and not list(out.glob(".figures.csv.*"))  # no temporary file left


# ---------------------------------------------------------------- a killed build


_KILLER = '''
import os, signal

def setup(app):
    def page(app, pagename, templatename, context, doctree):
        if os.environ.get("KILL_AT") == pagename:
            os.kill(os.getpid(), signal.SIGKILL)
    app.connect("html-page-context", page)
    return {"parallel_read_safe": True}
'''


def _sphinx(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "build", "-q", "-b", "html", str(project), str(project / "_build" / "html"),
         "-d", str(project / "_build" / "doctrees")],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(project), *sys.path]), **env},
    )


def _indexed(project: Path) -> list[str]:
    text = (project / "_build" / "html" / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return sorted(data["docnames"])


def test_a_build_killed_while_writing_leaves_no_incomplete_search_index(project: Path, tmp_path: Path) -> None:
    (project / "killer.py").write_text(_KILLER, encoding="utf-8")
    append(project / "conf.py", '\nextensions = [*extensions, "killer"]\n')
    killed = _sphinx(project, KILL_AT="index")  # the environment is saved, some pages are written, no index
    assert killed.returncode == -signal.SIGKILL
    assert (project / "_build" / "doctrees" / RUNNING_MARKER).exists()
    again = _sphinx(project)
    assert again.returncode == 0, again.stderr
    assert "incomplete" not in again.stderr
    clean = tmp_path / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("_build"))
    assert _sphinx(clean).returncode == 0
    assert _indexed(project) == _indexed(clean) == ["claims", "index", "refs", "source", "views"]
    assert not (project / "_build" / "doctrees" / RUNNING_MARKER).exists()
