"""An invented article for the tracing rules: a water board, its engineers, a mayor and their critics.

Plainly invented: Kelbrook and its people do not exist. Each sentence holds what one tracing
rule must tell apart: a negation outside a claim's own evidence ("without testing"), a negation
governing a noun that a clause after it uses without one ("works without the old rules that once
guided the valley"), two
figures with the same value ("three inspectors", "three new pumps"), a passive hedge ("is
widely seen as", "are believed to", after a source of another clause), an assertion with its own
hedge ("seemed to") and its contest in the next sentence, a count whose people the sentence before names ("These two engineers"), an office
naming an organisation that has other names ("the chief engineer of the Kelbrook water board").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .helpers import write_project

ARTICLE = (
    "The Kelbrook water board closed 40 wells, without testing the water in them. "
    "According to three inspectors familiar with the review, Hana Brandt, the chief engineer of the Kelbrook "
    "water board, opposed the closures.\n"
    "Tomas Velle, the mayor, had favored three new pumps, which the board had largely rejected. "
    "Mr. Velle is widely seen as a cautious leader and has vowed to repair the pumps if the board fails to pay.\n"
    "Ms. Brandt and Jonas Oker had warned the board about the wells. These two engineers were overruled.\n"
    "“We closed them too fast,” said Mr. Velle.\n"
    "About 200 families have left the valley, according to the inspectors, but an estimated 900 are believed to "
    "remain.\n"
    "Critics of the board contend that the closures seemed to serve its budget. The board denies these claims.\n"
    "The new board works without the old rules that once guided the valley."
)

ENTITIES: list[dict[str, Any]] = [
    {"id": "brandt", "kind": "person", "name": "Hana Brandt", "aliases": ["Ms. Brandt", "Brandt"],
     "pronouns": ["she", "her"], "evidence": {"exact": "Hana Brandt"}},
    {"id": "velle", "kind": "person", "name": "Tomas Velle", "aliases": ["Mr. Velle", "Velle"],
     "pronouns": ["he", "him", "his"], "evidence": {"exact": "Tomas Velle"}},
    {"id": "oker", "kind": "person", "name": "Jonas Oker", "aliases": ["Mr. Oker", "Oker"],
     "pronouns": ["he", "him", "his"], "evidence": {"exact": "Jonas Oker"}},
    {"id": "board", "kind": "organisation", "name": "Kelbrook water board", "aliases": ["the water board", "the board"],
     "evidence": {"exact": "Kelbrook water board", "suffix": " closed"}},
    {"id": "inspectors", "kind": "group", "name": "inspectors familiar with the review", "aliases": ["the inspectors"],
     "evidence": {"exact": "inspectors familiar with the review"}},
    {"id": "critics", "kind": "group", "name": "critics of the board", "aliases": ["critics"],
     "evidence": {"exact": "Critics of the board"}},
    {"id": "kelbrook", "kind": "place", "name": "Kelbrook"},
]

CLAIMS: list[dict[str, Any]] = [
    {"id": "wells-closed", "kind": "quantity", "text": "40", "value": 40, "hedge": "exact",
     "counts": "wells the Kelbrook water board closed", "evidence": {"exact": "closed 40 wells"}},
    {"id": "inspectors-count", "kind": "quantity", "text": "three", "value": 3, "hedge": "exact",
     "counts": "inspectors familiar with the review", "evidence": {"exact": "three inspectors"}},
    {"id": "brandt-chief-engineer", "kind": "role", "person": "brandt",
     "text": "the chief engineer of the Kelbrook water board", "office": ["chief engineer of the Kelbrook water board"],
     "organisation": "board", "evidence": {"exact": "the chief engineer of the Kelbrook water board"}},
    {"id": "brandt-opposed", "kind": "stance", "actors": ["brandt"], "position": "opposed", "on": "the closures",
     "according_to": "inspectors", "evidence": {"exact": "opposed the closures"}},
    {"id": "velle-mayor", "kind": "role", "person": "velle", "text": "the mayor", "office": ["mayor"],
     "evidence": {"exact": "the mayor"}},
    {"id": "pumps-count", "kind": "quantity", "text": "three", "value": 3, "hedge": "exact",
     "counts": "new pumps Tomas Velle favored", "evidence": {"exact": "three new pumps"}},
    {"id": "velle-cautious", "kind": "statement", "about": ["velle"],
     "statement": "Mr. Velle is widely seen as a cautious leader.",
     "evidence": {"exact": "Mr. Velle is widely seen as a cautious leader"}},
    {"id": "velle-vowed", "kind": "stance", "actors": ["velle"], "position": "vowed", "on": "to repair the pumps",
     "evidence": {"exact": "has vowed to repair the pumps"}},
    {"id": "engineers-warned", "kind": "stance", "actors": ["brandt", "oker"], "position": "warned",
     "on": "the wells", "evidence": {"exact": "had warned the board about the wells"}},
    {"id": "engineers-count", "kind": "quantity", "text": "two", "value": 2, "hedge": "exact",
     "counts": "engineers (Hana Brandt and Jonas Oker) who were overruled",
     "evidence": {"exact": "These two engineers"}},
    {"id": "velle-too-fast", "kind": "quote", "speaker": "velle", "form": "full", "text": "We closed them too fast,",
     "evidence": {"exact": "We closed them too fast,"}},
    {"id": "families-left", "kind": "quantity", "text": "About 200", "value": 200, "hedge": "approximate",
     "counts": "families who have left the valley", "according_to": "inspectors",
     "evidence": {"exact": "About 200 families have left the valley"}},
    # after "but": the inspectors are not its source, the hedge is its own
    {"id": "families-remaining", "kind": "quantity", "text": "an estimated 900", "value": 900, "hedge": "approximate",
     "counts": "families believed to remain in the valley", "evidence": {"exact": "an estimated 900 are believed to remain"}},
    {"id": "wells-untested", "kind": "statement", "about": ["board"],
     "statement": "The Kelbrook water board closed the wells without testing the water in them.",
     "evidence": {"exact": "without testing the water in them"}},
    {"id": "board-rules", "kind": "statement", "about": ["board"],
     "statement": "The new board works without the old rules that once guided the valley.",
     "evidence": {"exact": "The new board works without the old rules that once guided the valley"}},
    {"id": "critics-budget", "kind": "assertion", "asserted_by": ["critics"], "verb": "contend",
     "statement": "the closures seemed to serve the board's budget", "contested_by": ["board"],
     "contest_verb": "denies", "evidence": {"exact": "Critics of the board contend that the closures seemed to serve its budget"}},
    {"id": "board-denies", "kind": "stance", "actors": ["board"], "position": "denied", "on": "the critics' claims",
     "evidence": {"exact": "The board denies these claims"}},
]


def build(root: Path, **extra: object) -> Path:
    return write_project(root, ARTICLE, ENTITIES, CLAIMS, **extra)
