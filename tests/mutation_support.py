"""What the mutation suites share: the real pages, their markers and sentences, and how an edit is judged.

:mod:`test_mutations` mutates every claim marker in every way its kind allows;
:mod:`test_mutations_trace` mutates the prose around them (issue 12: every sentence
traced to the article). Both read the real pages (``docs/*.md``) and the real claims,
and hold each wrong edit to the page and line where it was made.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from claimdocs.model import Entity
from claimdocs.pages import parse_page, split_role
from claimdocs.project import Project
from claimdocs.rules.engine import check_page
from claimdocs.rules.sentences import sentences_of
from claimdocs.rules.tables import tables_of
from claimdocs.rules.view import View
from conftest import ROOT

DOCS = ROOT / "docs"
MARKER = re.compile(r"\{(claim|person)\}`([^`]*)`")


@dataclass(frozen=True)
class Marker:
    path: str
    start: int  # offsets of the whole ``{claim}`...``` in the page source
    end: int
    line: int
    end_line: int
    role: str
    written: str
    target: str | None


@dataclass(frozen=True)
class Mutation:
    kind: str  # what was changed (figure, hedge, quotation word, speaker, ...)
    path: str
    text: str  # the whole mutated page
    rules: frozenset[str]  # rules allowed to catch it
    lines: frozenset[int]  # lines where the finding must be reported
    note: str


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def markers(project: Project, path: str, text: str) -> list[Marker]:
    """The claim and person markers the checker sees (not the examples in code)."""
    used = {(u.line, u.col) for u in check_page(project, path, text).uses}
    out = []
    for m in MARKER.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        if (line, col) not in used:
            continue
        written, target = split_role(m.group(2))
        out.append(Marker(path, m.start(), m.end(), line, text.count("\n", 0, m.end()) + 1, m.group(1), written, target))
    return out


def with_marker(text: str, mk: Marker, written: str, target: str | None = None) -> str:
    ident = target if target is not None else mk.target
    return f"{text[: mk.start]}{{{mk.role}}}`{written} <{ident}>`{text[mk.end :]}"


def names_of(entity: Entity) -> list[str]:
    return sorted(entity.names, key=len, reverse=True)


# ---------------------------------------------------------------- sentences, in page source offsets


_ROLE_AT = re.compile(r"\{[\w:-]+\}`[^`]*`")


@dataclass(frozen=True)
class PageSentence:
    """A sentence a reader sees on a page, located in the page's source (what an edit changes)."""

    path: str
    start: int  # source offsets, end exclusive
    end: int
    line: int
    end_line: int
    block: int  # index of its block (paragraph, heading, list item, card title ...) on the page
    block_kind: str
    claims: tuple[str, ...]  # the claims of its {claim} markers (and of the quotation it leads into)
    persons: tuple[str, ...]  # the entities of its {person} markers
    marks: tuple[Marker, ...]  # its {claim} and {person} markers written "text <id>"
    lead_in: bool  # the last sentence before a {claim-quote}: it rests on the quotation's claim
    shown: str  # its text as a reader sees it

    def lines(self) -> frozenset[int]:
        return frozenset(range(self.line, self.end_line + 1))


class Source:
    """A page's source with line starts, to turn the parser's lines and columns into offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def offset(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col - 1

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def page_sentences(project: Project, path: str, text: str) -> list[PageSentence]:
    """Every sentence of the page as the checker splits it, with its source span, claims and markers."""
    page = parse_page(text, path, extensions=project.myst_extensions)
    tables = tables_of(project)
    src = Source(text)
    views = [View(block, project, i) for i, block in enumerate(page.blocks)]
    lead_in_blocks: dict[int, list[str]] = {}
    block_lines = [v.block.line for v in views]
    for directive in page.directives:
        if directive.name == "claim-quote" and directive.argument.strip() in project.claims:
            i = max((k for k, line in enumerate(block_lines) if line < directive.line), default=-1)
            if i >= 0:
                lead_in_blocks.setdefault(i, []).append(directive.argument.strip())
    all_marks = {(m.start): m for m in markers(project, path, text)}
    roles = [m.span() for m in _ROLE_AT.finditer(text)]
    role_starts = [r[0] for r in roles]
    out: list[PageSentence] = []
    for view in views:
        found = sentences_of(view, None, tables)
        for n, sentence in enumerate(found):
            start = src.offset(*view.position(sentence.start))
            while start and text[start - 1] in "[*_":  # markup opening the sentence ("[Read more](...)") is part of it
                start -= 1
            last = src.offset(*view.position(sentence.end - 1))
            k_role = bisect.bisect_right(role_starts, last) - 1  # a sentence ending in a role ends after it
            end = roles[k_role][1] if k_role >= 0 and roles[k_role][0] <= last < roles[k_role][1] else last + 1
            claims = [c.id for c in sentence.claims]
            lead_in = n == len(found) - 1 and view.index in lead_in_blocks
            if lead_in:
                claims += lead_in_blocks[view.index]
            marks = tuple(m for s, m in sorted(all_marks.items()) if start <= s < end and m.target is not None)
            out.append(PageSentence(
                path, start, end, src.line(start), src.line(max(start, end - 1)), view.index, view.block.kind,
                tuple(dict.fromkeys(claims)), tuple(dict.fromkeys(sentence.persons)), marks, lead_in, sentence.text,
            ))
    return out


def sentence_at(sentences: list[PageSentence], offset: int) -> PageSentence | None:
    """The sentence whose source span holds ``offset``."""
    return next((s for s in sentences if s.start <= offset < s.end), None)
