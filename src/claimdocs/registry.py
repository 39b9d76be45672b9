"""The entity registry: who is who, and where a text names them.

Matching is by whole words on folded text (quotes and apostrophes straightened),
longest name first, so "Ms. Levi's" names Levi and "Riverton Council" is
not read as the town plus a stray word.

The names are compiled into one regular expression shaped as a trie (shared
prefixes written once), so the cost of a search grows with the text, not with
the number of names: a plain alternation tries every name at every word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdocs.lexicon import fold, fold_same_length
from claimdocs.model import Entity, EntityKind
from claimdocs.text import trie_pattern


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: str
    text: str


class Registry:
    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = entities
        names: dict[str, str] = {}
        for ent in entities.values():
            for name in ent.names:
                names.setdefault(fold(name).lower(), ent.id)
        self._names = names
        #: The entities that are people (a name of one may be given an office).
        self.persons = frozenset(ent.id for ent in entities.values() if ent.kind is EntityKind.PERSON)
        pattern = trie_pattern(names) or r"(?!x)x"
        # Matched on lowercased text: a case-blind trie is about twice as slow.
        self._lower = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
        self._re = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
        # Zero-width, so every word start is tried, inside a longer name too.
        self._every = re.compile(rf"(?<![\w-])(?=({pattern})(?![\w-]))", re.IGNORECASE)
        # The names a longest match also holds, at its start, as whole words.
        self._within: dict[str, set[str]] = {}
        pronouns = {p.lower() for e in entities.values() for p in e.pronouns}
        self._pronouns = re.compile(
            rf"\b(?:{'|'.join(sorted(map(re.escape, pronouns))) or '(?!x)x'})\b", re.IGNORECASE
        )

    def mentions(self, text: str) -> list[Mention]:
        """Every registered name in ``text`` (offsets into ``text``; folding keeps length)."""
        folded = fold_same_length(text)
        return [Mention(s, e, entity, folded[s:e]) for s, e, entity in self._spans_folded(folded)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Every registered name in ``text`` as (start, end, entity id): :meth:`mentions` without the text."""
        return self._spans_folded(fold_same_length(text))

    def _spans_folded(self, folded: str) -> list[tuple[int, int, str]]:
        lowered = folded.lower()
        names = self._names
        if len(lowered) != len(folded):  # a letter whose lowercase is longer ("İ"): offsets would shift
            return [(m.start(), m.end(), names[m.group().lower()]) for m in self._re.finditer(folded)]
        return [(m.start(), m.end(), names[m.group()]) for m in self._lower.finditer(lowered)]

    def named(self, text: str) -> set[str]:
        return {entity for _s, _e, entity in self.spans(text)}

    def as_entities(self, text: str) -> str:
        """``text`` folded, with each registered name written as its entity ("the chief engineer of the
        water board" and "the chief engineer of the Kelbrook water board" both read "the chief engineer
        of <board>", when both are names of one entity): phrases that differ only in which name they give an entity read the same. A "the"
        before a name goes with it, as it does in names ("the water board", "the Kelbrook water board")."""
        folded = fold_same_length(text)
        out, at = [], 0
        for m in self.mentions(folded):
            out += [_THE_BEFORE.sub("", folded[at : m.start]), f"{ENTITY_MARK}{m.entity}{ENTITY_MARK}"]
            at = m.end
        return "".join([*out, folded[at:]])

    def named_anywhere(self, text: str) -> set[str]:
        """Entities any of whose names occur in ``text``, overlaps included.

        ``named`` reads "Riverton's council" as the council only (longest name wins);
        this also sees Riverton in it, for checks that ask "is X named here at all?".
        """
        found: set[str] = set()
        for m in self._every.finditer(fold_same_length(text)):
            found |= self._shorter(m.group(1).lower())
        return found

    def _shorter(self, longest: str) -> set[str]:
        """Entities of ``longest`` and of every name that starts it and ends on a word boundary."""
        hit = self._within.get(longest)
        if hit is None:
            hit = {
                entity for name, entity in self._names.items()
                if longest.startswith(name) and (len(name) == len(longest) or not _WORD.match(longest, len(name)))
            }
            self._within[longest] = hit
        return hit

    def pronoun_for(self, entity: str, text: str) -> bool:
        """Does ``text`` hold one of the entity's pronouns?"""
        ent = self.entities.get(entity)
        if not ent or not ent.pronouns:
            return False
        want = {p.lower() for p in ent.pronouns}
        return any(m.group().lower() in want for m in self._pronouns.finditer(text))

    def label(self, entity: str) -> str:
        ent = self.entities.get(entity)
        return ent.name if ent else entity


_WORD = re.compile(r"[\w-]")
_THE_BEFORE = re.compile(r"(?:(?<=\s)|^)the\s+$", re.IGNORECASE)
#: Stands around an entity's id where :meth:`Registry.as_entities` writes a name as its entity.
ENTITY_MARK = "\u0001"
