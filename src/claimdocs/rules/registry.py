"""The registry: every rule family, in the order the engine runs them.

Adding a rule is one new module under ``claimdocs/rules/`` (its docstring the
specification, a :class:`~claimdocs.rules.rule.Rule` and its checks, ``RULES``
and ``CHECKS`` at the end), its test file ``tests/rules/test_<module>.py``, an id
in :class:`claimdocs.findings.RuleId`, and one line in :data:`FAMILY_MODULES`.

The catalogue of rules on the site, in the README and in SARIF reports is made
from this registry (:func:`catalogue_markdown`), so it cannot disagree with the code.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType

from claimdocs.findings import RuleId
from claimdocs.model import AnyClaim
from claimdocs.rules import (
    attribution,
    coverage,
    evidence,
    inputs,
    office,
    position,
    quote,
    reference,
    speaker,
    statement,
    unbacked,
    value,
)
from claimdocs.rules.rule import (
    AnyCheck,
    BlockCheck,
    ClaimCheck,
    Family,
    MarkCheck,
    PageCheck,
    ProjectCheck,
    Rule,
)

#: Every family, in the order its checks run (evidence first: it anchors the claims the others check).
FAMILY_MODULES: tuple[ModuleType, ...] = (
    inputs,
    evidence,
    reference,
    value,
    quote,
    speaker,
    office,
    attribution,
    position,
    statement,
    coverage,
    unbacked,
)


def _family(module: ModuleType) -> Family:
    name = module.__name__.rsplit(".", 1)[-1]
    return Family(name, inspect.cleandoc(module.__doc__ or ""), tuple(module.RULES), tuple(module.CHECKS))


FAMILIES: tuple[Family, ...] = tuple(_family(m) for m in FAMILY_MODULES)
#: Every rule by id.
RULES: dict[RuleId, Rule] = {rule.id: rule for family in FAMILIES for rule in family.rules}
#: The family each rule is documented in.
FAMILY_OF: dict[RuleId, Family] = {rule.id: family for family in FAMILIES for rule in family.rules}


def checks() -> Iterator[AnyCheck]:
    for family in FAMILIES:
        yield from family.checks


MARK_CHECKS: tuple[MarkCheck[AnyClaim], ...] = tuple(c for c in checks() if isinstance(c, MarkCheck))
BLOCK_CHECKS: tuple[BlockCheck, ...] = tuple(c for c in checks() if isinstance(c, BlockCheck))
PAGE_CHECKS: tuple[PageCheck, ...] = tuple(c for c in checks() if isinstance(c, PageCheck))
CLAIM_CHECKS: tuple[ClaimCheck[AnyClaim], ...] = tuple(c for c in checks() if isinstance(c, ClaimCheck))
PROJECT_CHECKS: tuple[ProjectCheck, ...] = tuple(c for c in checks() if isinstance(c, ProjectCheck))

_HALVES = {"inputs": "reading the inputs", "article": "the article to the claims", "pages": "the claims to the pages",
           "both": "both halves"}


def summary(rule: str) -> str:
    """The one-line summary of a rule (the id itself for an unknown one)."""
    try:
        return RULES[RuleId(rule)].summary
    except (ValueError, KeyError):
        return str(rule)


def catalogue_rows() -> list[tuple[str, str, str, str]]:
    """(rule, half, kinds, summary) for every rule, in registry order."""
    return [
        (f"claims.{rule.id}", _HALVES[rule.half], ", ".join(rule.kinds) or "any", rule.summary)
        for family in FAMILIES
        for rule in family.rules
    ]


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (the README's, between its rule markers)."""
    lines = ["| rule | checks | kinds | what a finding means |", "|---|---|---|---|"]
    lines += [f"| `{r}` | {h} | {k} | {s} |" for r, h, k, s in catalogue_rows()]
    return "\n".join(lines) + "\n"
