"""The formats that report findings: text, json, github, sarif.

One finding a line, compiler style, with a stable rule name that a user can
look up and, in Sphinx, silence by ``suppress_warnings = ["claims.<rule>"]``.
What a waiver waives (:mod:`claimdocs.rules.waiver`) is never silenced unseen: JSON
lists it under ``waived`` with its reason, SARIF as a result with a suppression
(its justification the reason), and every summary counts it.
Every format names a rule the same way, ``claims.<id>`` (:func:`rule_name`).
The rules' descriptions come from the registry (:mod:`claimdocs.rules.registry`):
in SARIF each rule carries its one-line summary, its specification (the family
docstring's text) and, when the site's address is known, ``helpUri``: the rule's
section of the built "How this site is checked" page (:class:`RuleDocs`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from urllib.parse import urljoin

from claimdocs.config import Config
from claimdocs.findings import Finding, RuleId, Waived
from claimdocs.rules.registry import RULES, rule_docs
from claimdocs.rules.registry import summary as rule_summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def rule_name(rule: str) -> str:
    """The name of a rule in every report and Sphinx warning: ``claims.<id>``."""
    return f"claims.{rule}"


@dataclass(frozen=True)
class RuleDocs:
    """Where the rules are documented: the page holding ``{claims-rules}`` (each rule under the anchor
    ``rule-<id>``), and the address the built site is served from, if the project says
    (``[tool.claimdocs] html_baseurl``).

    SARIF wants ``helpUri`` (and ``informationUri``) absolute: without the site's address a rule has
    none, and its ``help`` names the page's source file and the anchor instead.
    """

    source: str = "docs/checking.md"  # the page's source file, from the project root
    page: str = "checking"  # its name in the built site (checking.html)
    base_url: str = ""

    @classmethod
    def of(cls, config: Config) -> RuleDocs:
        return cls(f"{config.docs}/{config.rules_page}.md", config.rules_page, config.html_baseurl)

    def page_uri(self) -> str | None:
        """The built page's absolute address, or None when the site's address is not known."""
        if not self.base_url:
            return None
        return urljoin(self.base_url if self.base_url.endswith("/") else self.base_url + "/", f"{self.page}.html")

    def help_uri(self, rule: str) -> str | None:
        page = self.page_uri()
        return f"{page}#rule-{rule}" if page else None

    def help(self, rule: str) -> dict[str, str]:
        """SARIF ``help``: where the rule is specified, as text and Markdown."""
        uri = self.help_uri(rule)
        if uri:
            return {"text": f"{rule_name(rule)} on \u201cHow this site is checked\u201d: {uri}",
                    "markdown": f"[{rule_name(rule)}]({uri}) on \u201cHow this site is checked\u201d"}
        return {"text": f"{rule_name(rule)} is specified in {self.source} (#rule-{rule} in the built site).",
                "markdown": f"`{rule_name(rule)}` is specified in `{self.source}` (`#rule-{rule}` in the built site)."}


_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")


def _plain(text: str) -> str:
    """A docstring sentence as text (and Markdown): ``code`` and :role:`code` become `code`."""
    return _ROLE.sub(r"`\1`", text).replace("``", "`")


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_text(findings: list[Finding]) -> str:
    return "".join(f.format() + "\n" for f in findings)


def _record(f: Finding) -> dict[str, object]:
    return {**asdict(f), "rule": rule_name(f.rule)}


def format_json(findings: list[Finding], summary: dict[str, object], waived: Iterable[Waived] = ()) -> str:
    """``{"findings": [...], "waived": [{...finding, "reason", "waiver": {"path", "line"}}], "summary": {...}}``."""
    payload = {
        "findings": [_record(f) for f in findings],
        "waived": [{**_record(w.finding), "reason": w.reason, "waiver": {"path": w.path, "line": w.line}} for w in waived],
        "summary": summary,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def format_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: one annotation a finding."""
    lines = []
    for f in findings:
        props = ",".join(
            f"{k}={_github_escape(str(v), prop=True)}"
            for k, v in (("file", f.path), ("line", f.line), ("col", f.col), ("title", rule_name(f.rule)))
        )
        lines.append(f"::{f.severity} {props}::{_github_escape(f.message)}\n")
    return "".join(lines)


def sarif_rules(docs: RuleDocs, extra: Iterable[RuleId] = ()) -> list[dict[str, object]]:
    """SARIF ``reportingDescriptor`` s, by id: every rule of the registry (and those in ``extra``)."""
    specs = rule_docs()
    out: list[dict[str, object]] = []
    for rule in sorted(set(RULES) | set(extra)):
        summary = rule_summary(rule)
        full = "\n\n".join(_plain(p) for p in specs.get(rule, [])) or summary
        descriptor: dict[str, object] = {
            "id": rule_name(rule),
            "shortDescription": {"text": summary},
            "fullDescription": {"text": full},
            "help": docs.help(rule),
        }
        help_uri = docs.help_uri(rule)
        if help_uri:
            descriptor["helpUri"] = help_uri
        if rule in RULES:
            descriptor["properties"] = {"half": RULES[rule].half, "kinds": list(RULES[rule].kinds)}
        out.append(descriptor)
    return out


def _sarif_result(f: Finding) -> dict[str, object]:
    return {
        "ruleId": rule_name(f.rule),
        "level": f.severity,
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {"startLine": max(f.line, 1), "startColumn": max(f.col, 1)},
                }
            }
        ],
        **({"properties": {"claim": f.claim}} if f.claim else {}),
    }


def format_sarif(findings: list[Finding], version: str, docs: RuleDocs | None = None, waived: Iterable[Waived] = ()) -> str:
    """SARIF 2.1.0, the format code-scanning tools read; a waived finding is a result with a suppression."""
    docs = docs or RuleDocs()
    waived = list(waived)
    results = [_sarif_result(f) for f in findings]
    for w in waived:
        # "inSource": the waiver is written in the project's own files (a page's comment, a claims file)
        results.append({**_sarif_result(w.finding), "suppressions": [
            {"kind": "inSource", "status": "accepted", "justification": w.reason,
             "location": {"physicalLocation": {"artifactLocation": {"uri": w.path},
                                               "region": {"startLine": max(w.line, 1)}}}}]})
    driver: dict[str, object] = {"name": "claimdocs", "version": version}
    if docs.page_uri():
        driver["informationUri"] = docs.page_uri()
    driver["rules"] = sarif_rules(docs, {f.rule for f in findings} | {w.finding.rule for w in waived})
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


FORMATS = ("text", "json", "github", "sarif")
