"""The loaded project's indexes: they answer as a scan would, without scanning."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdocs.model import Role
from claimdocs.project import Project
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
