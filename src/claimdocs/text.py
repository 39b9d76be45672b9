"""Text helpers the rules share: fast single-character replacement and word lists as regexes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def replacer(table: dict[str, str]) -> Callable[[str], str]:
    """``str.translate`` for a few single characters, without its per-character cost.

    On non-ASCII text ``translate`` looks every character up in a dict; a ``replace``
    per table entry scans in C, about fifty times faster on the article's sentences.
    The replacements must not themselves be keys of the table.
    """
    pairs = tuple(table.items())
    if any(new in table for _, new in pairs):
        raise ValueError("a replacement is itself replaced; use str.translate")

    def apply(text: str) -> str:
        for old, new in pairs:
            if old in text:
                text = text.replace(old, new)
        return text

    return apply


def trie_pattern(words: Iterable[str], escape: Callable[[str], str] = re.escape) -> str:
    """A regex for a word list shaped as a character trie, longest continuation tried first.

    A plain alternation tries every word at every position; here shared prefixes are
    written once, so the cost grows with the text, not with the number of words. At a
    branch the next characters differ, so the engine's only choice is "go on or stop":
    the optional group is greedy (the longest word wins) and backtracks to a shorter
    word when what follows the longer one does not fit. ``escape`` writes one character
    (``\\s+`` for a space lets a phrase wrap over lines).
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
