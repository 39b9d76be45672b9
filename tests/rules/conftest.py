"""The rules' fixture: ``project``, a tiny project on the real article (see rules/helpers.py).

tests/conftest.py (``site``, ``real_project``, ``cli``) applies here too.
"""

from __future__ import annotations

import pytest

from claimdocs.project import Project

from .helpers import build_project, load


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    proj = load(build_project(tmp_path_factory.mktemp("pagerules")))
    assert not [f for f in proj.findings], proj.findings
    assert len(proj.claims) > 30
    return proj


@pytest.fixture(scope="module")
def quoting(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A small project on an invented article written with news writing's quotation conventions (rules/quoting.py)."""
    from .quoting import build

    proj = load(build(tmp_path_factory.mktemp("quoting")))
    assert not proj.findings, proj.findings
    return proj


@pytest.fixture(scope="module")
def kelbrook(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A small project on an invented article for the tracing rules (rules/kelbrook.py)."""
    from .kelbrook import build

    proj = load(build(tmp_path_factory.mktemp("kelbrook")))
    assert not proj.findings, proj.findings
    return proj
