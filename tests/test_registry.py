"""The entity registry: who a text names, longest name first, whatever the names look like."""

from __future__ import annotations

from claimdocs.model import Entity, EntityKind
from claimdocs.project import Project
from claimdocs.registry import Registry


def _registry(**names: list[str]) -> Registry:
    return Registry({
        ident: Entity(id=ident, kind=EntityKind.PERSON, name=all_names[0], aliases=all_names[1:])
        for ident, all_names in names.items()
    })


def test_the_longest_name_wins_and_overlaps_are_seen_by_named_anywhere() -> None:
    reg = _registry(israel=["Israel"], military=["Israel's military", "the military"], katz=["Israel Katz"])
    text = "Israel\u2019s military and Israel Katz disagreed; Israel did not."
    assert [(m.entity, m.text) for m in reg.mentions(text)] == [
        ("military", "Israel's military"), ("katz", "Israel Katz"), ("israel", "Israel"),
    ]
    assert reg.named_anywhere(text) == {"israel", "military", "katz"}
    assert reg.named_anywhere("Israeli officials") == set()  # whole words only
    assert reg.named_anywhere("the military-run") == set()


def test_as_entities_writes_every_name_of_an_entity_alike() -> None:
    reg = _registry(board=["Kelbrook water board", "the water board"], town=["Kelbrook"])
    alike = {reg.as_entities(t) for t in ("chair of the Kelbrook water board", "chair of the water board",
                                          "chair of the Kelbrook Water Board")}
    assert alike == {"chair of \x01board\x01"}
    assert reg.as_entities("chair of Kelbrook") == "chair of \x01town\x01"  # another entity stays another
    assert reg.as_entities("the chair\u2019s own words") == "the chair's own words"  # no name: folded only


def test_names_of_any_length_or_shape_build_a_registry() -> None:
    long_name = "A" * 3500
    chain = [("b" * n) for n in range(1, 300)]  # each name a prefix of the next
    reg = _registry(long=[long_name], chain=chain)
    assert reg.named(f"see {long_name}.") == {"long"}
    assert [m.text for m in reg.mentions("bbb bbbbb")] == ["bbb", "bbbbb"]
    assert reg.named_anywhere("x " + "b" * 299) == {"chain"}


def test_the_real_registry_reads_the_real_article(real_project: Project) -> None:
    named = real_project.registry.named_anywhere(real_project.article.text)
    assert {"netanyahu", "zamir"} <= named


def test_names_are_matched_whatever_their_case_and_offsets_hold_when_lowercase_is_longer() -> None:
    reg = _registry(levi=["Dana Levi"], council=["the Riverton Council"])
    assert [(m.entity, m.text) for m in reg.mentions("THE RIVERTON COUNCIL met dana levi.")] == [
        ("council", "THE RIVERTON COUNCIL"), ("levi", "dana levi"),
    ]
    # "İ" lowercases to two characters: the offsets must still point into the text as written
    text = "İstanbul: Dana Levi spoke."
    [mention] = reg.mentions(text)
    assert text[mention.start : mention.end] == "Dana Levi" == mention.text
