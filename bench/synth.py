"""Synthetic sites of N times the real one, for the benchmark (``bench/run.py``).

A site of size N is a full project under ``bench/sites/<N>x/``:

- ``pyproject.toml`` with the real ``[tool.claimdocs]`` table, ``conf.py`` copied from
  the real one (it sets ``claimdocs_root`` to its own folder), ``seeds/`` copied;
- ``claims/``: N copies of every claim. Copy 0 keeps the real ids, copy i >= 1
  suffixes them ``-c<i>``. Entities are shared (written once, in copy 0). Evidence is
  unchanged: it is about the article, so every copy stays valid. One claims file per
  real file and copy (``<stem>.yaml``, ``<stem>-c<i>.yaml``);
- ``docs/``: N copies of every content page under ``docs/copy-<i>/`` (same relative
  path), each ``{claim}`... <id>```, bare ``{claim}`id``` and ``{claim-quote} id``
  rewritten to the copy's ids, links between pages rewritten to the new places.
  The real root index becomes each copy's ``copy-<i>/index.md`` (its toctrees keep
  the copy's own pages; pages no toctree reaches get a hidden toctree there).
  The view pages (any page with a ``{claims-index}``, ``{claims-source}``,
  ``{claims-figures}``, ``{claims-positions}`` or ``{claims-quotations}`` directive)
  appear once, at the top level, as written (copy-0 ids), listing every claim. When a
  view page's own prose marks claims, that prose (the page without its view
  directives) is also copied into every copy, so every copy of a claim is used
  exactly as often as the real one. The root ``index.md`` is generated: a toctree of
  the view pages and one of the copies.

Generation is deterministic: same real project, same bytes.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from claimdocs.loader import load_yaml_text  # noqa: E402  (the project's own safe loader)
from claimdocs.pages import ROLE_TARGET, parse_page  # noqa: E402  (MyST's own tokens: code spans are not markup)
from claimdocs.sphinx.markup import VIEWS as VIEW_NAMES  # noqa: E402

_VIEW_RE = re.compile(r"^[ \t]*(`{3,}|:{3,})\{claims-(?:" + "|".join(VIEW_NAMES) + r")\}", re.MULTILINE)
_FENCE_OPEN = re.compile(r"^([ \t]*)(`{3,}|:{3,})\{([^}]*)\}(.*)$")
_CLAIM_ROLE = re.compile(r"\{claim\}(`+)(.*?)\1", re.DOTALL)
_CLAIM_QUOTE = re.compile(r"^([ \t]*(?:`{3,}|:{3,})\{claim-quote\}[ \t]+)(\S+)", re.MULTILINE)
_MD_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_REF_DEF = re.compile(r"^([ \t]{0,3}\[[^\]]+\]:[ \t]*)(\S+)", re.MULTILINE)
_LINK_OPT = re.compile(r"^([ \t]*:link:[ \t]+)(\S+)[ \t]*$", re.MULTILINE)
_DOC_ROLE = re.compile(r"\{doc\}`([^`]*)`")
_REF_ROLE = re.compile(r"\{ref\}`([^`]*)`")
_LABEL = re.compile(r"^\((?P<name>[^()\s]+)\)=[ \t]*$", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FRONT_ORPHAN = re.compile(r"\A---\n(?:.*\n)*?orphan:\s*true\s*\n(?:.*\n)*?---\n")


# ---------------------------------------------------------------- the real project


@dataclass
class ClaimsFile:
    name: str  # stem, e.g. "qatar"
    entities: list[dict]
    claims: list[dict]
    vocabulary: dict | None = None  # the project's words: written once, with copy 0


@dataclass
class RealSite:
    root: Path
    table: dict  # [tool.claimdocs]
    files: list[ClaimsFile]
    pages: dict[str, str]  # docname -> text (every .md page under docs/)
    views: set[str]  # docnames of view pages
    root_doc: str = "index"
    claim_ids: set[str] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def content(self) -> list[str]:
        """Pages copied into every copy: all but the views and the root index."""
        return sorted(d for d in self.pages if d not in self.views and d != self.root_doc)


def read_real(root: Path = ROOT) -> RealSite:
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    table = dict(data["tool"]["claimdocs"])
    claims_dir = root / table.get("claims", "claims")
    files = []
    for path in sorted(claims_dir.iterdir()):
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        loaded, problems = load_yaml_text(path.read_text(encoding="utf-8"), path.name)
        if loaded is None:
            raise SystemExit(f"bench: cannot read {path}: {problems[0].message if problems else '?'}")
        body = loaded.data if isinstance(loaded.data, dict) else {}
        files.append(ClaimsFile(path.stem, list(body.get("entities") or []), list(body.get("claims") or []),
                                body.get("vocabulary")))
    docs = root / table.get("docs", "docs")
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs)
        if any(p.startswith(".") or p in ("_build", ".nox", ".venv") for p in rel.parts) or rel.as_posix() == "README.md":
            continue
        pages[rel.with_suffix("").as_posix()] = path.read_text(encoding="utf-8")
    views = {d for d, text in pages.items() if _VIEW_RE.search(text)}
    site = RealSite(root, table, files, pages, views)
    for f in files:
        for c in f.claims:
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                site.claim_ids.add(c["id"])
                site.kinds[c["id"]] = str(c.get("kind", ""))
    return site


# ---------------------------------------------------------------- claim references in a page


def claim_refs(text: str, ids: set[str]) -> list[tuple[str, bool]]:
    """Every claim a page uses, as MyST reads it (code is not markup): (id, bare) for each
    ``{claim}`` role and each ``{claim-quote}`` directive naming a claim in ``ids``."""
    page = parse_page(text, "page.md")
    out = []
    for block in page.blocks:
        for seg in block.segments:
            if seg.kind != "role" or seg.role != "claim":
                continue
            ident = seg.target if seg.target is not None else seg.text.strip()
            if ident in ids:
                out.append((ident, seg.target is None))
    for d in page.directives:
        if d.name == "claim-quote" and d.argument.strip() in ids:
            out.append((d.argument.strip(), False))
    return out


def rewrite_claims(text: str, ids: set[str], suffix: str) -> str:
    if not suffix:
        return text

    def role(m: re.Match[str]) -> str:
        ticks, content = m.group(1), m.group(2)
        t = ROLE_TARGET.match(content)
        if t:
            target = t.group("target")
            if target.strip() in ids:
                content = f"{t.group('text')}{t.group('sp')}<{target.strip()}{suffix}>{t.group('tail')}"
        elif content.strip() in ids:
            content = content.replace(content.strip(), content.strip() + suffix, 1)
        return "{claim}" + ticks + content + ticks

    text = _CLAIM_ROLE.sub(role, text)
    return _CLAIM_QUOTE.sub(lambda m: m.group(1) + (m.group(2) + suffix if m.group(2) in ids else m.group(2)), text)


def drop_views(text: str) -> str:
    """The page without its view directives (fenced blocks, backticks or colons)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m and m.group(3).strip().startswith("claims-") and m.group(3).strip()[7:] in VIEW_NAMES:
            fence = m.group(2)
            close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            j = i + 1
            while j < len(lines) and not close.match(lines[j]):
                j += 1
            i = j + 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


# ---------------------------------------------------------------- links between pages


class Relinker:
    """Rewrites links of a page moved from ``old`` to ``new`` (docnames), targets mapped by ``where``."""

    def __init__(self, pages: set[str], where: dict[str, str], labels: dict[str, str]) -> None:
        self.pages = pages  # real docnames
        self.where = where  # real docname -> docname in the synthetic site (missing: not kept)
        self.labels = labels  # real label -> label in this copy
        self.dropped: list[str] = []

    def _doc(self, old: str, target: str) -> str | None:
        """The real docname a link target written on page ``old`` points to, if any."""
        if target.startswith("/"):
            doc = posixpath.normpath(target.lstrip("/"))
        else:
            doc = posixpath.normpath(posixpath.join(posixpath.dirname(old), target))
        doc = doc[:-3] if doc.endswith(".md") else doc
        return doc if doc in self.pages else None

    def _move(self, old: str, new: str, target: str, *, doc_role: bool = False) -> str:
        path, hash_, anchor = target.partition("#")
        if anchor in self.labels:
            anchor = self.labels[anchor]
        if not path:
            return f"#{anchor}" if hash_ else target
        if _SCHEME.match(path):
            return target
        doc = self._doc(old, path)
        if doc is None or doc not in self.where:
            return path + hash_ + anchor
        dest = self.where[doc]
        ext = ".md" if path.endswith(".md") else ""
        if path.startswith("/"):
            moved = "/" + dest + ext
        else:
            moved = posixpath.relpath(dest, posixpath.dirname(new) or ".") + ext
        return moved + hash_ + anchor

    def page(self, text: str, old: str, new: str, keep: set[str] | None = None) -> str:
        """Links, labels and toctrees of a page moved from ``old`` to ``new``."""
        text = _MD_LINK.sub(lambda m: m.group(1) + self._move(old, new, m.group(2)) + m.group(3), text)
        text = _REF_DEF.sub(lambda m: m.group(1) + self._move(old, new, m.group(2)), text)
        text = _LINK_OPT.sub(lambda m: m.group(1) + self._link_opt(old, new, m.group(2)), text)
        text = _DOC_ROLE.sub(lambda m: "{doc}`" + self._role_target(old, new, m.group(1)) + "`", text)
        if self.labels:
            text = _LABEL.sub(lambda m: f"({self.labels.get(m.group('name'), m.group('name'))})=", text)
            text = _REF_ROLE.sub(lambda m: "{ref}`" + self._label_target(m.group(1)) + "`", text)
        return self.toctrees(text, old, new, keep)

    def _link_opt(self, old: str, new: str, target: str) -> str:
        if self._doc(old, target.partition("#")[0]) is None:
            return self.labels.get(target, target)  # a label or a URL
        return self._move(old, new, target)

    def _role_target(self, old: str, new: str, content: str) -> str:
        t = ROLE_TARGET.match(content)
        if t:
            return f"{t.group('text')}{t.group('sp')}<{self._move(old, new, t.group('target').strip())}>{t.group('tail')}"
        return self._move(old, new, content.strip())

    def _label_target(self, content: str) -> str:
        t = ROLE_TARGET.match(content)
        if t:
            name = t.group("target").strip()
            return f"{t.group('text')}{t.group('sp')}<{self.labels.get(name, name)}>{t.group('tail')}"
        return self.labels.get(content.strip(), content.strip())

    def toctrees(self, text: str, old: str, new: str, keep: set[str] | None = None) -> str:
        """Toctree entries: kept when they point into ``keep`` (default: anything mapped), else dropped."""
        lines = text.split("\n")
        out: list[str] = []
        i = 0
        while i < len(lines):
            m = _FENCE_OPEN.match(lines[i])
            if not (m and m.group(3).strip() == "toctree"):
                out.append(lines[i])
                i += 1
                continue
            fence = m.group(2)
            close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            j = i + 1
            body: list[str] = []
            while j < len(lines) and not close.match(lines[j]):
                body.append(lines[j])
                j += 1
            entries = []
            options = []
            for line in body:
                s = line.strip()
                if not s:
                    continue
                if s.startswith(":"):
                    options.append(s)
                    continue
                entries.append(s)
            kept = []
            for entry in entries:
                t = ROLE_TARGET.match(entry)
                target = t.group("target").strip() if t else entry
                if target == "self" or any(c in target for c in "*?["):
                    kept.append(entry)
                    continue
                doc = self._doc(old, target)
                dest = self.where.get(doc) if doc else None
                if dest is None or (keep is not None and dest not in keep):
                    self.dropped.append(f"{old}: toctree entry {entry!r}")
                    continue
                moved = "/" + dest if target.startswith("/") else posixpath.relpath(dest, posixpath.dirname(new) or ".")
                kept.append(f"{t.group('text')} <{moved}>" if t else moved)
            if kept:
                out.append(lines[i])
                out += options
                out.append("")
                out += kept
                out.append(fence)
            i = j + 1
        return "\n".join(out)


def toctree_targets(text: str, doc: str, pages: set[str]) -> set[str]:
    """Docnames (among ``pages``) a page's toctrees list, resolved from ``doc``."""
    found = set()
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if not (m and m.group(3).strip() == "toctree"):
            i += 1
            continue
        fence = m.group(2)
        glob = False
        j = i + 1
        while j < len(lines) and not re.match(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", lines[j]):
            s = lines[j].strip()
            j += 1
            if s == ":glob:":
                glob = True
            if not s or s.startswith(":"):
                continue
            t = ROLE_TARGET.match(s)
            target = t.group("target").strip() if t else s
            base = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(doc), target)
            base = posixpath.normpath(base)
            if glob and any(c in target for c in "*?["):
                import fnmatch

                found |= {p for p in pages if fnmatch.fnmatchcase(p, base)}
            elif base in pages:
                found.add(base)
        i = j + 1
    return found


# ---------------------------------------------------------------- writing a site


@dataclass
class Site:
    """What was generated: counts, and where each claim is used."""

    path: Path
    copies: int
    pages: int = 0
    claims: int = 0
    entities: int = 0
    uses: int = 0  # {claim} roles and {claim-quote} directives, counted in the generated pages
    bare_uses: int = 0
    uses_by_page: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    views: list[str] = field(default_factory=list)
    claim_file: dict[str, str] = field(default_factory=dict)  # claim id -> claims file name
    dropped_links: list[str] = field(default_factory=list)
    long_ids: list[str] = field(default_factory=list)


def _dump(entities: list[dict], claims: list[dict], header: str, vocabulary: dict | None = None) -> str:
    body: dict[str, object] = {}
    if entities:
        body["entities"] = entities
    if vocabulary:
        body["vocabulary"] = vocabulary
    body["claims"] = claims
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=4096, default_flow_style=False)
    return header + text


def claims_text(f: ClaimsFile, copy: int, ids: set[str], edit: dict[str, str] | None = None) -> str:
    """The YAML of one claims file of one copy; ``edit`` maps an id to a new summary."""
    suffix = f"-c{copy}" if copy else ""
    claims = []
    for c in f.claims:
        c = dict(c)
        if isinstance(c.get("id"), str) and c["id"] in ids:
            c["id"] = c["id"] + suffix
        if edit and c.get("id") in edit:
            c["summary"] = edit[c["id"]]
        claims.append(c)
    header = f"# Generated by bench/synth.py from claims/{f.name}.yaml, copy {copy}.\n"
    return _dump(f.entities if copy == 0 else [], claims, header, f.vocabulary if copy == 0 else None)


def claims_file_name(f: ClaimsFile, copy: int) -> str:
    return f"{f.name}.yaml" if copy == 0 else f"{f.name}-c{copy}.yaml"


ROOT_INDEX = """\
# A synthetic copy of the site

This site is generated by the benchmark from the real pages and claims: the views
list every claim once, and each copy below repeats every page with its own claims.

```{{toctree}}
:caption: Views
:maxdepth: 1

{views}
```

```{{toctree}}
:caption: Copies
:maxdepth: 1

{copies}
```
"""


def generate(real: RealSite, copies: int, dest: Path) -> Site:
    """Write the site of ``copies`` times the real one into ``dest`` (wiped first)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    site = Site(dest, copies)
    table = real.table
    # project files
    lines = ["[project]", 'name = "claimdocs-bench-site"', 'version = "0"', "", "[tool.claimdocs]"]
    for key, value in table.items():
        if key == "site_pages":  # the copies of a page about the site are about the site too; so is the root index
            value = [*dict.fromkeys([*value, *(f"**/{v}" for v in value), "index.md"])]
        if isinstance(value, dict):
            continue  # a vocabulary table: the claims files carry the project's words
        if isinstance(value, list):
            lines.append(f"{key} = [{', '.join(_toml_str(v) for v in value)}]")
        else:
            lines.append(f"{key} = {_toml_str(str(value))}")
    (dest / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy2(real.root / "conf.py", dest / "conf.py")
    for key in ("article", "metadata"):
        src = real.root / table[key]
        (dest / table[key]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / table[key])
    seeds = real.root / "seeds"
    if seeds.is_dir():
        shutil.copytree(seeds, dest / "seeds", dirs_exist_ok=True)
    # claims
    claims_dir = dest / table.get("claims", "claims")
    claims_dir.mkdir(parents=True, exist_ok=True)
    ids = real.claim_ids
    for copy in range(copies):
        for f in real.files:
            if not f.claims and (copy or not (f.entities or f.vocabulary)):
                continue
            name = claims_file_name(f, copy)
            (claims_dir / name).write_text(claims_text(f, copy, ids), encoding="utf-8")
            for c in f.claims:
                ident = c["id"] + (f"-c{copy}" if copy else "")
                site.claim_file[ident] = name
                if len(ident) > 80:
                    site.long_ids.append(ident)
            site.claims += len(f.claims)
        if copy == 0:
            site.entities = sum(len(f.entities) for f in real.files)
    # pages
    docs = dest / table.get("docs", "docs")
    real_pages = set(real.pages)
    content = real.content
    prose_views = [v for v in sorted(real.views) if claim_refs(real.pages[v], ids)]

    def write(doc: str, text: str) -> None:
        path = docs / f"{doc}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        refs = claim_refs(text, site_ids)
        site.pages += 1
        site.uses += len(refs)
        site.bare_uses += sum(1 for _i, bare in refs if bare)
        if refs:
            site.uses_by_page[doc] = refs

    site_ids = set(site.claim_file)
    labels_defined = sorted({m.group("name") for d in content for m in _LABEL.finditer(real.pages[d])})
    # views: once, at the top level; links to content pages go to copy 0
    where0 = {d: d for d in real.views} | {d: f"copy-0/{d}" for d in content}
    where0[real.root_doc] = "copy-0/index"
    relink = Relinker(real_pages, where0, {})
    for v in sorted(real.views):
        write(v, relink.page(real.pages[v], v, v, keep=set(real.views)))
    site.views = sorted(real.views)
    # copies
    for copy in range(copies):
        suffix = f"-c{copy}" if copy else ""
        prefix = f"copy-{copy}/"
        where = {d: d for d in real.views} | {d: prefix + d for d in content}
        where[real.root_doc] = prefix + "index"
        labels = {name: name + suffix for name in labels_defined} if suffix else {}
        relink = Relinker(real_pages, where, labels)
        own = {prefix + d for d in content} | {prefix + "index"}
        generated: dict[str, str] = {}
        for d in content:
            text = rewrite_claims(real.pages[d], ids, suffix)
            generated[prefix + d] = relink.page(text, d, prefix + d, keep=own)
        for v in prose_views:
            text = rewrite_claims(drop_views(real.pages[v]), ids, suffix)
            # the prose copy of a view page: its links as if it were a content page of this copy
            generated[prefix + v] = relink.page(text, v, prefix + v, keep=own)
        index_text = rewrite_claims(real.pages.get(real.root_doc, "# Copy\n"), ids, suffix)
        index_text = relink.page(index_text, real.root_doc, prefix + "index", keep=own)
        # pages of this copy that no toctree reaches get one, hidden, in the copy's index
        all_docs = set(generated) | {prefix + "index"}
        reached = set()
        frontier = [prefix + "index"]
        texts = {**generated, prefix + "index": index_text}
        while frontier:
            doc = frontier.pop()
            for t in toctree_targets(texts[doc], doc, all_docs):
                if t not in reached:
                    reached.add(t)
                    frontier.append(t)
        orphans = sorted(d for d in generated if d not in reached and not _FRONT_ORPHAN.match(texts[d]))
        if orphans:
            entries = "\n".join(posixpath.relpath(d, prefix.rstrip("/")) for d in orphans)
            index_text = index_text.rstrip("\n") + f"\n\n```{{toctree}}\n:hidden:\n\n{entries}\n```\n"
        write(prefix + "index", index_text)
        for doc in sorted(generated):
            write(doc, generated[doc])
        if copy == 0:
            site.dropped_links = sorted(set(relink.dropped))
    write(real.root_doc, ROOT_INDEX.format(
        views="\n".join(sorted(real.views)),
        copies="\n".join(f"copy-{i}/index" for i in range(copies)),
    ))
    return site


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def choose_edit(real: RealSite) -> tuple[str, str] | None:
    """A claim to edit for the incremental rebuild: used on exactly one content page (with written text),
    on no view page, and not a role (a role is also behind every {person} of its holder)."""
    used_on: dict[str, set[str]] = {}
    bare: set[str] = set()
    for doc, text in real.pages.items():
        for ident, is_bare in claim_refs(text, real.claim_ids):
            used_on.setdefault(ident, set()).add(doc)
            if is_bare:
                bare.add(ident)
    for ident in sorted(used_on):
        pages = used_on[ident]
        if len(pages) != 1 or pages & real.views or ident in bare:
            continue
        if real.kinds.get(ident) in ("role", ""):
            continue
        return ident, next(iter(pages))
    return None


def edit_claim(real: RealSite, dest: Path, ident: str, *, restore: bool = False) -> Path:
    """Change (or restore) the summary of copy-0 claim ``ident`` in the site at ``dest``."""
    for f in real.files:
        for c in f.claims:
            if c.get("id") == ident:
                edit = None if restore else {ident: str(c.get("summary", "")) + " (Edited for the benchmark.)"}
                path = dest / real.table.get("claims", "claims") / claims_file_name(f, 0)
                path.write_text(claims_text(f, 0, real.claim_ids, edit), encoding="utf-8")
                return path
    raise KeyError(ident)


def verify_claims(real: RealSite, dest: Path) -> list[str]:
    """Round trip: the generated copy-0 claims load to the same data as the real files."""
    problems = []
    for f in real.files:
        if not f.claims and not f.entities:
            continue
        path = dest / real.table.get("claims", "claims") / claims_file_name(f, 0)
        loaded, _ = load_yaml_text(path.read_text(encoding="utf-8"), path.name)
        got = loaded.data if loaded else None
        want = {"entities": f.entities, "claims": f.claims} if f.entities else {"claims": f.claims}
        if got != want:
            problems.append(f"{path.name}: does not load back to the real data")
    return problems


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description="Generate a synthetic site (see bench/run.py)")
    p.add_argument("copies", type=int)
    p.add_argument("--dest", type=Path)
    args = p.parse_args()
    real = read_real()
    s = generate(real, args.copies, args.dest or ROOT / "bench" / "sites" / f"{args.copies}x")
    print(f"{s.path}: {s.pages} pages, {s.claims} claims, {s.uses} claim uses ({s.bare_uses} bare)")
