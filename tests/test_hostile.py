"""Broken and hostile input: a clear, located error; nothing lost, nothing executed, no hang.

Each case breaks a copy of the real project one way, runs the checker as a separate
process under a memory limit and a timeout, and asserts the exit code (1 findings,
2 cannot run), the message with its file and line, that no traceback is printed and
that no file was written or modified.

The classes (issue 14): YAML and claims; the article; pages; routes around the checks
(includes, raw output, HTML, alt text, substitutions, {nofact}); inputs outside the
project, links, FIFOs and devices, sizes; values; positions; cannot-run cases; outputs
that would overwrite an input; line ends. The Sphinx build's side of the same classes is
tests/sphinx/test_hostile_build.py.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import stat
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
    args: tuple[str, ...] = ()  # after "check"; "{site}" is the project's folder
    count: int | None = None  # exactly this many findings
    absent: tuple[str, ...] = ()  # must not be in the output (text from outside the project)
    env: tuple[tuple[str, str], ...] = ()


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


def link(rel: str, target: str) -> Callable[[Path], None]:
    """A symbolic link at ``rel`` to ``target`` (relative to the project's parent when it starts with "../")."""

    def apply(site: Path) -> None:
        path = site / rel
        if path.exists() or path.is_symlink():
            path.unlink()
        os.symlink(target if target.startswith("/") else site / target, path)

    return apply


def fifo(rel: str) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        path = site / rel
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return apply


def device(rel: str) -> Callable[[Path], None]:
    """A character device like /dev/zero, inside the project (needs root; else the case is skipped)."""

    def apply(site: Path) -> None:
        path = site / rel
        path.unlink()
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
        except PermissionError:
            pytest.skip("making a device needs root")

    return apply


def outside(name: str, content: str) -> Callable[[Path], None]:
    """A file beside the project, outside it."""
    return lambda site: (site.parent / name).write_text(content, encoding="utf-8")


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(site: Path) -> None:
        for step in steps:
            step(site)

    return apply


def setting(key: str, value: str) -> Callable[[Path], None]:
    """Set one key of [tool.claimdocs] (a TOML string)."""

    def apply(site: Path) -> None:
        path = site / "pyproject.toml"
        text = path.read_text(encoding="utf-8")
        assert re.search(rf"^{key} = .*$", text, re.MULTILINE)
        path.write_text(re.sub(rf"^{key} = .*$", f"{key} = {value!r}".replace("'", '"'), text, count=1, flags=re.MULTILINE),
                        encoding="utf-8")

    return apply


def page(body: str) -> Callable[[Path], None]:
    return write(PAGE, "# Page\n\n" + body)


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


ART = "seeds/000_47ef2131506feb3b.txt"
META = "seeds/000_47ef2131506feb3b.yaml"
ARTICLE_TEXT = (Path(__file__).resolve().parent.parent / ART).read_text(encoding="utf-8")

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
    Case("binary garbage as claims", write(Y, bytes(range(256))), 1, (f"{Y}:3:115: error: byte 0x80 is not valid UTF-8",)),  # CR, byte 13, ends line 2
    # a byte-order mark and CRLF line ends are how editors on Windows save: read like LF
    Case("claims file with a BOM", write(Y, b"\xef\xbb\xbfclaims: []\n"), 0, ()),
    Case("claims file with CRLF", write(Y, b"claims: []\r\n"), 0, ()),
    Case("claims file with CRLF and a schema error: the line is right",
         write(Y, b"entities:\r\n\r\n  - id: xx\r\n    kind: person\r\n    name: 5\r\n"), 1,
         (f"{Y}:5:5: error: claim xx: entities.0.name: Input should be a valid string",), count=1),
    # positions are characters, also after non-ASCII text
    Case("a bad byte after non-ASCII text", write(Y, "entities: [] # caf\u00e9 \u2014 ".encode() + b"\xff\n"), 1,
         (f"{Y}:1:23: error: byte 0xff is not valid UTF-8",)),  # 26 in bytes
    Case("a control character after non-ASCII text", write(Y, "x: \"\u00e9\u00e9\" \x07\n"), 1,
         (f"{Y}:1:9: error: character U+0007 is not allowed",)),
    Case("a syntax error after non-ASCII text", write(Y, "claims:\n  - id: \"\u00e9\u00e9\u00e9\u20ac\" [oops\n"), 1,
         (f"{Y}:2:16: error: YAML syntax error",)),
    # values: finite and bounded, never a traceback
    Case("a value of 1 and 100,000 zeros", field("gaza-deaths", "value", "1" + "0" * 100_000), 1,
         ("claim gaza-deaths:", "value: Input should be a finite number", "\u2026)"), absent=("0" * 200,)),
    Case("a value of nan", field("gaza-deaths", "value", ".nan"), 1, ("claim gaza-deaths:", "value: Input should be")),
    Case("a value of nan, quoted", field("gaza-deaths", "value", "'nan'"), 1,
         ("claim gaza-deaths:", "value: Input should be a finite number")),
    Case("a value of infinity", field("gaza-deaths", "value", "1.0e999"), 1,
         ("claim gaza-deaths:", "value: Input should be a finite number")),
    Case("a value over a quadrillion", field("gaza-deaths", "value", "2000000000000000"), 1,
         ("claim gaza-deaths:", "value: Input should be less than or equal to 1000000000000000")),
    Case("evidence offsets beyond any article", field("gaza-deaths", "end", "99999999999999999999"), 1,
         ("claim gaza-deaths:", "end: Input should be less than or equal to 2000000")),
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
         ("seeds/000_47ef2131506feb3b.yaml:1:1: error: cannot read the file: it does not exist",)),
    # inputs confined to the project: links, paths leaving it, FIFOs, devices, sizes
    Case("article: a link to a copy outside the project",
         both(outside("copy.txt", "SECRET " + ARTICLE_TEXT), link(ART, "../copy.txt")), 1,
         (f"{ART}:1:1: error: cannot read the article: it is a symbolic link", "[claims.source]"),
         absent=("SECRET",)),
    Case("article: a path leaving the project", both(outside("copy.txt", "SECRET"), setting("article", "../copy.txt")), 1,
         ("copy.txt:1:1: error: cannot read the article: it is outside the project folder",), absent=("SECRET",)),
    Case("article: /dev/zero", link(ART, "/dev/zero"), 1, (f"{ART}:1:1: error: cannot read the article: it is a symbolic link",)),
    Case("article: a character device", device(ART), 1,
         (f"{ART}:1:1: error: cannot read the article: it is a character device, not a regular file",)),
    Case("article: a FIFO", fifo(ART), 1, (f"{ART}:1:1: error: cannot read the article: it is a FIFO (named pipe)",)),
    Case("article: over the size cap", article(lambda b: b + b" x" * 1_000_000), 1,
         (f"{ART}:1:1: error: cannot read the article: it is 2,0", "over the limit of 2,000,000 bytes")),
    Case("metadata: a link", link(META, "/etc/hostname"), 1, (f"{META}:1:1: error: cannot read the file: it is a symbolic link",)),
    Case("claims file: a link to a file outside", both(outside("evil.yaml", "claims: []\n"), link(Y, "../evil.yaml")), 1,
         (f"{Y}:1:1: error: cannot read the file: it is a symbolic link",)),
    Case("claims file: a FIFO", fifo(Y), 1, (f"{Y}:1:1: error: cannot read the file: it is a FIFO (named pipe)",)),
    Case("claims folder: a path leaving the project", setting("claims", "../elsewhere"), 1,
         ("error: the claims folder: it is outside the project folder", "[claims.config]")),
    Case("docs folder: an absolute path elsewhere", setting("docs", "/etc"), 1,
         ("/etc:1:1: error: the docs folder: it is outside the project folder", "[claims.config]")),
    Case("page: a link to a file outside", both(outside("secret.md", "SECRET 65,000\n"), link(PAGE, "../secret.md")), 1,
         (f"{PAGE}:1:1: error: cannot read the page: it is a symbolic link",), count=1, absent=("SECRET",)),
    Case("page: a linked folder", link("docs/linked", "/etc"), 1,
         ("docs/linked:1:1: error: the folder is a symbolic link",)),
    Case("page: a FIFO", fifo(PAGE), 1, (f"{PAGE}:1:1: error: cannot read the page: it is a FIFO (named pipe)",), count=1),
    Case("page: /dev/zero", link(PAGE, "/dev/zero"), 1, (f"{PAGE}:1:1: error: cannot read the page: it is a symbolic link",)),
    Case("page: over the size cap", page("word " * 110_000), 1,
         (f"{PAGE}:1:1: error: cannot read the page: it is 550,0", "over the limit of 500,000 bytes"), count=1),
    Case("page: a file name that is not UTF-8", write("docs/caf\udce9.md", "# Caf\n"), 1,
         ("docs/caf\\xe9.md:1:1: error: the file name is not valid UTF-8; rename the page",), count=1),
    Case("pyproject.toml: a FIFO", fifo("pyproject.toml"), 2, ("pyproject.toml: cannot read the file: it is a FIFO",)),
    Case("pyproject.toml: nested too deeply", write("pyproject.toml", "[tool.claimdocs]\nx = " + "[" * 100_000 + "\n"), 2,
         ("pyproject.toml: invalid TOML: nested too deeply to read",)),
    # pages
    Case("unknown claim id", write(PAGE, "# Page\n\nHealth officials report {claim}`approximately 65,000 <gaza-deaht>`.\n"),
         1, (f"{PAGE}:3:", "gaza-deaht", "gaza-deaths")),
    Case("malformed role syntax", write(PAGE, "# Page\n\nThey report {claim}`approximately 65,000 <gaza-deaths` killed.\n"),
         1, (f"{PAGE}:3:",)),
    Case("an unterminated quotation", write(PAGE, "# Page\n\nHe said \u201cWe are witnessing a truly unique era.\n"),
         1, (f"{PAGE}:3:",)),
    Case("a paragraph of 400,000 characters", page("word " * 80_000 + "\n"), 1,
         (f"{PAGE}:3:1: error: a paragraph of 400,000 characters", "without a blank line (the limit is 20,000): split it"), count=1),
    Case("a page of many short paragraphs", page("Text here.\n\n" * 40_000), 0, ()),
    Case("a paragraph of 20,000 brackets", page("[" * 19_990 + "\n\n" + "[" * 19_990 + "\n"), 0, ()),
    Case("page not UTF-8: one finding, no claim then reported unused", write(PAGE, b"# Page\n\ncaf\xe9\n"), 1,
         (f"{PAGE}:3:4: error: byte 0xe9 is not valid UTF-8",), count=1),
    Case("page not UTF-8 after non-ASCII text: the column in characters", write(PAGE, "# H\n\n\u201cq\u201d ".encode() + b"\xe9\n"), 1,
         (f"{PAGE}:3:5: error: byte 0xe9 is not valid UTF-8",), count=1),
    # a byte-order mark and CRLF line ends: read like LF, lines and columns where an editor shows them
    Case("page with a BOM and CRLF", write(PAGE, b"\xef\xbb\xbf# Page\r\n\r\nThey say 65,000 here.\r\n"), 1,
         (f"{PAGE}:3:10: error: figure", "[claims.unbacked]"), count=1),
    Case("page with CR line ends", write(PAGE, b"# Page\r\rThey say 65,000 here.\r"), 1,
         (f"{PAGE}:3:10: error: figure",), count=1),
    Case("a clean page with a BOM and CRLF", write(PAGE, b"\xef\xbb\xbf# Page\r\n\r\nText.\r\n"), 0, ()),
    # routes around the checks: checked or refused, never shown unchecked
    Case("include: a file outside the project", both(outside("secret.md", "SECRET 65,000\n"), page("```{include} ../../secret.md\n```\n")), 1,
         (f"{PAGE}:3:4: error: {{include}} ../../secret.md: cannot read the included file: it is outside the project folder",),
         count=1, absent=("SECRET",)),
    Case("include: a file inside, checked as part of the page, located in it",
         both(write("notes/inc.md", "Index.\n\nThey say 65,000 here.\n"), page("```{include} ../notes/inc.md\n```\n")), 1,
         ("notes/inc.md:3:10: error: figure", "[claims.unbacked]"), count=1),
    Case("include: lines cut as MyST cuts them keep the file's line numbers",
         both(write("notes/inc.md", "They say 65,000 here.\n\nLines.\n\nThey say 1,200 here.\n"),
              page("```{include} ../notes/inc.md\n:start-line: 2\n```\n")), 1,
         ("notes/inc.md:5:10: error: figure",), count=1),
    Case("include: a link inside the project to a file outside",
         both(outside("secret.md", "SECRET\n"), link("notes.md", "../secret.md"), page("```{include} ../notes.md\n```\n")), 1,
         (f"{PAGE}:3:4: error: {{include}} ../notes.md: cannot read the included file: it is a symbolic link",),
         absent=("SECRET",)),
    Case("include: a file that includes itself", page("```{include} zz-hostile.md\n```\n"), 1,
         ("a file that includes itself",)),
    Case("include: a bomb (a file including a file a hundred times, a hundred times)", both(
        write("notes/c.md", "Text.\n"), write("notes/b.md", "```{include} ../notes/c.md\n```\n\n" * 100),
        page("```{include} ../notes/b.md\n```\n\n" * 100)), 1,
         ("more than 100 includes in one page, nested ones counted",)),
    Case("include: a FIFO", both(fifo("docs/inc.md"), page("```{include} inc.md\n```\n")), 1,
         (f"{PAGE}:3:4: error: {{include}} inc.md: cannot read the included file: it is a FIFO",)),
    Case("include: docutils' standard includes", page("```{include} <isonum.txt>\n```\n"), 1,
         ("standard includes, outside the project",)),
    Case("include: as a literal block", both(write("notes/inc.md", "x\n"), page("```{include} ../notes/inc.md\n:literal:\n```\n")), 1,
         (f"{PAGE}:3:4: error: {{include}} :literal: a file shown as code is not checked",)),
    Case("literalinclude", page("```{literalinclude} ../pyproject.toml\n```\n"), 1,
         (f"{PAGE}:3:4: error: {{literalinclude}}: a file shown as code is not checked: put the code in a code block",)),
    Case("raw HTML", page("```{raw} html\n<p>65,000 killed</p>\n```\n"), 1,
         (f"{PAGE}:3:4: error: {{raw}}: raw output is not checked: write the content in Markdown",), count=1),
    Case("eval-rst", page("```{eval-rst}\n65,000 killed\n```\n"), 1,
         (f"{PAGE}:3:4: error: {{eval-rst}}: reStructuredText is not checked",), count=1),
    Case("csv-table", page("```{csv-table}\n:file: ../../../etc/passwd\n```\n"), 1,
         (f"{PAGE}:3:4: error: {{csv-table}}: a CSV table is not checked: write a Markdown table or a {{list-table}}",)),
    Case("list-table: checked as prose", page("```{list-table}\n* - Figure\n  - They say 65,000.\n```\n"), 1,
         (f"{PAGE}:5:14: error: figure", "[claims.unbacked]"), count=1),
    Case("an HTML block", page("<div>\nThey say 65,000 here.\n</div>\n"), 1,
         (f"{PAGE}:3:1: error: an HTML block is not checked: write it in Markdown",), count=1),
    Case("an HTML comment is fine", page("<!-- a note for editors -->\n\nText.\n"), 0, ()),
    Case("inline HTML with an attribute", page("See <abbr title=\"65,000 here\">this</abbr>.\n"), 1,
         (f"{PAGE}:3:5: error: inline HTML other than comments and plain formatting tags",), count=1),
    Case("a figure inside plain formatting tags is checked", page("They say <b>65,000</b> here.\n"), 1,
         (f"{PAGE}:3:13: error: figure",), count=1),
    Case("image alt text is checked as prose", page("![They say 65,000 here](pic.png)\n"), 1,
         (f"{PAGE}:3:12: error: figure",), count=1),
    Case("claim markup in image alt text", page("![{claim}`about 65,000 <gaza-deaths>`](pic.png)\n"), 1,
         (f"{PAGE}:3:3: error: claim markup inside image alt text is not rendered",)),
    Case("an :alt: option is checked as prose", page("```{image} pic.png\n:alt: They say 65,000 here\n```\n"), 1,
         (f"{PAGE}:4:16: error: figure",), count=1),
    Case("an image from outside the project", page("![A picture](../../../etc/secret.png)\n"), 1,
         (f"{PAGE}:3:1: error: image ../../../etc/secret.png: it is outside the project folder",), count=1),
    Case("substitutions, with the extension off as in conf.py: plain text, checked", page("They say {{ 65,000 }} here.\n"), 1,
         (f"{PAGE}:3:13: error: figure",), count=1),
    Case("substitutions, with the extension on", both(
        replace("conf.py", '"attrs_inline"]', '"attrs_inline", "substitution"]'), page("They say {{ toll }} here.\n")), 1,
         (f"{PAGE}:3:10: error: a substitution ({{{{ ... }}}}) puts text on the page that the checker cannot see",), count=1),
    Case("conf.py's MyST extensions computed, not written out", replace(
        "conf.py", 'myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "attrs_inline"]',
        'myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"] + ["attrs_inline"]'), 1,
         ("conf.py:27:1: error: myst_enable_extensions in conf.py is not a literal list", "[claims.config]")),
    Case("a role whose text a reader sees is checked as prose", page("They say {strong}`65,000` here.\n"), 1,
         (f"{PAGE}:3:19: error: figure",), count=1),
    Case("a badge is checked as prose", page("A badge: {bdg-info}`65,000 here`.\n"), 1, (f"{PAGE}:3:21: error: figure",), count=1),
    Case("a code role is code", page("See {code}`seq 65000`.\n"), 0, ()),
    Case("{nofact} around a sentence", page("They say {nofact}`65,000 people were killed in the war`.\n"), 1,
         (f"{PAGE}:3:10: error: {{nofact}} holds a number that states no fact", "[claims.syntax]"), count=1),
    Case("{nofact} around a number", page("Step {nofact}`3` and part {nofact}`4.2b`.\n"), 0, ()),
    # configuration
    Case("pyproject not TOML", write("pyproject.toml", "[tool.claimdocs\n"), 2, ("invalid TOML",)),
    Case("no [tool.claimdocs]", write("pyproject.toml", "[project]\nname = 'x'\n"), 2, ("no [tool.claimdocs] table",)),
    Case("an unknown setting", write("pyproject.toml", "[tool.claimdocs]\nartcle = 'x'\n"), 2,
         ("unknown setting(s) artcle",)),
    Case("claims folder missing", remove("claims"), 1, ("claims:1:1: error: no claims files",)),
    # outputs never overwrite an input
    Case("-o a claims file", lambda site: None, 2, ("--output", "context.yaml: it is an input of the project",),
         args=("-o", "{site}/claims/context.yaml")),
    Case("-o a new file among the claims", lambda site: None, 2, ("new.txt: it lies in claims/, among the project's inputs",),
         args=("-o", "{site}/claims/new.txt")),
    Case("-o the article's folder", lambda site: None, 2, ("report.txt: it lies in seeds/",),
         args=("-o", "{site}/seeds/report.txt")),
    Case("-o a page", lambda site: None, 2, ("figures.md: it is an input of the project",), args=("-o", "{site}/docs/figures.md")),
    Case("-o pyproject.toml", lambda site: None, 2, ("pyproject.toml: it is an input of the project",),
         args=("-o", "{site}/pyproject.toml")),
    Case("-o an included file", both(write("notes/inc.md", "Text.\n"), page("```{include} ../notes/inc.md\n```\n")), 2,
         ("inc.md: it is an input of the project",), args=("-o", "{site}/notes/inc.md")),
    Case("-o a FIFO", fifo("report.fifo"), 2, ("report.fifo: not a regular file",), args=("-o", "{site}/report.fifo")),
    Case("-o a folder that does not exist", lambda site: None, 2, ("cannot write it",), args=("-o", "{site}/no/such/r.txt")),
    # standard output that cannot take UTF-8
    Case("strict ASCII standard output", page("He said \u201chell\u201d.\n"), 1, (f"{PAGE}:3:", "\\u201c"),
         env=(("PYTHONIOENCODING", "ascii:strict"), ("LC_ALL", "C"))),
]


def snapshot(root: Path) -> dict[str, str]:
    """Every regular file of the project (not following links) and its hash."""
    out = {}
    for folder, _dirs, files in os.walk(root):
        for name in sorted(files):
            p = Path(folder, name)
            if p.is_file() and not p.is_symlink():
                out[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, site: Path) -> None:
    PWNED.unlink(missing_ok=True)
    case.setup(site)
    before = snapshot(site)
    started = time.monotonic()
    args = [a.replace("{site}", str(site)) for a in case.args]
    proc = subprocess.run(
        [sys.executable, "-m", "claimdocs", "--root", str(site), "check", *args],
        capture_output=True, text=True, errors="replace", timeout=TIME_LIMIT, preexec_fn=_limit, check=False,
        env={**os.environ, "PYTHONHASHSEED": "0", **dict(case.env)},
    )
    elapsed = time.monotonic() - started
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output
    assert "internal error" not in output
    assert proc.returncode == case.code, output[-3000:]
    for needle in case.expect:
        assert needle in output, f"{needle!r} not in:\n{output[-3000:]}"
    for needle in case.absent:
        assert needle not in output, f"{needle[:40]!r} (from outside the project, or too long) is in the output"
    if case.code == 1:
        # one finding a line, compiler style
        first = next(line for line in proc.stdout.splitlines() if line)
        assert ": error: " in first
        assert first.rstrip().endswith("]")
    if case.count is not None:
        assert len([line for line in proc.stdout.splitlines() if ": error: " in line]) == case.count, proc.stdout[-3000:]
    if case.code == 2:
        assert proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1, output  # one line, naming the path
    assert snapshot(site) == before, "the checker wrote or changed a file"
    assert not PWNED.exists(), "a YAML tag was executed"
    assert elapsed < TIME_LIMIT


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 100
