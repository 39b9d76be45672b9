"""An invented article written with forms of number and time the real one lacks.

A change ("grown by 18%") beside a level ("12%"), a unit a page may abbreviate ("19
weeks"), hedges after a fraction and a ratio ("a quarter or more", "one in four or
more"), "over" a duration as a span ("spread over three years"), a season with its article ("in
the spring"), a relative decade ("the past decade"), a model name that is no range
("737-800") and a date given as a bound ("no earlier than 2029"). Plainly invented: Harlow's clinic does not exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .helpers import write_project

ARTICLE = (
    "Waiting lists at the Harlow clinic have grown by 18%, the board said. "
    "Patients wait 19 weeks for surgery. "
    "A quarter or more of the beds are closed, and one in four or more of the nurses have left. "
    "The clinic keeps 12% of its beds for children. "
    "The $2bn upgrade will be spread over three years. "
    "The work starts in the spring, and the clinic has been full over the past decade. "
    "Patients are flown in on a Boeing 737-800. "
    "The new wing will open no earlier than 2029.\n"
)


def quantity(ident: str, text: str, value: float, hedge: str, exact: str) -> dict[str, Any]:
    return {"id": ident, "kind": "quantity", "text": text, "value": value, "hedge": hedge, "counts": ident,
            "evidence": {"exact": exact}}  # fmt: skip


def event(ident: str, text: str, when: str, exact: str) -> dict[str, Any]:
    return {"id": ident, "kind": "event", "text": text, "when": when, "what": ident, "evidence": {"exact": exact}}


CLAIMS: list[dict[str, Any]] = [
    quantity("lists-grown", "grown by 18%", 18, "exact", "have grown by 18%"),
    quantity("wait-19", "19 weeks", 19, "exact", "wait 19 weeks for surgery"),
    quantity("beds-quarter", "A quarter or more", 0.25, "lower_bound", "A quarter or more of the beds are closed"),
    quantity("nurses-one-in-four", "one in four or more", 0.25, "lower_bound", "one in four or more of the nurses have left"),
    quantity("beds-children", "12%", 12, "exact", "12% of its beds for children"),
    quantity("upgrade-cost", "$2bn", 2e9, "exact", "The $2bn upgrade"),
    quantity("upgrade-years", "three years", 3, "exact", "spread over three years"),
    event("work-spring", "the spring", "relative", "starts in the spring"),
    event("full-decade", "the past decade", "relative", "full over the past decade"),
    event("wing-opens", "2029", "absolute", "open no earlier than 2029"),
]


def build(root: Path, *, change: dict[str, dict[str, Any]] | None = None, pages: dict[str, str] | None = None) -> Path:
    """The project, with some claims' fields replaced."""
    claims = [{**c, **(change or {}).get(c["id"], {})} for c in CLAIMS]
    return write_project(root, ARTICLE, [], claims, pages)
