"""Nothing in the package knows this article: its people, places, organisations and disputes are data.

The project's own names live in claims/ (the entity registry, the vocabulary's topics);
the package under src/ must serve the next article without a line changed, so not even
a docstring example may name them.
"""

from __future__ import annotations

import re
from pathlib import Path

import claimdocs
from claimdocs.project import Project

SRC = Path(claimdocs.__file__).resolve().parent
#: Words of registered names that are ordinary English (titles, common nouns): not this article's.
ORDINARY = frozenset(
    ["mr", "ms", "mrs", "lt", "gen", "general", "prime", "minister", "the", "of", "in", "and", "for", "a", "an", "to", "on", "with", "from", "his", "her", "their", "its", "health", "officials", "authorities", "security", "critics", "public", "opinion", "polls", "sources", "familiar", "private", "internal", "discussions", "coalition", "partners", "government", "military", "leaders", "anonymous", "involved", "sensitive", "deliberations", "court", "criminal", "international", "institute", "democracy", "national", "studies", "administration", "allies", "long-standing", "some", "current", "defense", "minister", "experts", "other", "many", "former", "party", "members", "spy", "agency", "city", "strip", "enclave", "states", "nations", "united"]
)


def _distinctive(project: Project) -> set[str]:
    """The capitalised words of every registered name and alias: this article's own."""
    words: set[str] = set()
    for entity in project.entities.values():
        for name in entity.names:
            for word in re.findall(r"[A-Za-z][A-Za-z’'-]+", name):
                key = word.lower().replace("’", "'").removesuffix("'s")
                if word[0].isupper() and key not in ORDINARY:
                    words.add(key)
    return words


def test_the_package_names_nothing_of_this_article(real_project: Project) -> None:
    names = _distinctive(real_project)
    assert {"netanyahu", "zamir", "gaza", "qatar", "hamas", "israel", "israeli", "mossad"} <= names
    found = []
    # a name, or a word made of it ("qatari", "gazans": a demonym names the place too)
    pattern = re.compile(
        r"(?<![a-z])(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")(?:i|is|ian|ians|s|n|ns)?(?![a-z])"
    )
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".py", ".js", ".css", ".html", ".txt", ".toml", ".yaml", ".json"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in pattern.finditer(line.lower()):
                found.append(f"{path.relative_to(SRC.parent)}:{n}: {m.group()!r}: {line.strip()[:100]}")
    assert found == [], "\n".join(found[:60])
