"""Sessions: docs, tests, lint, check (default: docs, tests, lint); docs-live, bench, fuzz on demand.

``nox -s tests`` runs the suite twice: against the newest Sphinx pyproject allows and
against the oldest (8.2), since ``sphinx>=8.2,<10`` is what the package promises.
"""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests", "docs"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"
BUILD = "_build/html"
#: The type checker lint pins (ruff and pre-commit are pinned where lint installs them).
MYPY = ("mypy==2.4.1", "types-PyYAML", "types-docutils")
#: The Sphinx versions the tests run against: the newest allowed, and the oldest promised.
SPHINX = {"latest": "sphinx>=8.2,<10", "oldest": "sphinx==8.2.*"}


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site with every claim check on; any warning fails the build."""
    session.install("-e", ".")
    session.run("sphinx-build", "-W", "--keep-going", "-c", ".", "-b", "html", "docs", BUILD, *session.posargs)


@nox.session(name="docs-live", python=PYTHON, default=False)
def docs_live(session: nox.Session) -> None:
    """Serve the site and rebuild it on every edit to pages, claims or the article."""
    session.install("-e", ".", "sphinx-autobuild>=2024.4")
    session.run(
        "sphinx-autobuild", "-c", ".", "docs", BUILD,
        "--watch", "claims", "--watch", "seeds", "--watch", "src/claimdocs", *session.posargs,
    )


@nox.session(python=PYTHON)
@nox.parametrize("sphinx", list(SPHINX))
def tests(session: nox.Session, sphinx: str) -> None:
    """The test suite, browser tests included (they need Debian's chromium), on each Sphinx."""
    session.install("-e", ".[test,browser]", SPHINX[sphinx])
    session.run("python", "-c", "import sphinx; print('Sphinx', sphinx.__version__)")
    args = session.posargs or ["--cov", "--cov-report=term:skip-covered"]
    session.run("pytest", *args, env={"PYTHONHASHSEED": "0", "CI": os.environ.get("CI", "")})


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff, mypy --strict on src/, the claims schema in sync with the model, every pre-commit hook on every file."""
    session.install("ruff==0.17.6", "pre-commit==4.7.0", *MYPY, "-e", ".")  # the same ruff as .pre-commit-config.yaml
    session.run("ruff", "check", "src", "tests", "noxfile.py", "conf.py", "bench")
    session.run("mypy")
    session.run("claimdocs", "schema", "--check")
    session.run("pre-commit", "run", "--all-files", "--show-diff-on-failure")


@nox.session(python=PYTHON, default=False)
def check(session: nox.Session) -> None:
    """The fast checker alone (article -> claims -> pages), no HTML."""
    session.install("-e", ".")
    session.run("claimdocs", "check", *session.posargs)


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks at 1x, 10x, 100x the site; writes bench/results.json."""
    session.install("-e", ".")
    session.run("python", "bench/run.py", *session.posargs)


@nox.session(python=PYTHON, default=False)
def fuzz(session: nox.Session) -> None:
    """Longer hypothesis runs: the claims loader, the page parser and rules, and (for time) the parser and splitter."""
    session.install("-e", ".[test]")
    session.run("pytest", "tests/test_fuzz.py", "-p", "no:cacheprovider", env={"CLAIMDOCS_FUZZ_EXAMPLES": "5000"})
