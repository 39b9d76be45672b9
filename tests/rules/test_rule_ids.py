"""Every check's ``ids`` are the ids of the rules it emits, worked out once, and no field of it."""

from __future__ import annotations

import dataclasses

from claimdocs.rules.registry import checks


def test_each_check_knows_the_ids_of_the_rules_it_emits() -> None:
    every = list(checks())
    assert len({type(c) for c in every}) == 6
    for check in every:
        assert check.ids == frozenset(r.id for r in check.emits)
        assert check.ids is check.ids  # computed once
        assert "ids" not in {f.name for f in dataclasses.fields(check)}
        assert hash(check) == hash(dataclasses.replace(check)) and check == dataclasses.replace(check)
