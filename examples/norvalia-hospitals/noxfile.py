"""Sessions: check (the checker alone, fast) and docs (the site; any warning fails it).

claimdocs is installed as the requirement in CLAIMDOCS (default "claimdocs"); point it at
a checkout or a wheel to use that one: ``CLAIMDOCS=/path/to/claimdocs nox -s check``.
"""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["check", "docs"]
CLAIMDOCS = os.environ.get("CLAIMDOCS", "../..")  # the example: this repository's claimdocs


@nox.session
def check(session: nox.Session) -> None:
    """The article -> claims -> pages checks, no HTML."""
    session.install(CLAIMDOCS)
    session.run("claimdocs", "check", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site with every check on into _build/html; any warning fails the build."""
    session.install(CLAIMDOCS)
    session.run("sphinx-build", "-W", "--keep-going", "-c", ".", "-b", "html", "docs", "_build/html", *session.posargs)
