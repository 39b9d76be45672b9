"""The command line: ``claimdocs check``, ``claimdocs claims``, ``claimdocs anchor``, ``claimdocs init``.

Exit codes: 0 clean, 1 findings, 2 cannot run (bad arguments, unreadable
configuration, an output that would overwrite an input). Never a traceback: an
unexpected error is reported as exit 2 with a one-line message. ``--output`` is
written atomically (a temporary file, then a rename) and never to an input or among
them; standard output that cannot encode a character gets an escape, never an error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from claimdocs._version import __version__
from claimdocs.config import Config, conf_files
from claimdocs.export import claims_document, claims_json
from claimdocs.files import MAX_YAML_BYTES, Refused, printable, read_input, write_atomic
from claimdocs.findings import CannotRun, Finding, Waived
from claimdocs.project import Project, load_project, page_files
from claimdocs.reporting import FORMATS, RuleDocs, format_github, format_json, format_sarif, format_text


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"claimdocs: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="claimdocs", description="Check that pages, claims and the article agree.")
    p.add_argument("--version", action="version", version=f"claimdocs {__version__}")
    p.add_argument("--root", type=Path, default=Path("."), help="project folder holding pyproject.toml")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="check article -> claims -> pages; exit 1 on findings")
    c.add_argument("--format", choices=FORMATS, default="text")
    c.add_argument("--source-only", action="store_true", help="only the article-to-claims half")
    c.add_argument("--output", "-o", type=Path, help="write the report here instead of stdout")
    c.add_argument("--summary", action="store_true", help="print counts on stderr")
    k = sub.add_parser("claims", help="list the claims")
    k.add_argument("--json", action="store_true", help="machine-readable (see docs/checking.md)")
    a = sub.add_parser("anchor", help="print the evidence block for a verbatim span of the article")
    a.add_argument("text")
    a.add_argument("--prefix", default="")
    a.add_argument("--suffix", default="")
    r = sub.add_parser("rules", help="print the catalogue of rules (Markdown; the README's)")
    r.add_argument("--readme", type=Path, metavar="PATH",
                   help="write the catalogue into PATH's generated section (between its rules markers) instead")
    r.add_argument("--json", action="store_true", help="machine-readable: id, half, kinds, summary, specification")
    i = sub.add_parser("init", help="scaffold a project from a plain-text UTF-8 article, with draft claims to review")
    i.add_argument("article", type=Path, help="the article: a plain-text UTF-8 file")
    i.add_argument("dir", type=Path, nargs="?", help="a new or empty folder (default: the article's name, here)")
    s = sub.add_parser("schema", help="print the JSON Schema of claims files")
    s.add_argument("--check", action="store_true", help="exit 1 if claims/schema.json is out of date")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a strict ASCII terminal gets escapes, not an error
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except CannotRun as exc:
        print(f"claimdocs: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly, without a traceback at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        print(f"claimdocs: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "init":
        return _init(args.article, args.dir)
    root = args.root.resolve()
    if not root.is_dir():
        raise CannotRun(f"{printable(str(args.root))}: not a folder")
    if args.command == "schema":
        return _schema(root, args.check)
    if args.command == "rules":
        return _rules(args.json, args.readme)
    config = Config.from_pyproject(root)
    if args.command == "anchor":
        return _anchor(config, args.text, args.prefix, args.suffix)
    started = time.perf_counter()
    project = load_project(config)
    if args.command == "claims":
        doc = claims_document(project)
        if args.json:
            _emit(claims_json(doc), "json")
        else:
            _emit("".join(f"{c['id']:40} {c['kind']:9} {c['evidence']['exact'][:60]!r}\n" for c in doc["claims"]), "text")
        return 0
    from claimdocs.rules.engine import run_checks

    if args.output:
        _refuse_output(args.output, config, project)
    result = run_checks(project, pages=not args.source_only)
    findings = result.findings
    summary = {**result.summary, "seconds": round(time.perf_counter() - started, 3)}
    out = _render(args.format, findings, summary, config, result.waived)
    if args.output:
        _refuse_output(args.output, config, project, result.included)
        try:
            write_atomic(args.output, out)
        except OSError as exc:
            raise CannotRun(f"--output {printable(str(args.output))}: cannot write it: {exc.strerror or exc}") from None
    else:
        _emit(out, args.format)
    if args.summary or args.format == "text":
        print(_summary_line(summary, findings), file=sys.stderr)
    return 1 if findings else 0


def _refuse_output(target: Path, config: Config, project: Project, included: Iterable[str] = ()) -> None:
    """Refuse (exit 2) an output that is an input of the project or lies among them.

    Inputs are the article, its metadata, pyproject.toml, conf.py, the claims files, the
    pages and the files they include; the folders holding the claims, the pages and the
    article (when they are not the project folder itself) take no output at all, and
    neither does anything that is not a regular file (a FIFO would block the writer).
    """
    shown = printable(str(target))
    real = _real(target)
    if real.exists() and not real.is_file():
        raise CannotRun(f"--output {shown}: not a regular file; write the report to a file")
    files = {config.path("article"), config.path("metadata"), config.root / "pyproject.toml", *conf_files(config),
             *project.files, *page_files(config), *(config.root / p for p in included)}
    if any(real == _real(f) for f in files):
        raise CannotRun(f"--output {shown}: it is an input of the project; write the report elsewhere")
    root = _real(config.root)
    folders = {config.path("claims"), config.path("docs"), config.path("article").parent, config.path("metadata").parent}
    for folder in folders:
        inside = _real(folder)
        if inside != root and (real == inside or inside in real.parents):
            raise CannotRun(f"--output {shown}: it lies in {config.display(folder)}/, among the project's inputs; "
                            "write the report elsewhere")
    # the pages or the claims in the project folder itself: only what would be read as one is refused
    read_as_input = {".md": config.path("docs"), ".yaml": config.path("claims"), ".yml": config.path("claims")}
    if real.suffix in read_as_input and _real(read_as_input[real.suffix]) in real.parents:
        raise CannotRun(f"--output {shown}: it would be read as an input of the project; write the report elsewhere")


def _real(path: Path) -> Path:
    """A path with its links resolved, as the file system will open it."""
    return Path(os.path.realpath(path))


def _emit(text: str, fmt: str) -> None:
    """Write to standard output; where it cannot encode a character, JSON gets ``\\uXXXX`` escapes (still valid JSON)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        if fmt in ("json", "sarif"):
            text = _NON_ASCII.sub(lambda m: json.dumps(m.group())[1:-1], text)
    sys.stdout.write(text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _render(fmt: str, findings: list[Finding], summary: dict[str, object], config: Config,
            waived: list[Waived]) -> str:
    if fmt == "json":
        return format_json(findings, summary, waived)
    if fmt == "github":
        return format_github(findings)
    if fmt == "sarif":
        return format_sarif(findings, __version__, RuleDocs.of(config), waived)
    return format_text(findings)


def _summary_line(summary: dict[str, object], findings: list[Finding]) -> str:
    parts = [f"{len(findings)} finding(s)"]
    for key in ("claims", "pages", "uses", "coverage", "nofact", "waived", "seconds"):
        if key in summary:
            parts.append(f"{key}: {summary[key]}")
    return "claimdocs: " + ", ".join(parts)


def _anchor(config: Config, text: str, prefix: str, suffix: str) -> int:
    project = load_project(config)
    if project.article is None:
        for f in project.findings:
            print(f.format(), file=sys.stderr)
        return 2
    where = project.article.anchor(text, prefix, suffix)
    if isinstance(where, str):
        print(f"claimdocs: {where}", file=sys.stderr)
        return 1
    start, end = where
    exact = project.article.text[start:end]
    lines = ["evidence:", f"  exact: {json.dumps(exact, ensure_ascii=False)}"]
    if prefix:
        lines.append(f"  prefix: {json.dumps(prefix, ensure_ascii=False)}")
    if suffix:
        lines.append(f"  suffix: {json.dumps(suffix, ensure_ascii=False)}")
    lines += [f"  start: {start}", f"  end: {end}"]
    print("\n".join(lines))
    return 0


def _init(article: Path, target: Path | None) -> int:
    from claimdocs.scaffold import article_name, init

    started = time.perf_counter()
    target = target if target is not None else Path(article_name(article))
    proposal = init(article, target)
    c = proposal.counts
    print(f"claimdocs: wrote {printable(str(target))}/ from {printable(str(article))}: "
          f"{len(proposal.claims)} draft claims ({c['figures']} figures, {c['dates and times']} dates and times, "
          f"{c['quotations']} quotations, {c['according to']} \"according to\") and {c['names']} draft entities "
          f"in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    for kind, text, why in proposal.skipped:
        print(f"claimdocs: not drafted: {kind} {text!r}: {why}; add its claim by hand", file=sys.stderr)
    print(f"claimdocs: next: review the drafts (claimdocs --root {printable(str(target))} check lists them)", file=sys.stderr)
    return 0


README_START = "<!-- rules: generated by `claimdocs rules`; do not edit -->\n"
README_END = "<!-- rules: end -->"


def _rules(as_json: bool, readme: Path | None = None) -> int:
    from claimdocs.rules.registry import RULES, catalogue_markdown, rule_docs

    if readme is not None:
        try:
            text = readme.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CannotRun(f"{printable(str(readme))}: cannot read it: {exc}") from None
        if README_START not in text or README_END not in text:
            raise CannotRun(f"{printable(str(readme))}: no generated rules section (its two markers) to write into")
        head, rest = text.split(README_START, 1)
        tail = rest.split(README_END, 1)[1]
        write_atomic(readme, head + README_START + catalogue_markdown() + README_END + tail)
        return 0
    if not as_json:
        _emit(catalogue_markdown(), "text")
        return 0
    docs = rule_docs()
    rules = [
        {"id": f"claims.{r.id}", "half": r.half, "kinds": list(r.kinds), "summary": r.summary,
         "specification": docs.get(r.id, [])}
        for r in RULES.values()
    ]
    _emit(json.dumps({"rules": rules}, indent=2, ensure_ascii=False) + "\n", "json")
    return 0


def _schema(root: Path, check: bool) -> int:
    from claimdocs.model import schema_json

    text = schema_json()
    if not check:
        _emit(text, "json")
        return 0
    target = root / "claims" / "schema.json"
    try:
        current = read_input(root, target, limit=MAX_YAML_BYTES, what="schema").decode("utf-8", "replace")
    except Refused:
        current = ""
    if current != text:
        print(f"{target}:1:1: error: the schema is out of date; run `claimdocs schema > claims/schema.json` [claims.schema]")
        return 1
    return 0
