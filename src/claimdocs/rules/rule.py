"""What a rule is, and the hooks through which its checks run.

A :class:`Rule` is what a user sees: a stable id (``claims.<id>``), a one-line
summary and the claim kinds it applies to. Its checks are plain functions,
registered with a decorator that says where the engine calls them:

=====================  =====================================================  ==========
decorator              called with                                            half
=====================  =====================================================  ==========
:func:`on_project`     the project, once                                      the article
:func:`on_claim`       each claim of the given kinds whose evidence anchors   the article
:func:`on_mark`        each ``{claim}`` marker of a claim of the given kinds   the pages
:func:`on_block`       each block of prose (paragraph, heading, cell, title)  the pages
:func:`on_sentence`    each sentence a reader sees, with the claims behind it the pages
:func:`on_page`        each page, after its blocks                            the pages
=====================  =====================================================  ==========

A check reports only the rules it declares (``emits``); the context refuses any
other, so the catalogue always says which family a finding comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from claimdocs.caching import cached_property
from claimdocs.findings import RuleId
from claimdocs.model import AnyClaim

if TYPE_CHECKING:
    from claimdocs.pages import Page
    from claimdocs.rules.context import PageContext, SourceContext
    from claimdocs.rules.sentences import Sentence
    from claimdocs.rules.view import Mark, View

Half = Literal["inputs", "article", "pages", "both"]
C = TypeVar("C", bound=AnyClaim)


@dataclass(frozen=True)
class Rule:
    """One rule as users know it: ``claims.<id>``, what it guarantees, the kinds it looks at."""

    id: RuleId
    #: One line: what a finding of this rule means.
    summary: str
    #: Which half of the chain it checks.
    half: Half
    #: The claim kinds it applies to ("quantity", ...); empty when it is not about one kind.
    kinds: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"claims.{self.id}"


class _Declares:
    """What a check declares it reports: its rules, and their ids worked out once (the engine hands
    them to the context at every call)."""

    emits: tuple[Rule, ...]

    @cached_property
    def ids(self) -> frozenset[str]:
        # kept in the instance's __dict__ at first use (a frozen dataclass allows it): no check class declares a field
        return frozenset(r.id for r in self.emits)


@dataclass(frozen=True)
class MarkCheck(_Declares, Generic[C]):
    """Runs on every ``{claim}`` marker whose claim is one of ``kinds``."""

    fn: Callable[[PageContext, View, Mark, C], None]
    emits: tuple[Rule, ...]
    kinds: tuple[type[AnyClaim], ...]
    #: Also on bare markers (``{claim}`id```), whose text is the claim's own.
    bare: bool = False

    def __call__(self, ctx: PageContext, view: View, mark: Mark, claim: C) -> None:
        outer = ctx.allow(self.ids)
        try:
            self.fn(ctx, view, mark, claim)
        finally:
            ctx.allow(outer)


@dataclass(frozen=True)
class BlockCheck(_Declares):
    """Runs on every block of prose a reader sees."""

    fn: Callable[[PageContext, View], None]
    emits: tuple[Rule, ...]

    def __call__(self, ctx: PageContext, view: View) -> None:
        outer = ctx.allow(self.ids)
        try:
            self.fn(ctx, view)
        finally:
            ctx.allow(outer)


@dataclass(frozen=True)
class SentenceCheck(_Declares):
    """Runs on every sentence of every block (:class:`claimdocs.rules.sentences.Sentence`)."""

    fn: Callable[[PageContext, Sentence], None]
    emits: tuple[Rule, ...]

    def __call__(self, ctx: PageContext, sentence: Sentence) -> None:
        outer = ctx.allow(self.ids)
        try:
            self.fn(ctx, sentence)
        finally:
            ctx.allow(outer)


@dataclass(frozen=True)
class PageCheck(_Declares):
    """Runs once a page, after its blocks."""

    fn: Callable[[PageContext, Page], None]
    emits: tuple[Rule, ...]

    def __call__(self, ctx: PageContext, page: Page) -> None:
        outer = ctx.allow(self.ids)
        try:
            self.fn(ctx, page)
        finally:
            ctx.allow(outer)


@dataclass(frozen=True)
class ClaimCheck(_Declares, Generic[C]):
    """Runs on every claim of ``kinds`` whose evidence is anchored at [start, end) of the article."""

    fn: Callable[[SourceContext, C, int, int], None]
    emits: tuple[Rule, ...]
    kinds: tuple[type[AnyClaim], ...]

    def __call__(self, ctx: SourceContext, claim: C, start: int, end: int) -> None:
        outer = ctx.allow(self.ids)
        try:
            self.fn(ctx, claim, start, end)
        finally:
            ctx.allow(outer)


@dataclass(frozen=True)
class ProjectCheck(_Declares):
    """Runs once over the whole project (the article and every claim)."""

    fn: Callable[[SourceContext], None]
    emits: tuple[Rule, ...]
    #: Runs only when the article could be read (else its absence is the finding).
    needs_article: bool = True

    def __call__(self, ctx: SourceContext) -> None:
        outer = ctx.allow(self.ids)
        try:
            self.fn(ctx)
        finally:
            ctx.allow(outer)


AnyCheck = MarkCheck[AnyClaim] | BlockCheck | SentenceCheck | PageCheck | ClaimCheck[AnyClaim] | ProjectCheck


def on_mark(
    *emits: Rule, kinds: tuple[type[AnyClaim], ...], bare: bool = False
) -> Callable[[Callable[[PageContext, View, Mark, C], None]], MarkCheck[C]]:
    """Register a marker check; the type of its ``claim`` parameter must be the union of ``kinds``
    (a test holds every check to it)."""

    def wrap(fn: Callable[[PageContext, View, Mark, C], None]) -> MarkCheck[C]:
        return MarkCheck(fn, emits, kinds, bare)

    return wrap


def on_block(*emits: Rule) -> Callable[[Callable[[PageContext, View], None]], BlockCheck]:
    def wrap(fn: Callable[[PageContext, View], None]) -> BlockCheck:
        return BlockCheck(fn, emits)

    return wrap


def on_sentence(*emits: Rule) -> Callable[[Callable[[PageContext, Sentence], None]], SentenceCheck]:
    def wrap(fn: Callable[[PageContext, Sentence], None]) -> SentenceCheck:
        return SentenceCheck(fn, emits)

    return wrap


def on_page(*emits: Rule) -> Callable[[Callable[[PageContext, Page], None]], PageCheck]:
    def wrap(fn: Callable[[PageContext, Page], None]) -> PageCheck:
        return PageCheck(fn, emits)

    return wrap


def on_claim(
    *emits: Rule, kinds: tuple[type[AnyClaim], ...]
) -> Callable[[Callable[[SourceContext, C, int, int], None]], ClaimCheck[C]]:
    """Register a claim check; as for :func:`on_mark`, its ``claim`` parameter is the union of ``kinds``."""

    def wrap(fn: Callable[[SourceContext, C, int, int], None]) -> ClaimCheck[C]:
        return ClaimCheck(fn, emits, kinds)

    return wrap


def on_project(*emits: Rule, needs_article: bool = True) -> Callable[[Callable[[SourceContext], None]], ProjectCheck]:
    def wrap(fn: Callable[[SourceContext], None]) -> ProjectCheck:
        return ProjectCheck(fn, emits, needs_article)

    return wrap


@dataclass(frozen=True)
class Family:
    """One module of rules: its name, its specification (the docstring), its rules and checks."""

    name: str
    doc: str
    rules: tuple[Rule, ...]
    checks: tuple[AnyCheck, ...] = field(default=())
