"""The command line: ``claimdocs check``, ``claimdocs claims``, ``claimdocs anchor``.

Exit codes: 0 clean, 1 findings, 2 cannot run (bad arguments, unreadable
configuration). Never a traceback: an unexpected error is reported as exit 2
with a one-line message.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from claimdocs._version import __version__
from claimdocs.config import Config
from claimdocs.export import claims_document
from claimdocs.findings import CannotRun, Finding
from claimdocs.project import load_project
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
    r.add_argument("--json", action="store_true", help="machine-readable: id, half, kinds, summary, specification")
    s = sub.add_parser("schema", help="print the JSON Schema of claims files")
    s.add_argument("--check", action="store_true", help="exit 1 if claims/schema.json is out of date")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except CannotRun as exc:
        print(f"claimdocs: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        print(f"claimdocs: internal error: {type(exc).__name__}: {exc} (please report this)", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    root = args.root.resolve()
    if not root.is_dir():
        raise CannotRun(f"{args.root}: not a folder")
    if args.command == "schema":
        return _schema(root, args.check)
    if args.command == "rules":
        return _rules(args.json)
    config = Config.from_pyproject(root)
    if args.command == "anchor":
        return _anchor(config, args.text, args.prefix, args.suffix)
    started = time.perf_counter()
    project = load_project(config)
    if args.command == "claims":
        doc = claims_document(project)
        if args.json:
            sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        else:
            for c in doc["claims"]:
                sys.stdout.write(f"{c['id']:40} {c['kind']:9} {c['evidence']['exact'][:60]!r}\n")
        return 0
    from claimdocs.rules.engine import run_checks

    result = run_checks(project, pages=not args.source_only)
    findings = result.findings
    summary = {**result.summary, "seconds": round(time.perf_counter() - started, 3)}
    out = _render(args.format, findings, summary, config)
    if args.output:
        args.output.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    if args.summary or args.format == "text":
        print(_summary_line(summary, findings), file=sys.stderr)
    return 1 if findings else 0


def _render(fmt: str, findings: list[Finding], summary: dict[str, object], config: Config) -> str:
    if fmt == "json":
        return format_json(findings, summary)
    if fmt == "github":
        return format_github(findings)
    if fmt == "sarif":
        return format_sarif(findings, __version__, RuleDocs.of(config))
    return format_text(findings)


def _summary_line(summary: dict[str, object], findings: list[Finding]) -> str:
    parts = [f"{len(findings)} finding(s)"]
    for key in ("claims", "pages", "uses", "coverage", "nofact", "seconds"):
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


def _rules(as_json: bool) -> int:
    from claimdocs.rules.registry import RULES, catalogue_markdown, rule_docs

    if not as_json:
        sys.stdout.write(catalogue_markdown())
        return 0
    docs = rule_docs()
    rules = [
        {"id": f"claims.{r.id}", "half": r.half, "kinds": list(r.kinds), "summary": r.summary,
         "specification": docs.get(r.id, [])}
        for r in RULES.values()
    ]
    sys.stdout.write(json.dumps({"rules": rules}, indent=2, ensure_ascii=False) + "\n")
    return 0


def _schema(root: Path, check: bool) -> int:
    from claimdocs.model import schema_json

    text = schema_json()
    if not check:
        sys.stdout.write(text)
        return 0
    target = root / "claims" / "schema.json"
    try:
        current = target.read_text(encoding="utf-8")
    except OSError:
        current = ""
    if current != text:
        print(f"{target}:1:1: error: the schema is out of date; run `claimdocs schema > claims/schema.json` [claims.schema]")
        return 1
    return 0
