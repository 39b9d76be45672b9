"""``claimdocs init`` (:mod:`claimdocs.scaffold`, :mod:`claimdocs.drafting`): a project from any plain-text article.

On this site's article and on the example project's, init writes a project that
``claimdocs check`` reads: exit 1, every finding a draft to review (``claims.draft``),
coverage 100%, no traceback. It refuses (exit 2, one line) a folder that is not empty,
an article that is not UTF-8, and never leaves anything half written.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
import yaml

from claimdocs import scaffold
from claimdocs.article import Article
from claimdocs.drafting import find_names, propose, slug
from conftest import ARTICLE, ROOT, edit

EXAMPLE_ARTICLE = ROOT / "examples" / "norvalia-hospitals" / "seeds" / "norvalia-hospitals.txt"
FILES = ["claims/drafts.yaml", "claims/entities.yaml", "claims/schema.json", "conf.py", "docs/claims.md",
         "docs/index.md", "docs/source.md", "noxfile.py", "pyproject.toml"]


def files_of(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(("article", "counts"), [
    (ARTICLE, {"figures": 19, "dates and times": 9, "quotations": 6, "according to": 2}),
    # "the next decade" (inside a quotation) is a relative time too
    (EXAMPLE_ARTICLE, {"figures": 26, "dates and times": 8, "quotations": 6, "according to": 2}),
], ids=["site", "example"])
def test_init_writes_a_project_that_check_reads_as_drafts_only(tmp_path: Path, cli, article: Path, counts) -> None:
    target = tmp_path / "new"
    run = cli(tmp_path, "init", str(article), str(target))
    assert run.code == 0, run.err
    assert "draft claims" in run.err and "Traceback" not in run.err
    name = article.stem
    assert files_of(target) == sorted([*FILES, f"seeds/{name}.txt", f"seeds/{name}.yaml"])
    raw = article.read_bytes()
    assert (target / "seeds" / f"{name}.txt").read_bytes() == raw  # byte for byte
    meta = yaml.safe_load((target / "seeds" / f"{name}.yaml").read_text(encoding="utf-8"))
    assert meta["sha256"] == hashlib.sha256(raw).hexdigest() and meta["file"] == f"{name}.txt"
    assert meta["title"].startswith("Draft title, to review: ")
    drafts = yaml.safe_load((target / "claims" / "drafts.yaml").read_text(encoding="utf-8"))["claims"]
    assert all(c["draft"] is True for c in drafts)
    kinds = {k: sum(1 for c in drafts if c["kind"] == k) for k in ("quantity", "event", "quote", "assertion")}
    assert kinds == {"quantity": counts["figures"], "event": counts["dates and times"], "quote": counts["quotations"],
                     "assertion": counts["according to"]}
    text = raw.decode("utf-8")
    for claim in drafts:  # verbatim evidence at its offsets, the claim's text inside it
        ev = claim["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["exact"]
        assert Article.from_bytes("a", raw).find_all(ev["exact"], ev.get("prefix", ""), ev.get("suffix", "")) != []
    entities = yaml.safe_load((target / "claims" / "entities.yaml").read_text(encoding="utf-8"))["entities"]
    assert entities and all(e["draft"] is True for e in entities)

    check = cli(target, "check")
    assert check.code == 1, check.err
    assert "Traceback" not in check.err and "internal error" not in check.err
    assert check.lines and all(line.endswith("[claims.draft]") for line in check.lines), [
        line for line in check.lines if not line.endswith("[claims.draft]")][:5]
    assert len(check.lines) == len(drafts) + len(entities)
    assert "coverage: 100.0%" in check.err


def test_init_on_the_example_finds_speakers_follow_ons_and_names() -> None:
    proposal = propose(Article.from_bytes("a", EXAMPLE_ARTICLE.read_bytes()))
    quotes = [(c["speaker"], " ".join(c["text"].split()[:3])) for c in proposal.claims if c["kind"] == "quote"]
    assert quotes == [
        ("maren-holtby", "We underestimated what"),
        ("maren-holtby", "The second estimate"),  # a follow-on: "…," said Dr. Holtby. "…"
        ("teodor-vance", "We will not"),  # "he said": the person who spoke last
        ("unknown-speaker", "No ward will"),  # "the spokesperson said": no name to give
        ("alia-renwick", "Hospital projects of"),
        ("alia-renwick", "What matters is"),
    ]
    names = {n.id: n for n in proposal.names}
    assert names["maren-holtby"].kind == "person"
    assert {"Dr. Holtby", "Holtby"} <= set(names["maren-holtby"].aliases)
    assert names["teodor-vance"].aliases == ["Finance Minister Teodor Vance"]
    assert names["norvalian-nurses-federation"].name == "Norvalian Nurses\u2019 Federation"
    assert names["kessford-institute-for-public-finance"].kind == "organisation"
    assert "us" not in names  # "US$5m" is a figure, not a name
    figures = {c["text"]: c for c in proposal.claims if c["kind"] == "quantity"}
    assert figures["Between 10 and 15"]["low"] == 10 and figures["Between 10 and 15"]["high"] == 15
    assert figures["£10.8bn"]["value"] == 10_800_000_000 and figures["£10.8bn"]["according_to"] == "agency"
    assert figures["$21bn"]["according_to"] == "norvalian-health-infrastructure-agency"


def test_names_leave_out_ordinary_words_that_open_a_sentence() -> None:
    text = ("Recently, Dana Levi met officials. Dozens of people came. Ms. Levi said so.\n"
            "Officials from the Riverton Transit Authority (RTA) agreed. Riverton’s Council did not.\n")
    names, _pairs = find_names(Article.from_bytes("a", text.encode()))
    found = {n.name: (n.kind.value, n.aliases) for n in names}
    assert found == {
        "Dana Levi": ("person", ["Ms. Levi", "Levi"]),
        "Riverton Transit Authority": ("organisation", ["RTA"]),
        "Riverton": ("organisation", []),
        "Council": ("organisation", []),
    }


def test_a_reviewed_draft_is_checked_like_any_other(tmp_path: Path, cli) -> None:
    target = tmp_path / "p"
    assert cli(tmp_path, "init", str(EXAMPLE_ARTICLE), str(target)).code == 0
    drafts = target / "claims" / "drafts.yaml"
    edit(drafts, "  - id: quote-unknown-speaker-no-ward-will-shut\n    draft: true\n",
         "  - id: quote-unknown-speaker-no-ward-will-shut\n")
    edit(drafts, "  - id: figure-48\n    draft: true\n", "  - id: figure-48\n")
    edit(drafts, "    value: 48\n", "    value: 49\n")
    rules = sorted({line.rsplit("[", 1)[1] for line in cli(target, "check").lines} - {"claims.draft]"})
    # the speaker no one named is now the speaker rule's; the figure, the value rule's; both unused
    assert rules == ["claims.speaker]", "claims.unused]", "claims.value]"]


def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path: Path, cli) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    run = cli(tmp_path, "init", str(ARTICLE), str(target))
    assert run.code == 2 and run.out == ""
    assert len(run.err.strip().splitlines()) == 1 and "not empty" in run.err
    assert files_of(target) == ["notes.txt"] and (target / "notes.txt").read_text(encoding="utf-8") == "mine"
    file_target = tmp_path / "a-file"
    file_target.write_text("x", encoding="utf-8")
    run = cli(tmp_path, "init", str(ARTICLE), str(file_target))
    assert run.code == 2 and "not a folder" in run.err and file_target.read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "busy"]  # no temporary folder left


def test_init_into_an_empty_folder_and_by_default_beside(tmp_path: Path, cli, monkeypatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli(tmp_path, "init", str(ARTICLE), str(empty)).code == 0
    assert "conf.py" in files_of(empty)
    monkeypatch.chdir(tmp_path)
    assert cli(tmp_path, "init", str(EXAMPLE_ARTICLE)).code == 0
    assert (tmp_path / "norvalia-hospitals" / "seeds" / "norvalia-hospitals.txt").exists()
    assert cli(tmp_path, "init", str(EXAMPLE_ARTICLE)).code == 2  # never over the first one


@pytest.mark.parametrize(("data", "says"), [
    (b"caf\xe9 society\n", "0xe9 is not valid UTF-8"),
    (b"one line\r\nanother\r\n", "CR or CRLF line ends"),
    (b"\xef\xbb\xbfwith a byte-order mark\n", "byte-order mark"),
    (b"  \n\n", "the article is empty"),
], ids=["latin-1", "crlf", "bom", "empty"])
def test_init_refuses_an_article_it_cannot_pin(tmp_path: Path, cli, data: bytes, says: str) -> None:
    article = tmp_path / "story.txt"
    article.write_bytes(data)
    run = cli(tmp_path, "init", str(article), str(tmp_path / "out"))
    assert run.code == 2 and says in run.err and len(run.err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_init_refuses_what_is_not_a_regular_file(tmp_path: Path, cli) -> None:
    run = cli(tmp_path, "init", str(tmp_path), str(tmp_path / "out"))
    assert run.code == 2 and "not a regular file" in run.err
    run = cli(tmp_path, "init", str(tmp_path / "missing.txt"), str(tmp_path / "out"))
    assert run.code == 2 and "does not exist" in run.err


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "rename", fail)
    with pytest.raises(scaffold.CannotRun, match="nothing was written"):
        scaffold.init(ARTICLE, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_the_files_are_valid_and_generic() -> None:
    files, _proposal = scaffold.project_files("story", EXAMPLE_ARTICLE.read_bytes())
    compile(files["conf.py"], "conf.py", "exec")
    compile(files["noxfile.py"], "noxfile.py", "exec")
    import tomllib

    table = tomllib.loads(files["pyproject.toml"].decode())
    assert table["tool"]["claimdocs"]["article"] == "seeds/story.txt"
    assert table["project"]["name"] == "story-restatement"
    conf = files["conf.py"].decode()
    assert '"_build", ".nox"' in conf and '["myst_parser", "sphinx_design", "claimdocs"]' in conf
    assert "Norvalia" not in conf.replace("Draft title, to review: Norvalia", "")


def test_ids_are_slugs() -> None:
    assert slug("Dr. Zoë O’Neill-Smith") == "dr-zoe-oneill-smith"
    assert slug("$") == "item"
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug("x" * 100 + " tail"))
