"""Broken and hostile input: a clear, located error; nothing lost, nothing executed, no hang.

Each case breaks a copy of the real project one way, runs the checker as a separate
process under a memory limit and a timeout, and asserts the exit code (1 findings,
2 cannot run), the message with its file and line, that no traceback is printed and
that no file was written or modified.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import edit, set_field

MEMORY_LIMIT = 1_500 * 1024 * 1024
TIME_LIMIT = 30.0
PWNED = Path("/tmp/claimdocs-pwned-marker")


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Path], None]
    code: int
    expect: tuple[str, ...]  # substrings of the output, the first usually "path:line:"


def write(rel: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return apply


def field(claim: str, key: str, value: str, file: str = "context.yaml") -> Callable[[Path], None]:
    return lambda site: set_field(site / "claims" / file, claim, key, value)


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda site: edit(site / rel, old, new)


def article(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        path = site / "seeds" / "000_47ef2131506feb3b.txt"
        path.write_bytes(change(path.read_bytes()))

    return apply


def remove(rel: str) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        target = site / rel
        if target.is_dir():
            for p in sorted(target.rglob("*"), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
            target.rmdir()
        else:
            target.unlink()

    return apply


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
PAGE = "docs/zz-hostile.md"
Y = "claims/zz.yaml"

CASES = [
    # YAML
    Case("yaml syntax error", write(Y, "claims:\n  - id: [oops\n"), 1, (f"{Y}:3:1: error: YAML syntax error",)),
    Case("yaml tabs", write(Y, "claims:\n\t- id: x\n"), 1, (f"{Y}:2:1: error:", "indent with spaces, not tabs")),
    Case("yaml duplicate keys", write(Y, "claims: []\nclaims: []\n"), 1, (f"{Y}:2:1: error: duplicate key 'claims'",)),
    Case("a list where a mapping belongs", write(Y, "- claims\n- entities\n"), 1,
         (f"{Y}:1:1: error: a claims file is a mapping",)),
    Case("claims is a mapping, not a list", write(Y, "claims:\n  id: x\n"), 1,
         (f"{Y}:1:1: error: claims: Input should be a valid list",)),
    Case("empty claims file", write(Y, ""), 0, ()),
    Case("billion laughs", write(Y, BOMB), 1, (f"{Y}:1:4: error:", "anchors (&a) are not allowed")),
    Case("deeply nested data", write(Y, "claims: " + "[" * 3000 + "]" * 3000 + "\n"), 1, (f"{Y}:1:", "nest")),
    Case("python tag never executed",
         write(Y, f"claims: !!python/object/apply:os.system ['touch {PWNED}']\n"), 1,
         (f"{Y}:1:9: error: the tag", "refused, never executed")),
    Case("custom tag", write(Y, "claims: !include other.yaml\n"), 1, (f"{Y}:1:9: error: the tag '!include'",)),
    Case("a date YAML would convert", field("gaza-deaths", "value", "2023-10-07"), 1,
         ("claims/context.yaml:", "claim gaza-deaths: claims.", "value: Input should be a valid number",
          "(found '2023-10-07')")),
    Case("a boolean YAML 1.1 would convert", field("gaza-deaths", "hedge", "yes"), 1,
         ("claim gaza-deaths: claims.", "hedge: Input should be", "(found 'yes')")),
    Case("an entity name thousands of characters long, and names nested in each other",
         write(Y, "entities:\n  - id: zz-long\n    kind: group\n    name: \"" + "A" * 3500 + "\"\n    aliases:\n"
               + "".join(f"      - \"{'b' * k}\"\n" for k in range(1, 300))), 0, ()),
    Case("a number where text belongs", field("gaza-deaths", "counts", "65000"), 1,
         ("claim gaza-deaths:", "counts: Input should be a valid string",)),
    Case("binary garbage as claims", write(Y, bytes(range(256))), 1, (f"{Y}:2:118: error: byte 0x80 is not valid UTF-8",)),
    Case("claims file with a BOM", write(Y, b"\xef\xbb\xbfclaims: []\n"), 1, (f"{Y}:1:1: error:", "byte-order mark")),
    Case("claims file with CRLF", write(Y, b"claims: []\r\n"), 1, (f"{Y}:1:1: error:", "CRLF")),
    # claims
    Case("duplicate ids", replace("claims/context.yaml", "- id: gaza-deaths", "- id: fled-gaza-city"), 1, ("duplicate id 'fled-gaza-city'",)),
    Case("an id with spaces", replace("claims/context.yaml", "- id: gaza-deaths", "- id: gaza deaths"), 1,
         ("id: String should match pattern", "(found 'gaza deaths')")),
    Case("an unknown kind", field("gaza-deaths", "kind", "rumour"), 1,
         ("claims/context.yaml:", "error:", "rumour")),
    Case("missing evidence", replace("claims/context.yaml",
                                     '      exact: "approximately 65,000 Palestinians have been killed in the war"\n',
                                     ""), 1,
         ("claim gaza-deaths: claims.", "evidence.exact: Field required")),
    Case("evidence not in the article",
         field("gaza-deaths", "exact", '"approximately 75,000 Palestinians have been killed in the war"'), 1,
         ("claim gaza-deaths: evidence not found", "nearest text in the source is 'approximately 65,000")),
    Case("evidence found twice", field("war-duration-unsuccessful", "exact", "nearly two years"), 1,
         ("evidence found 2 times", "add a prefix or suffix")),
    Case("a value that disagrees with its evidence", field("gaza-deaths", "value", "56000"), 1,
         ("claim gaza-deaths: value differs from the source: claim says 56,000",)),
    Case("an entity that does not exist", field("gaza-deaths", "according_to", "ministry-of-truth"), 1,
         ("names unknown entity 'ministry-of-truth'",)),
    # article
    Case("article missing", remove("seeds/000_47ef2131506feb3b.txt"), 1,
         ("seeds/000_47ef2131506feb3b.txt:1:1: error: cannot read the article",)),
    Case("article changed by one character", article(lambda b: b.replace(b"Gaza City", b"Gaza Citz", 1)), 1,
         ("seeds/000_47ef2131506feb3b.yaml:", "the article changed", "restore the article byte for byte")),
    Case("article not UTF-8", article(lambda b: b.replace("’".encode(), b"\x92", 1)), 1,
         ("seeds/000_47ef2131506feb3b.txt:1:", "byte 0x92 is not valid UTF-8")),
    Case("article with CRLF", article(lambda b: b.replace(b"\n", b"\r\n")), 1,
         ("seeds/000_47ef2131506feb3b.txt:1:1: error: the article: the file has CR or CRLF line ends",)),
    Case("metadata missing", remove("seeds/000_47ef2131506feb3b.yaml"), 1,
         ("seeds/000_47ef2131506feb3b.yaml:1:1: error: cannot read the file",)),
    # pages
    Case("unknown claim id", write(PAGE, "# Hostile\n\nHealth officials report {claim}`approximately 65,000 <gaza-deaht>`.\n"),
         1, (f"{PAGE}:3:", "gaza-deaht", "gaza-deaths")),
    Case("malformed role syntax", write(PAGE, "# Hostile\n\nThey report {claim}`approximately 65,000 <gaza-deaths` killed.\n"),
         1, (f"{PAGE}:3:",)),
    Case("an unterminated quotation", write(PAGE, "# Hostile\n\nHe said \u201cWe are witnessing a truly unique era.\n"),
         1, (f"{PAGE}:3:",)),
    Case("a 10 MB line", write(PAGE, "# Page\n\n" + "word " * 2_000_000 + "\n"), 0, ()),
    Case("page not UTF-8", write(PAGE, b"# Hostile\n\ncaf\xe9\n"), 1, (f"{PAGE}:3:", "not valid UTF-8")),
    Case("page with CRLF", write(PAGE, b"# Hostile\r\n\r\nText.\r\n"), 1, (f"{PAGE}:1:", "CRLF")),
    # configuration
    Case("pyproject not TOML", write("pyproject.toml", "[tool.claimdocs\n"), 2, ("invalid TOML",)),
    Case("no [tool.claimdocs]", write("pyproject.toml", "[project]\nname = 'x'\n"), 2, ("no [tool.claimdocs] table",)),
    Case("an unknown setting", write("pyproject.toml", "[tool.claimdocs]\nartcle = 'x'\n"), 2,
         ("unknown setting(s) artcle",)),
    Case("claims folder missing", remove("claims"), 1, ("claims:1:1: error: no claims files",)),
]


def snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, site: Path) -> None:
    PWNED.unlink(missing_ok=True)
    case.setup(site)
    before = snapshot(site)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "claimdocs", "--root", str(site), "check"],
        capture_output=True, text=True, errors="replace", timeout=TIME_LIMIT, preexec_fn=_limit, check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    elapsed = time.monotonic() - started
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    assert "internal error" not in output
    assert proc.returncode == case.code, output[-3000:]
    for needle in case.expect:
        assert needle in output, f"{needle!r} not in:\n{output[-3000:]}"
    if case.code == 1:
        # one finding a line, compiler style
        first = next(line for line in proc.stdout.splitlines() if line)
        assert ": error: " in first
        assert first.rstrip().endswith("]")
    assert snapshot(site) == before, "the checker wrote or changed a file"
    assert not PWNED.exists(), "a YAML tag was executed"
    assert elapsed < TIME_LIMIT


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 30
