"""Findings and the formats that report them: text, json, github, sarif.

One finding a line, compiler style, with a stable rule name that a user can
look up and, in Sphinx, silence by ``suppress_warnings = ["claims.<rule>"]``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

#: Every rule the checker knows, with a one-line description (SARIF and docs use it).
RULES: dict[str, str] = {
    "yaml": "A claims or metadata file is not valid, safe YAML.",
    "schema": "A claims file does not match the claims model.",
    "duplicate-id": "Two claims or entities share an id.",
    "reference": "A claim names an entity or claim id that does not exist.",
    "source": "The article file is missing, unreadable, or not what the metadata pins.",
    "evidence": "A claim's evidence is not a verbatim span found exactly once in the article.",
    "offsets": "A claim's evidence offsets do not point at its text in the article.",
    "value": "A figure or date differs from its claim.",
    "hedge": "A hedge differs in class from its claim's.",
    "quote": "A quotation is not a verbatim span of the article or of its claim.",
    "speaker": "A quotation's speaker is not named where it is quoted.",
    "office": "An office or affiliation differs from the role claims.",
    "attribution": "A figure or statement lost the source that the article gives it.",
    "position": "A stance names other actors or another position than its claim.",
    "statement": "A statement in the article's own voice does not name the entities it is about.",
    "coverage": "A figure, date or quotation of the article has no claim.",
    "unbacked": "A page states a figure, date or quotation without claim markup.",
    "unknown-id": "A page names a claim id that does not exist.",
    "unused": "A claim that no page uses.",
    "syntax": "Claim markup on a page is malformed.",
    "config": "The checker's configuration is missing or invalid.",
    "page": "A page cannot be read.",
}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, located in a file: what was expected, what was found."""

    path: str
    line: int
    col: int
    rule: str
    message: str
    claim: str | None = field(default=None, compare=False)
    severity: Severity = field(default="error", compare=False)

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [claims.{self.rule}]"


class CannotRun(Exception):
    """The checker cannot run at all (exit 2): bad arguments or configuration."""


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_text(findings: list[Finding]) -> str:
    return "".join(f.format() + "\n" for f in findings)


def format_json(findings: list[Finding], summary: dict[str, object]) -> str:
    payload = {"findings": [asdict(f) for f in findings], "summary": summary}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def format_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: one annotation a finding."""
    lines = []
    for f in findings:
        props = ",".join(
            f"{k}={_github_escape(str(v), prop=True)}"
            for k, v in (("file", f.path), ("line", f.line), ("col", f.col), ("title", f"claims.{f.rule}"))
        )
        lines.append(f"::{f.severity} {props}::{_github_escape(f.message)}\n")
    return "".join(lines)


def format_sarif(findings: list[Finding], version: str) -> str:
    """SARIF 2.1.0, the format code-scanning tools read."""
    used = sorted({f.rule for f in findings} | set(RULES))
    results = [
        {
            "ruleId": f"claims.{f.rule}",
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
        for f in findings
    ]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimdocs",
                        "version": version,
                        "informationUri": "https://claimdocs.invalid/",
                        "rules": [
                            {"id": f"claims.{r}", "shortDescription": {"text": RULES.get(r, r)}}
                            for r in used
                        ],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


FORMATS = ("text", "json", "github", "sarif")
