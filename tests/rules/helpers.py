"""What the rules' tests share: a tiny project on the real article, and ways to check a page.

The project is the real article with a small claims file
(tests/fixtures/pages/claims.yaml) whose evidence offsets are computed here; the
``project`` fixture (rules/conftest.py) is one such project, loaded once a module.
Each rule has inputs it must reject (with the right rule, line and column, see
:func:`only`) and inputs it must accept (:func:`clean`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from claimdocs.article import Article
from claimdocs.config import Config
from claimdocs.findings import Finding
from claimdocs.project import Project, load_project
from claimdocs.rules.engine import check_page, check_source
from conftest import ARTICLE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:  # the claims loader refuses anchors
        return True


def build_project(root: Path, pages: dict[str, str] | None = None, exclude: list[str] | None = None) -> Path:
    """A tiny project: the real article, the fixture claims with offsets filled in, some pages."""
    raw = ARTICLE.read_bytes()
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    (root / "seeds" / "article.txt").write_bytes(raw)
    (root / "seeds" / "article.yaml").write_text(
        f"title: t\ndescription: d\nfile: article.txt\nsha256: {hashlib.sha256(raw).hexdigest()}\n", encoding="utf-8"
    )
    extra = f"exclude = {exclude!r}\n".replace("'", '"') if exclude else ""
    (root / "pyproject.toml").write_text(
        '[tool.claimdocs]\narticle = "seeds/article.txt"\nmetadata = "seeds/article.yaml"\n'
        f'claims = "claims"\ndocs = "docs"\n{extra}',
        encoding="utf-8",
    )
    article = Article.from_bytes("article", raw)
    data = yaml.safe_load((FIXTURES / "claims.yaml").read_text(encoding="utf-8"))
    for claim in data["claims"]:
        ev = claim["evidence"]
        found = article.find_all(ev["exact"], ev.get("prefix", ""), ev.get("suffix", ""))
        assert len(found) == 1, claim["id"]
        ev["start"], ev["end"] = found[0].start, found[0].end
    (root / "claims" / "claims.yaml").write_text(
        yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    if pages is not None:
        for name, text in pages.items():
            path = root / "docs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return root


def write_project(root: Path, article: str, entities: list[dict], claims: list[dict],
                  pages: dict[str, str] | None = None, **extra: object) -> Path:
    """A small project on an invented article: evidence offsets are computed from ``exact`` (+ prefix, suffix).

    For conventions the real article lacks; ``extra`` adds top-level sections to the claims file.
    """
    raw = article.encode("utf-8")
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "seeds" / "article.txt").write_bytes(raw)
    (root / "seeds" / "article.yaml").write_text(
        f"title: t\ndescription: an invented article\nfile: article.txt\nsha256: {hashlib.sha256(raw).hexdigest()}\n",
        encoding="utf-8",
    )
    (root / "pyproject.toml").write_text(
        '[tool.claimdocs]\narticle = "seeds/article.txt"\nmetadata = "seeds/article.yaml"\nclaims = "claims"\ndocs = "docs"\n',
        encoding="utf-8",
    )
    parsed = Article.from_bytes("article", raw)
    out = []
    for claim in claims:
        claim = {**claim, "evidence": dict(claim["evidence"])}
        ev = claim["evidence"]
        found = parsed.find_all(ev["exact"], ev.get("prefix", ""), ev.get("suffix", ""))
        assert len(found) == 1, (claim["id"], len(found))
        ev["start"], ev["end"] = found[0].start, found[0].end
        claim.setdefault("summary", claim["id"])
        out.append(claim)
    ents = []
    for entity in entities:
        if "evidence" in entity:  # the registry's evidence for a name: offsets computed the same way
            entity = {**entity, "evidence": dict(entity["evidence"])}
            ev = entity["evidence"]
            found = parsed.find_all(ev["exact"], ev.get("prefix", ""), ev.get("suffix", ""))
            assert len(found) == 1, (entity["id"], len(found))
            ev["start"], ev["end"] = found[0].start, found[0].end
        ents.append(entity)
    data = {"entities": ents, "claims": out, **extra}
    (root / "claims" / "claims.yaml").write_text(
        yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for name, text in (pages or {}).items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


def load(root: Path) -> Project:
    return load_project(Config.from_pyproject(root))


def findings_for(root: Path) -> list:
    """The article's findings (load-time and check_source) for the project at ``root``."""
    return check_source(load_project(Config.from_pyproject(root)))


def check(project: Project, text: str, *, tracing: bool = False) -> list[Finding]:
    """The page's findings; without the sentence-tracing checks unless ``tracing``.

    The tracing checks (support, marker, polarity, framing, outside, attribution in prose) have
    their own tests. The other families' tests write short made-up sentences around a marker
    ("Some ... died."), which the tracing checks rightly reject; leaving them out here specifies
    each family alone. The tests of the real site and the mutation suite run every check.
    """
    return check_page(project, "docs/p.md", text, tracing=tracing).findings


def rules(project: Project, text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.col) for f in check(project, text)]


def loc(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` in ``text``."""
    i = text.index(needle)
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


def clean(project: Project, text: str) -> None:
    found = check(project, text)
    assert found == [], "\n".join(f.format() for f in found)


def only(project: Project, text: str, rule: str, needle: str) -> Finding:
    """The page has exactly one finding, of ``rule``, where ``needle`` starts."""
    found = check(project, text)
    assert [(f.rule, f.line, f.col) for f in found] == [(rule, *loc(text, needle))], "\n".join(
        f.format() for f in found
    )
    return found[0]
