"""What every check produces: a :class:`Finding`, named by a typed :class:`RuleId`.

This module sits at the bottom of the package (it imports nothing of it), so the
loader, the rules, the Sphinx layer and the command line can all produce findings.
The catalogue of rules (summaries, the kinds they apply to, their documentation)
is :mod:`claimdocs.rules.registry`, built from these ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Severity = Literal["error", "warning"]


class RuleId(StrEnum):
    """The stable name of a rule: ``claims.<id>`` in every report and Sphinx warning.

    A user looks a rule up by this name and silences it in Sphinx with
    ``suppress_warnings = ["claims.<id>"]``; renaming one breaks their configuration.
    """

    # inputs: the files can be read at all
    CONFIG = "config"
    SOURCE = "source"
    YAML = "yaml"
    SCHEMA = "schema"
    DUPLICATE_ID = "duplicate-id"
    PAGE = "page"
    # the article to the claims
    REFERENCE = "reference"
    EVIDENCE = "evidence"
    OFFSETS = "offsets"
    COVERAGE = "coverage"
    DRAFT = "draft"
    # both halves
    VALUE = "value"
    HEDGE = "hedge"
    QUOTE = "quote"
    SPEAKER = "speaker"
    OFFICE = "office"
    ATTRIBUTION = "attribution"
    POSITION = "position"
    STATEMENT = "statement"
    # the claims to the pages
    SUPPORT = "support"
    MARKER = "marker"
    POLARITY = "polarity"
    FRAMING = "framing"
    OUTSIDE = "outside"
    NAME = "name"
    UNBACKED = "unbacked"
    SYNTAX = "syntax"
    UNKNOWN_ID = "unknown-id"
    UNUSED = "unused"
    # the waivers themselves
    WAIVER = "waiver"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, located in a file: what was expected, what was found."""

    path: str
    line: int
    col: int
    rule: RuleId
    message: str
    claim: str | None = field(default=None, compare=False)
    severity: Severity = field(default="error", compare=False)

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [claims.{self.rule}]"


@dataclass(frozen=True, order=True)
class Waived:
    """A finding an editor waived: the finding, the waiver's reason, and where the waiver is written.

    Never silenced unseen: every report counts and lists these (``waived`` in JSON, suppressed
    results in SARIF, the "How this site is checked" page).
    """

    finding: Finding
    reason: str
    #: The file and line of the waiver (a page's ``% claims: ignore[...]`` line, a claim, a ``waivers:`` entry).
    path: str
    line: int


class CannotRun(Exception):
    """The checker cannot run at all (exit 2): bad arguments or configuration."""
