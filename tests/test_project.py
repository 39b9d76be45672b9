"""The loaded project's indexes: they answer as a scan would, without scanning."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdocs.config import DEFAULT_MYST_EXTENSIONS, Config
from claimdocs.model import Role
from claimdocs.project import Project, load_project, page_listing
from claimdocs.rules.engine import check_pages
from claimdocs.wording import speaker_office


def _with_roles(real: Project, starts: list[int]) -> tuple[Project, str]:
    """A copy of the real project whose first role holder has roles starting at ``starts``."""
    template = next(c for c in real.claims.values() if isinstance(c, Role))
    claims = {i: c for i, c in real.claims.items() if not (isinstance(c, Role) and c.person == template.person)}
    for n, start in enumerate(starts):
        ev = template.evidence.model_copy(update={"start": start, "end": start + 5})
        role = template.model_copy(update={"id": f"role-x{n:03d}", "evidence": ev})
        claims[role.id] = role
    return Project(config=real.config, article=real.article, entities=real.entities, claims=claims), template.person


@settings(max_examples=150, deadline=None)
@given(starts=st.lists(st.integers(0, 60), max_size=12), offset=st.integers(0, 70))
def test_nearest_role_is_the_scan_answer(real_project: Project, starts: list[int], offset: int) -> None:
    project, person = _with_roles(real_project, starts)
    roles = [c for c in project.claims.values() if isinstance(c, Role) and c.person == person]
    expected = min(roles, key=lambda r: (abs(r.evidence.start - offset), r.id)) if roles else None
    assert project.nearest_role(person, offset) == expected


def test_roles_come_in_article_order_then_by_id(real_project: Project) -> None:
    project, person = _with_roles(real_project, [40, 10, 40, 0])
    assert [(r.evidence.start, r.id) for r in project.roles_of(person)] == [
        (0, "role-x003"), (10, "role-x001"), (40, "role-x000"), (40, "role-x002"),
    ]
    assert project.roles_of("nobody-at-all") == []
    assert project.nearest_role("nobody-at-all", 5) is None


def test_a_quotations_office_is_its_speakers_nearest_role(real_project: Project) -> None:
    from claimdocs.model import Quote

    for quote in (c for c in real_project.claims.values() if isinstance(c, Quote)):
        roles = real_project.roles_of(quote.speaker)
        office = speaker_office(quote, real_project)
        if not roles:
            assert office is None
            continue
        best = min(abs(r.evidence.start - quote.evidence.start) for r in roles)
        assert office is not None and abs(office.evidence.start - quote.evidence.start) == best


# ---------------------------------------------------------------- listing the inputs: every problem is a finding


def _project(tmp_path: Path, pages: dict[str, str] | None = None) -> Path:
    from rules.helpers import build_project

    return build_project(tmp_path / "proj", pages or {"index.md": "# Home\n\nText.\n"})


def test_a_folder_of_pages_that_cannot_be_listed_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path, {"index.md": "# Home\n\nText.\n", "locked/p.md": "# P\n\nText.\n"})
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    pages, findings = page_listing(Config.from_pyproject(root))
    assert [p.name for p in pages] == ["index.md"]
    assert [(f.path, f.rule, f.message) for f in findings] == [
        ("docs/locked", "page", "cannot list the folder: Permission denied; its pages are not checked")]
    result = check_pages(load_project(Config.from_pyproject(root)))
    assert [f for f in result.findings if f.rule == "unused"] == []  # pages unseen: no claim is known unused


def test_a_claims_folder_that_cannot_be_listed_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _project(tmp_path)
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("claims"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    project = load_project(Config.from_pyproject(root))
    assert [(f.path, f.rule, f.message) for f in project.findings] == [
        ("claims", "config", "cannot list the claims folder: Permission denied")]


def test_linked_folders_and_names_that_are_not_utf8_are_findings(tmp_path: Path) -> None:
    root = _project(tmp_path)
    os.symlink("/etc", root / "docs" / "linked")
    (root / "docs" / "caf\udce9.md").write_text("# X\n", encoding="utf-8")
    pages, findings = page_listing(Config.from_pyproject(root))
    assert [p.name for p in pages] == ["index.md"]
    assert sorted((f.path, f.message) for f in findings) == [
        ("docs/caf\\xe9.md", "the file name is not valid UTF-8; rename the page"),
        ("docs/linked", "the folder is a symbolic link; pages must be regular files inside the project"),
    ]
    assert [f.path for f in page_listing(Config.from_pyproject(root), names=False)[1]] == ["docs/linked"]


def test_an_include_that_cannot_be_read_is_one_finding_and_no_cascade(tmp_path: Path) -> None:
    page = "# Home\n\nHealth officials in the enclave report {claim}`about 65,000 <gaza-deaths>` dead.\n"
    root = _project(tmp_path, {"index.md": "# Home\n\n```{include} part.md\n```\n"})
    (root / "docs" / "part.md").write_bytes(page.encode() + b"caf\xe9\n")
    result = check_pages(load_project(Config.from_pyproject(root)), jobs=1)
    # part.md is also a page of its own: one finding for it, one for the include that cannot read it
    assert sorted((f.path, f.line, f.rule) for f in result.findings) == [("docs/index.md", 3, "page"),
                                                                         ("docs/part.md", 4, "page")]
    assert not any(f.rule == "unused" for f in result.findings)


def test_the_myst_extensions_the_project_reads_pages_with(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert load_project(Config.from_pyproject(root)).myst_extensions == DEFAULT_MYST_EXTENSIONS  # no conf.py
    (root / "conf.py").write_text('myst_enable_extensions = ["colon_fence"]\n', encoding="utf-8")
    assert load_project(Config.from_pyproject(root)).myst_extensions == {"colon_fence"}
    (root / "conf.py").write_text('myst_enable_extensions = ["no_such_extension"]\n', encoding="utf-8")
    project = load_project(Config.from_pyproject(root))
    [finding] = project.findings
    assert (finding.path, finding.line, finding.rule) == ("conf.py", 1, "config")
    assert "no_such_extension" in finding.message


def test_a_claims_file_invalid_as_a_whole_keeps_its_valid_items() -> None:
    """One bad entity or waiver hides none of the others: each section is salvaged item by item."""
    from claimdocs.project import _ENTITY, _WAIVER, _salvage

    data = {
        "entities": [{"id": "levi", "kind": "person", "name": "Dana Levi"}, {"id": "x", "kind": "nobody"},
                     {"id": "ann", "kind": "person", "name": "Ann"}],
        "waivers": [{"rule": "coverage", "text": "Bridge", "reason": "headline"}, {"rule": 3, "nope": 1}, "text"],
        "claims": "not a list",
    }
    assert [(i, e.id) for i, e in _salvage(data, "entities", _ENTITY)] == [(0, "levi"), (2, "ann")]
    assert [(i, w.text) for i, w in _salvage(data, "waivers", _WAIVER)] == [(0, "Bridge")]
    assert _salvage(data, "claims", _ENTITY) == [] and _salvage(data, "missing", _WAIVER) == []
