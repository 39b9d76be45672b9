"""The formats that report findings: text, json, github, sarif.

One finding a line, compiler style, with a stable rule name that a user can
look up and, in Sphinx, silence by ``suppress_warnings = ["claims.<rule>"]``.
The rules' descriptions come from the registry (:mod:`claimdocs.rules.registry`).
"""

from __future__ import annotations

import json
from dataclasses import asdict

from claimdocs.findings import Finding
from claimdocs.rules.registry import RULES
from claimdocs.rules.registry import summary as rule_summary


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
    used = sorted({str(f.rule) for f in findings} | {str(r) for r in RULES})
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
                            {"id": f"claims.{r}", "shortDescription": {"text": rule_summary(r)}}
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
