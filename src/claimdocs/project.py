"""Loading a project once: the article, its metadata, the entities and the claims.

This is the single engine's entry point: pytest, the command line and the Sphinx
extension all call :func:`load_project` and then the rule modules on its result.
Loading never raises for bad input; every problem becomes a :class:`Finding`.
"""

from __future__ import annotations

import bisect
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from claimdocs.article import Article
from claimdocs.config import Config, myst_extensions
from claimdocs.files import MAX_ARTICLE_BYTES, Refused, confine, is_utf8_name, read_input
from claimdocs.findings import Finding, RuleId
from claimdocs.lexicon import DEFAULT, Lexicon
from claimdocs.loader import decode, load_yaml, validate
from claimdocs.model import AnyClaim, ArticleWaiver, Claim, ClaimsFile, Entity, Role, SourceMeta, Vocabulary
from claimdocs.myst import DEFAULT_EXTENSIONS, check_extensions
from claimdocs.registry import Registry

T = TypeVar("T")


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    col: int


@dataclass
class Project:
    config: Config
    article: Article | None = None
    meta: SourceMeta | None = None
    entities: dict[str, Entity] = field(default_factory=dict)
    claims: dict[str, AnyClaim] = field(default_factory=dict)
    where: dict[str, Location] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: The words the rules read prose with (English defaults).
    lexicon: Lexicon = DEFAULT
    #: The project's topics (id -> title), from its vocabulary: where claims belong.
    topics: dict[str, str] = field(default_factory=dict)
    #: The topics the positions view has a column for, in order.
    disputes: list[str] = field(default_factory=list)
    #: Findings in the article waived by their text (the claims files' ``waivers:``), with where each is written.
    waivers: list[tuple[ArticleWaiver, Location]] = field(default_factory=list)
    #: The MyST extensions the pages are read with: the ones Sphinx uses (:func:`claimdocs.config.myst_extensions`).
    myst_extensions: frozenset[str] = DEFAULT_EXTENSIONS
    _registry: Registry | None = None
    _roles: tuple[int, int, dict[str, list[Role]], dict[str, list[int]]] | None = None

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry(self.entities)
        return self._registry

    def roles_of(self, person: str) -> list[Role]:
        """The person's role claims in article order (then by id), indexed once (not a scan per call)."""
        return self._role_index()[0].get(person, [])

    def nearest_role(self, person: str, offset: int) -> Role | None:
        """The person's role claim whose evidence starts nearest ``offset`` (ties: the lower id).

        A bisection, not a scan: a quotation's speaker may hold many role claims on a large site.
        """
        roles = self.roles_of(person)
        if not roles:
            return None
        starts = self._role_index()[1][person]
        i = bisect.bisect_left(starts, offset)
        candidates = []
        if i < len(starts):  # the first role at or after offset (lowest id among equal starts)
            candidates.append(roles[i])
        if i > 0:  # the first role among those at the start just before offset
            j = bisect.bisect_left(starts, starts[i - 1])
            candidates.append(roles[j])
        return min(candidates, key=lambda r: (abs(r.evidence.start - offset), r.id))

    def _role_index(self) -> tuple[dict[str, list[Role]], dict[str, list[int]]]:
        key = (id(self.claims), len(self.claims))
        if self._roles is None or self._roles[:2] != key:
            index: dict[str, list[Role]] = {}
            for claim in self.claims.values():
                if isinstance(claim, Role):
                    index.setdefault(claim.person, []).append(claim)
            for roles in index.values():
                roles.sort(key=lambda r: (r.evidence.start, r.id))
            starts = {person: [r.evidence.start for r in roles] for person, roles in index.items()}
            self._roles = (*key, index, starts)
        return self._roles[2], self._roles[3]

    def locate(self, ident: str) -> Location:
        return self.where.get(ident) or Location(self.config.claims, 1, 1)

    def finding(self, ident: str, rule: RuleId, message: str) -> Finding:
        loc = self.locate(ident)
        return Finding(loc.path, loc.line, loc.col, rule, message, claim=ident)


def _claim_listing(config: Config) -> tuple[list[Path], list[Finding]]:
    """The claims files (``*.yaml``, ``*.yml``) in the claims folder, sorted (links and FIFOs too, to be
    refused), and what is wrong with the folder."""
    folder = config.path("claims")
    outside = confine(config.root, folder)
    if outside:
        return [], [Finding(config.display(folder), 1, 1, RuleId.CONFIG, f"the claims folder: {outside}")]
    if not folder.is_dir():
        return [], []  # load_project says "no claims files"
    try:
        with os.scandir(folder) as entries:
            found = [Path(e.path) for e in entries
                     if e.name.endswith((".yaml", ".yml")) and not e.is_dir(follow_symlinks=False)]
    except OSError as exc:
        return [], [Finding(config.claims, 1, 1, RuleId.CONFIG, f"cannot list the claims folder: {exc.strerror or exc}")]
    return sorted(found), []


def _folder_problem(config: Config, name: str, rule: RuleId) -> Finding | None:
    """Why the configured folder ``name`` may not be read: outside the project, a link, not a folder."""
    folder = config.path(name)
    shown = config.display(folder)
    problem = confine(config.root, folder)
    if problem:
        return Finding(shown, 1, 1, rule, f"the {name} folder: {problem}")
    if not folder.is_dir():
        return Finding(shown, 1, 1, rule, f"the {name} folder {shown}/ does not exist")
    return None


def page_files(config: Config) -> list[Path]:
    """The MyST pages under the docs folder, minus ``exclude``, sorted by their path in it."""
    return page_listing(config)[0]


def page_listing(config: Config, *, names: bool = True) -> tuple[list[Path], list[Finding]]:
    """The pages, and a finding for every place they cannot all be listed from.

    A folder that cannot be listed, a linked folder (Sphinx would read the pages in it) and
    (with ``names``) a file name that is not UTF-8 are each a finding (``claims.page``);
    linked pages and pages that are not regular files are listed, so reading them reports
    why they are refused.
    """
    docs = config.path("docs")
    problem = _folder_problem(config, "docs", RuleId.CONFIG)
    if problem is not None:
        return [], [problem]
    found: list[Path] = []
    findings: list[Finding] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else docs
        findings.append(Finding(config.display(where), 1, 1, RuleId.PAGE,
                                f"cannot list the folder: {exc.strerror or exc}; its pages are not checked"))

    for folder, dirs, files in os.walk(docs, onerror=unreadable):
        for d in sorted(dirs):
            if Path(folder, d).is_symlink() and not d.startswith("."):
                findings.append(Finding(config.display(Path(folder, d)), 1, 1, RuleId.PAGE,
                                        "the folder is a symbolic link; pages must be regular files inside the project"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "_build")
        for name in files:
            if not name.endswith(".md") or name.startswith("."):
                continue
            path = Path(folder, name)
            if not is_utf8_name(path):
                if names:
                    findings.append(Finding(config.display(path), 1, 1, RuleId.PAGE,
                                            "the file name is not valid UTF-8; rename the page"))
                continue
            found.append(path)
    out = [p for p in found if not any(page_matches(p.relative_to(docs).as_posix(), pat) for pat in config.exclude)]
    return sorted(out, key=lambda p: p.relative_to(docs).as_posix()), findings


def page_matches(rel: str, pattern: str) -> bool:
    """Does a page (posix path relative to the docs folder) match an exclude glob?

    ``*`` crosses folders (fnmatch); ``drafts``, ``drafts/`` and ``drafts/**`` exclude a folder;
    ``**/x.md`` matches ``x.md`` at any depth, the top included.
    """
    pat = pattern.strip()
    while pat.startswith("./"):
        pat = pat[2:]
    if not pat:
        return False
    candidates = {pat, pat.rstrip("/") + "/*"}
    if pat.startswith("**/"):
        candidates.add(pat[3:])
    if pat.endswith("/**"):
        candidates.add(pat[:-3] + "/*")
    return any(fnmatch.fnmatchcase(rel, c) for c in candidates)


def load_project(config: Config) -> Project:
    """Everything the checks read, once; never raises for bad input (every problem is a finding)."""
    project = Project(config=config)
    extensions, conf, line, problem = myst_extensions(config)
    problem = problem or check_extensions(extensions)
    if problem:
        project.findings.append(Finding(conf or config.claims, line, 1, RuleId.CONFIG, problem))
    else:
        project.myst_extensions = extensions
    _load_article(project)
    files, problems = _claim_listing(config)
    project.findings += problems
    vocabularies: list[Vocabulary | None] = [config.vocabulary]
    for path in files:
        vocabularies.append(_load_claims_file(project, path))
    for vocabulary in vocabularies:
        project.lexicon = project.lexicon.extended(vocabulary)
        if vocabulary is not None:
            project.topics.update(vocabulary.topics)
            project.disputes += [d for d in vocabulary.disputes if d not in project.disputes]
    if project.article is not None:
        project.article.read_with(project.lexicon)
    if not project.files and not problems and not any(f.rule == "yaml" for f in project.findings):
        project.findings.append(
            Finding(config.claims, 1, 1, RuleId.CONFIG, f"no claims files (*.yaml) in {config.claims}/")
        )
    return project


def _load_article(project: Project) -> None:
    config = project.config
    meta_path = config.path("metadata")
    meta_display = config.display(meta_path)
    loaded, problems = load_yaml(meta_path, meta_display, root=config.root)
    project.findings += problems
    if loaded is not None:
        meta, problems = validate(SourceMeta, loaded, meta_display)
        project.findings += [
            Finding(f.path, f.line, f.col, RuleId.SOURCE, f.message) for f in problems
        ]
        project.meta = meta
    art_path = config.path("article")
    display = config.display(art_path)
    try:
        raw = read_input(config.root, art_path, limit=MAX_ARTICLE_BYTES, what="article")
    except Refused as exc:
        project.findings.append(Finding(display, 1, 1, RuleId.SOURCE, exc.message))
        return
    text, problems = decode(raw, display)
    if text is None:
        project.findings += [Finding(f.path, f.line, f.col, RuleId.SOURCE, f"the article: {f.message}") for f in problems]
        return
    project.article = Article.from_bytes(display, raw)
    if project.meta and project.meta.sha256 != project.article.sha256:
        project.findings.append(
            Finding(
                meta_display,
                loaded.where(("sha256",))[0] if loaded else 1,
                1,
                RuleId.SOURCE,
                f"the article changed: {display} has sha256 {project.article.sha256}, "
                f"the metadata pins {project.meta.sha256}; restore the article byte for byte",
            )
        )


def _load_claims_file(project: Project, path: Path) -> Vocabulary | None:
    """Load one claims file into the project; its vocabulary, if it has one."""
    display = project.config.display(path)
    project.files.append(path)
    loaded, problems = load_yaml(path, display, root=project.config.root)
    project.findings += problems
    if loaded is None:
        return None
    if loaded.data is None or loaded.data == {}:
        return None
    if not isinstance(loaded.data, dict):
        line, col = loaded.where(())
        project.findings.append(
            Finding(display, line, col, RuleId.SCHEMA,
                    "a claims file is a mapping with 'claims:', 'entities:', 'vocabulary:' and/or 'waivers:'")
        )
        return None
    parsed, problems = validate(ClaimsFile, loaded, display)
    project.findings += problems
    if parsed is not None:
        items = {s: list(enumerate(getattr(parsed, s))) for s in ("entities", "claims")}
        waivers = list(enumerate(parsed.waivers))
    else:
        # keep what is valid so one bad claim does not hide every other check
        items = {"entities": _salvage(loaded.data, "entities", _ENTITY), "claims": _salvage(loaded.data, "claims", _CLAIM)}
        waivers = _salvage(loaded.data, "waivers", _WAIVER)
    for i, waiver in waivers:
        project.waivers.append((waiver, Location(display, *loaded.where(("waivers", i)))))
    for section, target in (("entities", project.entities), ("claims", project.claims)):
        for i, item in items[section]:
            line, col = loaded.where((section, i))
            if item.id in project.where:
                first = project.where[item.id]
                project.findings.append(
                    Finding(
                        display, line, col, RuleId.DUPLICATE_ID,
                        f"duplicate id {item.id!r}: first defined at {first.path}:{first.line}",
                        claim=item.id,
                    )
                )
                continue
            project.where[item.id] = Location(display, line, col)
            target[item.id] = item
    return parsed.vocabulary if parsed is not None else None


def _salvage(data: dict[str, Any], section: str, adapter: TypeAdapter[T]) -> list[tuple[int, T]]:
    """The valid items of one section of a claims file that is not valid as a whole, with their indexes."""
    items = data.get(section)
    good: list[tuple[int, T]] = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        try:
            good.append((i, adapter.validate_python(item)))
        except ValidationError:
            continue
    return good


_WAIVER: TypeAdapter[ArticleWaiver] = TypeAdapter(ArticleWaiver)
_ENTITY: TypeAdapter[Entity] = TypeAdapter(Entity)
_CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)
