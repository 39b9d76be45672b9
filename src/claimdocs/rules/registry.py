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
import re
from collections.abc import Iterator
from types import ModuleType

from claimdocs.findings import RuleId
from claimdocs.model import AnyClaim
from claimdocs.rules import (
    attribution,
    coverage,
    draft,
    evidence,
    framing,
    inputs,
    office,
    outside,
    polarity,
    position,
    quote,
    reference,
    speaker,
    statement,
    support,
    unbacked,
    value,
    waiver,
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
    SentenceCheck,
)

#: Every family, in the order its checks run (evidence first: it anchors the claims the others check).
FAMILY_MODULES: tuple[ModuleType, ...] = (
    inputs,
    evidence,
    draft,
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
    support,
    polarity,
    framing,
    outside,
    waiver,
)


def _family(module: ModuleType) -> Family:
    name = module.__name__.rsplit(".", 1)[-1]
    return Family(name, inspect.cleandoc(module.__doc__ or ""), tuple(module.RULES), tuple(module.CHECKS))


FAMILIES: tuple[Family, ...] = tuple(_family(m) for m in FAMILY_MODULES)
#: Every rule by id.
RULES: dict[RuleId, Rule] = {rule.id: rule for family in FAMILIES for rule in family.rules}


def checks() -> Iterator[AnyCheck]:
    for family in FAMILIES:
        yield from family.checks


MARK_CHECKS: tuple[MarkCheck[AnyClaim], ...] = tuple(c for c in checks() if isinstance(c, MarkCheck))
BLOCK_CHECKS: tuple[BlockCheck, ...] = tuple(c for c in checks() if isinstance(c, BlockCheck))
SENTENCE_CHECKS: tuple[SentenceCheck, ...] = tuple(c for c in checks() if isinstance(c, SentenceCheck))
PAGE_CHECKS: tuple[PageCheck, ...] = tuple(c for c in checks() if isinstance(c, PageCheck))
CLAIM_CHECKS: tuple[ClaimCheck[AnyClaim], ...] = tuple(c for c in checks() if isinstance(c, ClaimCheck))
PROJECT_CHECKS: tuple[ProjectCheck, ...] = tuple(c for c in checks() if isinstance(c, ProjectCheck))

#: What each half of the chain is called, in the order a reader meets them.
HALVES: dict[str, str] = {
    "inputs": "Reading the inputs",
    "article": "From the article to the claims",
    "both": "Both halves: the claims and the pages",
    "pages": "From the claims to the pages",
}


def summary(rule: str) -> str:
    """The one-line summary of a rule (the id itself for an unknown one)."""
    try:
        return RULES[RuleId(rule)].summary
    except (ValueError, KeyError):
        return str(rule)


_RULE_HEAD = re.compile(r"^``(?P<id>[a-z-]+)``(?P<note>[^\n]*)$")


def rule_docs() -> dict[RuleId, list[str]]:
    """Each rule's specification, read from its family's docstring: its paragraphs, in order.

    A family docstring specifies a rule in a definition list: a line ````value```` (maybe
    followed by a note, "(in prose)") at the left margin, then its text, indented. A rule
    may be specified in more than one family (an office found unmarked in prose is the
    office family's ``unbacked``): each family's text is kept, its own family's first.
    """
    docs: dict[RuleId, list[str]] = {}
    for family in FAMILIES:
        lines = family.doc.splitlines()
        i = 0
        while i < len(lines):
            m = _RULE_HEAD.match(lines[i])
            if m is None or m.group("id") not in RuleId.__members__.values():
                i += 1
                continue
            body: list[str] = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                body.append(lines[i].strip())
                i += 1
            paragraphs = [" ".join(p.split()) for p in "\n".join(body).split("\n\n") if p.strip()]
            if not paragraphs:
                continue  # a line of prose that happens to start with a rule's id: not its specification
            note = m.group("note").strip()
            rule_id = RuleId(m.group("id"))
            if note:
                paragraphs = [f"{note[1:-1] if note.startswith('(') else note}: {paragraphs[0]}", *paragraphs[1:]]
            own = rule_id in {r.id for r in family.rules}
            existing = docs.setdefault(rule_id, [])
            docs[rule_id] = [*paragraphs, *existing] if own else [*existing, *paragraphs]
    return docs


def catalogue_rows() -> list[tuple[str, str, str, str]]:
    """(rule, half, kinds, summary) for every rule, in registry order."""
    return [
        (f"claims.{rule.id}", HALVES[rule.half].lower(), ", ".join(rule.kinds) or "any", rule.summary)
        for family in FAMILIES
        for rule in family.rules
    ]


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (the README's, between its rule markers)."""
    lines = ["| rule | checks | kinds | what a finding means |", "|---|---|---|---|"]
    lines += [f"| `{r}` | {h} | {k} | {s} |" for r, h, k, s in catalogue_rows()]
    return "\n".join(lines) + "\n"
