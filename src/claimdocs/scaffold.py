"""``claimdocs init ARTICLE [DIR]``: a project scaffolded from a plain-text UTF-8 article.

What it writes (:func:`project_files`)::

    seeds/<name>.txt       the article, byte for byte
    seeds/<name>.yaml      its metadata: a draft title (marked as such), a description, the sha256 pin
    pyproject.toml         [tool.claimdocs] (article, metadata, claims, docs, site_pages) and a minimal [project]
    conf.py  noxfile.py    Sphinx (myst_parser, sphinx_design, claimdocs; pages from docs/ only) and nox (check, docs)
    claims/entities.yaml   a draft registry of the names the article gives
    claims/drafts.yaml     a draft claim for every figure, date or time, quotation and "according to X"
    claims/schema.json     the JSON Schema of claims files (editors complete and check them with it)
    docs/index.md  docs/claims.md  docs/source.md    minimal pages: the home page, {claims-index}, {claims-source}

Everything proposed is marked ``draft: true``: ``claimdocs check`` reports each draft
(``claims.draft``, at its line, with what to review) until an editor reviews it.
What is found (:func:`claimdocs.drafting.propose`) is the grammar's (:mod:`claimdocs.quantities`: figures,
dates and times) and the lexicon's (quotations, speech verbs, "according to"); names
are runs of capitalised words that are not ordinary words opening a sentence, their
kind (person, organisation, place, group) a guess to review.

``init`` refuses (:class:`~claimdocs.findings.CannotRun`, exit 2, one line) an article
that is not a regular UTF-8 file with LF line ends, and a folder that is not empty; it
never overwrites anything, and writes atomically: every file goes into a temporary
folder beside the target, which is then renamed into place in one step.
"""


from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimdocs.article import Article
from claimdocs.drafting import Anchor, Name, Proposal, propose, slug
from claimdocs.files import MAX_ARTICLE_BYTES, Refused, printable, read_input
from claimdocs.findings import CannotRun
from claimdocs.lexicon import DEFAULT, Lexicon
from claimdocs.loader import decode
from claimdocs.model import schema_json

# ---------------------------------------------------------------- files


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes, plus what YAML reads as a line break or refuses)."""
    out = json.dumps(value, ensure_ascii=False)
    return re.sub(r"[\u0080-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", out)


_BARE = re.compile(r"[a-z][a-z0-9_-]*")
_YAML_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null"])


def _scalar(value: Any) -> str:
    if isinstance(value, str) and _BARE.fullmatch(value) and value not in _YAML_WORDS:
        return value  # an id, a kind, a hedge: plain
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, int):
        return str(value)
    return _q(str(value))


def _yaml_item(item: dict[str, Any], indent: str = "  ") -> Iterator[str]:
    first = True
    for key, value in item.items():
        lead = f"{indent}- " if first else f"{indent}  "
        first = False
        if isinstance(value, dict):
            yield f"{lead}{key}:"
            for k, v in value.items():
                yield f"{indent}    {k}: {_scalar(v)}"
        elif isinstance(value, list):
            yield f"{lead}{key}: [{', '.join(_scalar(v) for v in value)}]"
        else:
            yield f"{lead}{key}: {_scalar(value)}"


def entities_yaml(names: list[Name], anchor: Anchor | None) -> str:
    lines = [
        "# yaml-language-server: $schema=schema.json",
        "# The entity registry, drafted by `claimdocs init`: every run of capitalised words that is",
        "# not an ordinary word opening a sentence, with the other forms the article writes.",
        "# Each kind is a guess. Review each entry (merge, split, delete, add pronouns), then",
        "# delete its `draft: true`.",
        "entities:",
    ]
    for n in names:
        item: dict[str, Any] = {"id": n.id, "draft": True, "kind": n.kind.value, "name": n.name}
        if n.aliases:
            item["aliases"] = n.aliases
        if anchor is not None and n.first[1] > n.first[0]:
            item["evidence"] = anchor(*n.first)
        lines += _yaml_item(item)
    if not names:
        lines[-1] = "entities: []"
    return "\n".join(lines) + "\n"


def drafts_yaml(proposal: Proposal, article_name: str) -> str:
    lines = [
        "# yaml-language-server: $schema=schema.json",
        f"# Draft claims proposed by `claimdocs init` from seeds/{article_name}: one for every",
        "# figure, date or time, quotation and \"according to\" the grammar and the lexicon found,",
        "# each with verbatim evidence (prefix or suffix where the text occurs more than once)",
        "# and its offsets. `claimdocs check` reports every draft (claims.draft) with what to",
        "# review. Review it, move it to a claims file of its topic, delete its `draft: true`,",
        "# and restate it on a page.",
        "claims:",
    ]
    for claim in proposal.claims:
        lines += _yaml_item(claim)
    if not proposal.claims:
        lines[-1] = "claims: []"
    return "\n".join(lines) + "\n"


def _draft_title(text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = first.split()
    head = " ".join(words[:10]) + ("\u2026" if len(words) > 10 else "")
    return f"Draft title, to review: {head}"


def _description(text: str) -> str:
    lines = text.split("\n")
    blank = sum(1 for line in lines if not line.strip())
    final = "a final newline" if text.endswith("\n") else "no final newline"
    return (f"The text of one news article, kept byte for byte (UTF-8, {len(lines)} lines, {blank} blank, {final}). "
            "Every claim in claims/ cites a verbatim span of it. The title above is a draft: replace it with a "
            "descriptive title of your own (it is not the article's headline).")


def project_files(name: str, raw: bytes, lexicon: Lexicon = DEFAULT) -> tuple[dict[str, bytes], Proposal]:
    """Every file of the scaffold (path relative to the project -> bytes), and what was found."""
    article = Article.from_bytes(f"seeds/{name}.txt", raw)  # decoded and hashed once, here
    text = article.text
    proposal = propose(article, lexicon)
    title = _draft_title(text)
    meta = "\n".join([
        "# yaml-language-server: $schema=../claims/schema.json#/$defs/SourceMeta",
        "# Metadata of the pinned article beside this file (written by `claimdocs init`).",
        f"title: {_q(title)}",
        f"description: {_q(_description(text))}",
        f"file: {_q(name + '.txt')}",
        f"sha256: {article.sha256}",
        "encoding: utf-8",
    ]) + "\n"
    files: dict[str, str] = {
        f"seeds/{name}.yaml": meta,
        "pyproject.toml": _PYPROJECT.format(project=slug(name, "article").replace("_", "-"), name=name),
        "conf.py": _CONF.format(title=repr(title)),
        "noxfile.py": _NOXFILE,
        "claims/entities.yaml": entities_yaml(proposal.names, Anchor(article)),
        "claims/drafts.yaml": drafts_yaml(proposal, f"{name}.txt"),
        "claims/schema.json": schema_json(),
        "docs/index.md": _INDEX,
        "docs/claims.md": _CLAIMS,
        "docs/source.md": _SOURCE,
    }
    out = {path: body.encode("utf-8") for path, body in files.items()}
    out[f"seeds/{name}.txt"] = raw
    return dict(sorted(out.items())), proposal


def article_name(path: Path) -> str:
    stem = path.stem
    return stem if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}", stem) else "article"


def read_article(path: Path) -> bytes:
    """The article's bytes, or :class:`CannotRun`: a regular file, UTF-8, LF line ends, no BOM, some text."""
    shown = printable(str(path))
    try:
        raw = read_input(None, path, limit=MAX_ARTICLE_BYTES, what="article")
    except Refused as exc:
        raise CannotRun(f"{shown}: {exc.message}") from None
    text, problems = decode(raw, shown)
    if text is None:
        raise CannotRun(f"{shown}: {problems[0].message.replace('the file', 'the article')} (line {problems[0].line})")
    if not text.strip():
        raise CannotRun(f"{shown}: the article is empty")
    return raw


def init(article: Path, target: Path, lexicon: Lexicon = DEFAULT) -> Proposal:
    """Scaffold a project at ``target`` from ``article``; refuses (CannotRun) rather than overwrite anything."""
    raw = read_article(article)
    shown = printable(str(target))
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise CannotRun(f"{shown}: exists and is not a folder; init writes only into a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise CannotRun(f"{shown}: the folder is not empty; init writes only into a new or empty folder")
    name = article_name(article)
    files, proposal = project_files(name, raw, lexicon)
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.init-"))
    except OSError as exc:
        raise CannotRun(f"{shown}: cannot create it: {exc.strerror or exc}") from None
    try:
        for rel, data in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "xb") as out:
                out.write(data)
        mask = os.umask(0)
        os.umask(mask)
        for folder in [tmp, *(p for p in tmp.rglob("*") if p.is_dir())]:
            os.chmod(folder, 0o777 & ~mask)
        os.rename(tmp, target)  # onto a missing or empty folder only: a folder filled meanwhile refuses
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise CannotRun(f"{shown}: cannot write the project: {exc.strerror or exc}; nothing was written") from None
    return proposal


# ---------------------------------------------------------------- templates

_PYPROJECT = """\
# A claim-checked restatement of one article (scaffolded by `claimdocs init`).
[project]
name = "{project}-restatement"
version = "0.1.0"
description = "A claim-checked restatement of one article."
requires-python = ">=3.11"
dependencies = ["claimdocs"]

[tool.claimdocs]
article = "seeds/{name}.txt"
metadata = "seeds/{name}.yaml"
claims = "claims"
docs = "docs"
# Pages about the site itself: their unmarked sentences may explain the site in words the
# article does not use, but never name anyone or state a fact from the article.
site_pages = ["index.md", "claims.md", "source.md"]
"""

_CONF = '''\
"""Sphinx configuration of a claim-checked restatement (scaffolded by `claimdocs init`).

Build with ``sphinx-build -W -c . docs _build/html`` (``nox -s docs``): pages are read from
docs/ only; the article, claims and pages are found through [tool.claimdocs] in pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent.resolve()

project = {title}
author = "the editors"
copyright = "the editors; article text quoted for verification"
html_title = project

extensions = ["myst_parser", "sphinx_design", "claimdocs"]
source_suffix = {{".md": "markdown"}}
root_doc = "index"
# Only the pages: never .nox/, _build/ or a README, whatever folder Sphinx is run from.
exclude_patterns = ["_build", ".nox", ".venv", "**/.*", "README.md"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline"]
myst_heading_anchors = 3

html_theme = "furo"
html_static_path: list[str] = []
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None  # the site adds no date the article does not give

claimdocs_root = str(HERE)
claimdocs_index_page = "claims"
claimdocs_source_page = "source"

nitpicky = True
'''

_NOXFILE = '''\
"""Sessions: check (the checker alone, fast) and docs (the site; any warning fails it).

claimdocs is installed as the requirement in CLAIMDOCS (default "claimdocs"); point it at
a checkout or a wheel to use that one: ``CLAIMDOCS=/path/to/claimdocs nox -s check``.
"""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["check", "docs"]
CLAIMDOCS = os.environ.get("CLAIMDOCS", "claimdocs")


@nox.session
def check(session: nox.Session) -> None:
    """The article -> claims -> pages checks, no HTML."""
    session.install(CLAIMDOCS)
    session.run("claimdocs", "check", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site with every check on into _build/html; any warning fails the build."""
    session.install(CLAIMDOCS)
    session.run("sphinx-build", "-W", "--keep-going", "-c", ".", "-b", "html", "docs", "_build/html", *session.posargs)
'''

_INDEX = """\
# A checked restatement

This site restates one article. Every figure, date and quotation on its pages is marked
with the claim it rests on, and each claim quotes the article.

The [claims index](claims.md) lists every claim, and the [source](source.md) page shows
the article in full.

```{toctree}
:hidden:

claims
source
```
"""

_CLAIMS = """\
# Claims index

Every claim of this site, with its evidence in the article.

```{claims-index}
```
"""

_SOURCE = """\
# Source

The article in full, with the evidence of every claim highlighted.

```{claims-source}
```
"""
