"""What a check is given: the project, where to report, and the helpers every rule shares.

:class:`PageContext` is one page being checked; :class:`SourceContext` is the
article and the claims being checked. Both collect findings, and both refuse a
finding of a rule the running check did not declare (see :mod:`claimdocs.rules.rule`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from claimdocs.article import Article
from claimdocs.findings import Finding, RuleId
from claimdocs.lexicon import QUOTE_CHARS, Lexicon, did_you_mean
from claimdocs.project import Project
from claimdocs.rules.tables import Tables

if TYPE_CHECKING:
    from claimdocs.rules.view import Mark


class Rule(Protocol):
    """What a context needs of a rule (:class:`claimdocs.rules.rule.Rule`): its id."""

    @property
    def id(self) -> RuleId: ...

#: How much of a text the "nearest text in the source" hint compares (difflib is quadratic).
NEAREST_CHARS = 200
#: At most this many different "nearest text" hints a page; later findings go without one.
NEAREST_BUDGET = 50
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Use:
    """One claim marker on a page (``role`` "claim"), or one entity marker (``role`` "person")."""

    claim: str
    path: str
    line: int
    col: int
    text: str
    role: str


class _Reporter:
    """Collects findings, only of the rules the running check declared."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self._allowed: frozenset[str] | None = None

    def allow(self, ids: frozenset[str] | None) -> frozenset[str] | None:
        """Accept findings of these rule ids only (None: any); the ids accepted before, to restore."""
        outer, self._allowed = self._allowed, ids
        return outer

    def _emit(self, finding: Finding) -> None:
        if self._allowed is not None and finding.rule not in self._allowed:
            raise AssertionError(f"a check of {sorted(self._allowed)} reported claims.{finding.rule}; declare it")
        self.findings.append(finding)


class PageContext(_Reporter):
    """One page being checked: its findings, the markers it uses, its ``{nofact}`` count."""

    def __init__(self, project: Project, tables: Tables, path: str, *, site_page: bool = False) -> None:
        super().__init__()
        self.project = project
        self.tables = tables
        self.path = path
        #: A page about the site itself (``site_pages``): its framing may go beyond the framing words.
        self.site_page = site_page
        self.lexicon: Lexicon = project.lexicon
        self.uses: list[Use] = []
        self.nofact = 0
        self._hinted: set[str] = set()  # texts given a "nearest text" hint on this page
        self._suggested: set[str] = set()  # ids given a "did you mean" on this page

    def add(self, line: int, col: int, rule: Rule, message: str, claim: str | None = None) -> None:
        """Record a finding; its message stays on one line whatever the page held."""
        message = _LINE_BREAKS.sub(" ", message)
        self._emit(Finding(self.path, line, col, rule.id, message, claim=claim))

    def at(self, mark: Mark, rule: Rule, message: str) -> None:
        """A finding at a marker, naming its claim."""
        self.add(mark.seg.line, mark.seg.col, rule, message, claim=mark.ident if mark.claim is not None else None)

    def nearest(self, text: str) -> str:
        """The article's text nearest ``text``, for a hint ("" past :data:`NEAREST_BUDGET` hints a page)."""
        article = self.project.article
        text = " ".join(text.split())[:NEAREST_CHARS]
        if article is None or not text:
            return ""
        if text not in self._hinted:
            if len(self._hinted) >= NEAREST_BUDGET:
                return ""  # the same for every page, whatever was checked before: a pure function
            self._hinted.add(text)
        memo = self.tables.nearest
        if text not in memo:
            if len(memo) > 4096:
                memo.clear()
            memo[text] = self.tables.nearest_text(article.text, text).strip(" " + QUOTE_CHARS + "'\u2018\u2019")
        return memo[text]

    def did_you_mean(self, ident: str, options: list[str]) -> str:
        """"; did you mean <id>?" for a misspelt id (remembered per project; "" past :data:`NEAREST_BUDGET` ids a page)."""
        key = (id(options), ident[:NEAREST_CHARS])
        if key[1] not in self._suggested:
            if len(self._suggested) >= NEAREST_BUDGET:
                return ""  # difflib over every id, for thousands of different ids, would take minutes
            self._suggested.add(key[1])
        memo = self.tables.close
        if key not in memo:
            if len(memo) > 4096:
                memo.clear()
            near = did_you_mean(key[1], options)
            memo[key] = f"; did you mean {near}?" if near else ""
        return memo[key]

    def label(self, entity: str) -> str:
        return self.project.registry.label(entity)


class SourceContext(_Reporter):
    """The article and the claims being checked."""

    def __init__(self, project: Project, article: Article | None) -> None:
        super().__init__()
        self.project = project
        self._article = article
        #: Where each claim's evidence is anchored in the article (filled by the evidence rules,
        #: read by every per-claim check: a claim whose evidence is not found is checked no further).
        self.spans: dict[str, tuple[int, int]] = {}

    @property
    def article(self) -> Article:
        """The article; only checks that declare they need it run, and only when it was read."""
        if self._article is None:
            raise RuntimeError("a check that needs the article ran without one")
        return self._article

    @property
    def lexicon(self) -> Lexicon:
        return self.project.lexicon

    def report(self, ident: str, rule: Rule, message: str) -> None:
        """A finding at the claim's (or entity's) line in its YAML file."""
        self._emit(self.project.finding(ident, rule.id, message))

    def report_at(self, path: str, line: int, col: int, rule: Rule, message: str) -> None:
        """A finding at a place in a claims file that is no claim's (a ``waivers:`` entry)."""
        self._emit(Finding(path, line, col, rule.id, message))

    def report_in_article(self, offset: int, rule: Rule, message: str) -> None:
        """A finding at a place in the article."""
        line, col = self.article.line_col(offset)
        self._emit(Finding(self.article.path, line, col, rule.id, message))

    def label(self, entity: str) -> str:
        return self.project.registry.label(entity)
