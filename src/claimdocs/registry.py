"""The entity registry: who is who, and where a text names them.

Matching is by whole words on folded text (quotes and apostrophes straightened),
longest name first, so "Mr. Netanyahu's" names Netanyahu and "Israel Katz" is
not read as the country plus a stray word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimdocs.article import fold
from claimdocs.model import Entity, EntityKind


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
        ordered = sorted(names, key=len, reverse=True)
        pattern = "|".join(re.escape(n) for n in ordered) or r"(?!x)x"
        self._re = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
        pronouns = {p.lower() for e in entities.values() for p in e.pronouns}
        self._pronouns = re.compile(
            rf"\b(?:{'|'.join(sorted(map(re.escape, pronouns))) or '(?!x)x'})\b", re.IGNORECASE
        )

    def mentions(self, text: str) -> list[Mention]:
        """Every registered name in ``text`` (offsets into ``text``; folding keeps length)."""
        folded = text.translate(_Q)
        return [Mention(m.start(), m.end(), self._names[m.group().lower()], m.group()) for m in self._re.finditer(folded)]

    def named(self, text: str) -> set[str]:
        return {m.entity for m in self.mentions(text)}

    def named_anywhere(self, text: str) -> set[str]:
        """Entities any of whose names occur in ``text``, overlaps included.

        ``named`` reads "Israel's military" as the military only (longest name wins);
        this also sees Israel in it, for checks that ask "is X named here at all?".
        """
        folded = text.translate(_Q).lower()
        found = set()
        for name, entity in self._names.items():
            i = folded.find(name)
            while i != -1:
                before = folded[i - 1] if i else " "
                after = folded[i + len(name)] if i + len(name) < len(folded) else " "
                if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
                    found.add(entity)
                    break
                i = folded.find(name, i + 1)
        return found

    def persons(self, text: str) -> list[Mention]:
        return [m for m in self.mentions(text) if self.entities[m.entity].kind is EntityKind.PERSON]

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


# Same-length folding: only the quote characters, so offsets stay valid.
_Q = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
