"""An invented article written with the quotation conventions of news writing the real one lacks.

A follow-on quotation (“…,” said Levi. “…”), a quotation split around its attribution,
a quotation running over two paragraphs, and words the article quotes in its own voice
(scare quotes, a title). Plainly invented: Riverton and its people do not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .helpers import write_project

ARTICLE = (
    "The Riverton council voted to close the old bridge. "
    "“We cannot wait any longer,” said Dana Levi, the mayor. “The bridge is not safe.”\n"
    "“Part of the budget is spent,” Levi said, “and the rest is promised.”\n"
    "The council’s report, “Crossing Riverton”, calls the closure a saving. "
    "Its “savings” would pay for a ferry.\n"
    "Omar Ortiz, a councillor, answered, “The ferry is a waste of money.\n"
    "“Nobody asked the town.”\n"
    "Ortiz said the plan was “a rush job” and left the meeting."
)

ENTITIES: list[dict[str, Any]] = [
    {"id": "levi", "kind": "person", "name": "Dana Levi", "aliases": ["Levi", "Mayor Levi"], "pronouns": ["she", "her"]},
    {"id": "ortiz", "kind": "person", "name": "Omar Ortiz", "aliases": ["Ortiz"], "pronouns": ["he", "him", "his"]},
    {"id": "council", "kind": "organisation", "name": "Riverton council", "aliases": ["the council"]},
    {"id": "riverton", "kind": "place", "name": "Riverton"},
]

CLAIMS: list[dict[str, Any]] = [
    {"id": "levi-wait", "kind": "quote", "speaker": "levi", "form": "full", "text": "We cannot wait any longer,",
     "evidence": {"exact": "We cannot wait any longer,"}},
    # a follow-on: the sentence is nothing but the quotation, after one attributed to Levi
    {"id": "levi-unsafe", "kind": "quote", "speaker": "levi", "form": "full", "text": "The bridge is not safe.",
     "evidence": {"exact": "The bridge is not safe."}},
    # split around its attribution: one claim, the halves joined by an elision
    {"id": "levi-budget", "kind": "quote", "speaker": "levi", "form": "full",
     "text": "Part of the budget is spent, … and the rest is promised.",
     "evidence": {"exact": "Part of the budget is spent,” Levi said, “and the rest is promised."}},
    # the article's own quotation marks: a title and scare quotes, no speaker
    {"id": "report-title", "kind": "term", "usage": "title", "text": "Crossing Riverton",
     "means": "the title of the council's report", "evidence": {"exact": "“Crossing Riverton”"}},
    {"id": "savings", "kind": "term", "usage": "scare-quotes", "text": "savings",
     "means": "what the report says the closure saves", "evidence": {"exact": "“savings”"}},
    # a quotation over two paragraphs: the second opens again, with no attribution of its own
    {"id": "ortiz-waste", "kind": "quote", "speaker": "ortiz", "form": "full", "text": "The ferry is a waste of money.",
     "evidence": {"exact": "The ferry is a waste of money."}},
    {"id": "ortiz-nobody", "kind": "quote", "speaker": "ortiz", "form": "full", "text": "Nobody asked the town.",
     "evidence": {"exact": "Nobody asked the town."}},
    {"id": "ortiz-rush", "kind": "quote", "speaker": "ortiz", "form": "partial", "text": "a rush job",
     "evidence": {"exact": "“a rush job”"}},
]


def build(root: Path, *, article: str = ARTICLE, change: dict[str, dict[str, Any]] | None = None,
          drop: tuple[str, ...] = (), add: list[dict[str, Any]] | None = None, **extra: object) -> Path:
    """The project, with some claims changed (fields replaced), dropped or added."""
    claims = [{**c, **(change or {}).get(c["id"], {})} for c in CLAIMS if c["id"] not in drop]
    return write_project(root, article, ENTITIES, [*claims, *(add or [])], **extra)
