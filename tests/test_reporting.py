"""The report formats (:mod:`claimdocs.reporting`): one rule name everywhere, SARIF that validates and documents.

The SARIF 2.1.0 schema is a copy kept in tests/fixtures/sarif/ (where it comes from is
written there), so the validation runs offline.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from claimdocs.config import Config
from claimdocs.findings import Finding, RuleId
from claimdocs.reporting import RuleDocs, format_github, format_json, format_sarif, format_text, rule_name
from claimdocs.rules.registry import RULES, rule_docs

SCHEMA = Path(__file__).resolve().parent / "fixtures" / "sarif" / "sarif-2.1.0-rtm.5.json"
FINDINGS = [
    Finding("docs/figures.md", 12, 5, RuleId.QUOTE, "quotation is not verbatim", claim="plesner-era"),
    Finding("claims/context.yaml", 40, 3, RuleId.UNKNOWN_ID, "unknown claim id 'x'"),
    Finding("docs/a, b.md", 1, 1, RuleId.HEDGE, "100% wrong:\nline two", severity="warning"),
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def _rule_names(finding: Finding, docs: RuleDocs) -> dict[str, str]:
    """How each format names the rule of one finding."""
    text = format_text([finding]).rstrip("\n")
    github = format_github([finding])
    sarif = json.loads(format_sarif([finding], "1", docs))["runs"][0]
    return {
        "text": text[text.rindex("[") + 1 : -1],
        "json": json.loads(format_json([finding], {}))["findings"][0]["rule"],
        "github": github.split("title=", 1)[1].split("::", 1)[0],
        "sarif": sarif["results"][0]["ruleId"],
        "sarif rule": next(r["id"] for r in sarif["tool"]["driver"]["rules"] if r["id"] == sarif["results"][0]["ruleId"]),
    }


@pytest.mark.parametrize("rule", list(RuleId))
def test_every_format_names_a_rule_the_same_way(rule: RuleId) -> None:
    finding = Finding("docs/p.md", 3, 4, rule, "a message")
    assert set(_rule_names(finding, RuleDocs()).values()) == {f"claims.{rule}"}


def test_json_findings_keep_their_fields() -> None:
    data = json.loads(format_json(FINDINGS, {"claims": 3}))
    first = data["findings"][0]
    assert first == {"path": "docs/figures.md", "line": 12, "col": 5, "rule": "claims.quote",
                     "message": "quotation is not verbatim", "claim": "plesner-era", "severity": "error"}
    assert data["summary"] == {"claims": 3}


@pytest.mark.parametrize("base", ["", "https://example.org/claims/"])
def test_sarif_validates_against_the_2_1_0_schema(validator: jsonschema.Draft4Validator, base: str) -> None:
    sarif = json.loads(format_sarif(FINDINGS, "0.1.0", RuleDocs(base_url=base)))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(sarif)]
    assert not errors, "\n".join(errors)
    clean = json.loads(format_sarif([], "0.1.0", RuleDocs(base_url=base)))
    assert not list(validator.iter_errors(clean))


def test_the_schema_check_can_fail(validator: jsonschema.Draft4Validator) -> None:
    """The copy of the schema is really used: a level SARIF does not know, or a rule without an id, fails."""
    sarif = json.loads(format_sarif(FINDINGS, "0.1.0"))
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    del sarif["runs"][0]["tool"]["driver"]["rules"][0]["id"]
    messages = {e.message for e in validator.iter_errors(sarif)}
    assert any("'fatal'" in m for m in messages) and any("'id' is a required property" in m for m in messages)


def test_sarif_rules_carry_each_rules_specification() -> None:
    rules = json.loads(format_sarif([], "1"))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(f"claims.{r}" for r in RULES)
    specs = rule_docs()
    for descriptor in rules:
        rule = RuleId(descriptor["id"].removeprefix("claims."))
        assert descriptor["shortDescription"]["text"] == RULES[rule].summary
        full = descriptor["fullDescription"]["text"]
        assert specs[rule] and full.startswith(specs[rule][0][:20].replace("``", "`")), rule
        assert "``" not in full and ":mod:" not in full  # docstring markup made plain
        assert len(full) > len(RULES[rule].summary) or full == RULES[rule].summary


def test_the_quote_rules_full_description_is_its_specification() -> None:
    quote = next(r for r in json.loads(format_sarif([], "1"))["runs"][0]["tool"]["driver"]["rules"]
                 if r["id"] == "claims.quote")
    paragraphs = [re.sub(r":[a-z]+:`([^`]+)`", r"`\1`", p).replace("``", "`") for p in rule_docs()[RuleId.QUOTE]]
    # its own family's two (on pages, in the claims), then the unbacked family's "(in prose)"
    assert len(paragraphs) == 3 and paragraphs[1].startswith("In the claims:") and paragraphs[2].startswith("in prose:")
    assert quote["fullDescription"]["text"] == "\n\n".join(paragraphs)


@pytest.mark.parametrize("base", ["https://example.org/claims/", "https://example.org/claims"])
def test_help_uri_is_the_rules_section_of_the_built_page(base: str) -> None:
    driver = json.loads(format_sarif(FINDINGS, "1", RuleDocs(base_url=base)))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/claims/checking.html"
    by_id = {r["id"]: r for r in driver["rules"]}
    assert by_id["claims.quote"]["helpUri"] == "https://example.org/claims/checking.html#rule-quote"
    assert by_id["claims.unknown-id"]["helpUri"] == "https://example.org/claims/checking.html#rule-unknown-id"
    for rule in driver["rules"]:
        parts = urlsplit(rule["helpUri"])
        assert parts.scheme == "https" and parts.netloc and parts.fragment == f"rule-{rule['id'][7:]}"
        assert rule["helpUri"] in rule["help"]["markdown"]


def test_without_the_sites_address_no_uri_and_help_names_the_page() -> None:
    """SARIF wants helpUri and informationUri absolute: without an address there are none, not made-up ones."""
    text = format_sarif(FINDINGS, "1", RuleDocs())
    driver = json.loads(text)["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert "helpUri" not in text
    quote = next(r for r in driver["rules"] if r["id"] == "claims.quote")
    assert quote["help"]["text"] == "claims.quote is specified in docs/checking.md (#rule-quote in the built site)."


def test_rule_docs_follow_the_configuration(tmp_path: Path) -> None:
    config = Config(root=tmp_path, docs="site", rules_page="rules/all", html_baseurl="https://example.org")
    docs = RuleDocs.of(config)
    assert docs.help_uri("value") == "https://example.org/rules/all.html#rule-value"
    assert RuleDocs.of(Config(root=tmp_path, docs="site", rules_page="rules/all")).help("value")["text"] == (
        "claims.value is specified in site/rules/all.md (#rule-value in the built site).")


def test_rule_name() -> None:
    assert rule_name(RuleId.UNKNOWN_ID) == "claims.unknown-id"
