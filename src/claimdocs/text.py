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


def lower_same_length(text: str) -> str:
    """``text`` lowercased without changing its length, so offsets carry over."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowercases to two characters: keep such characters as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


#: A character trie: each character maps to the rest; "" marks the end of a word.
Trie = dict[str, "Trie"]

#: Nesting (branch points and word ends with longer words after them, along one path) above
#: which :func:`trie_pattern` writes a plain alternation instead: the regex compiler recurses
#: once a level, and a word list like "a", "aa", "aaa", ... would nest as deep as it is long.
MAX_TRIE_NESTING = 100


def trie_pattern(words: Iterable[str], escape: Callable[[str], str] = re.escape) -> str:
    """A regex for a word list shaped as a character trie, longest continuation tried first.

    A plain alternation tries every word at every position; here shared prefixes are
    written once, so the cost grows with the text, not with the number of words. At a
    branch the next characters differ, so the engine's only choice is "go on or stop":
    the optional group is greedy (the longest word wins) and backtracks to a shorter
    word when what follows the longer one does not fit: the same match as an alternation
    of the words, longest first. ``escape`` writes one character (``\\s+`` for a space
    lets a phrase wrap over lines). Beyond :data:`MAX_TRIE_NESTING` levels, that
    alternation is what is written.
    """
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    root: Trie = {}
    for word in unique:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if _nesting(root) > MAX_TRIE_NESTING:
        return "|".join("".join(map(escape, w)) for w in unique)
    return _emit(root, escape)


def _nesting(root: Trie) -> int:
    """The deepest nesting of groups the trie would be written with (no recursion: words may be long)."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        kids = [child for ch, child in node.items() if ch]
        if len(kids) > 1 or ("" in node and kids):
            depth += 1
            deepest = max(deepest, depth)
        stack.extend((child, depth) for child in kids)
    return deepest


def _emit(node: Trie, escape: Callable[[str], str]) -> str:
    """One node's pattern; a chain of single letters is written in a loop, so recursion is per group."""
    chain: list[str] = []
    kids = sorted(ch for ch in node if ch)
    while len(kids) == 1 and "" not in node:
        chain.append(escape(kids[0]))
        node = node[kids[0]]
        kids = sorted(ch for ch in node if ch)
    if not kids:
        return "".join(chain)
    branches = [escape(ch) + _emit(node[ch], escape) for ch in kids]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "".join(chain) + (f"(?:{body})?" if "" in node else body)
