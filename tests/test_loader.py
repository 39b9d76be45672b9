"""The YAML loader: safe, located, and never surprised by YAML's conversions."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimdocs.loader import MAX_DEPTH, decode, load_yaml, load_yaml_text, validate
from claimdocs.model import ClaimsFile


def one(text: str):
    loaded, findings = load_yaml_text(text, "claims/x.yaml")
    return loaded, findings


def test_positions_are_recorded_for_every_value() -> None:
    loaded, findings = one("claims:\n  - id: a-b\n    kind: quote\n")
    assert findings == []
    assert loaded.data == {"claims": [{"id": "a-b", "kind": "quote"}]}
    assert loaded.where(("claims", 0)) == (2, 5)
    assert loaded.where(("claims", 0, "kind")) == (3, 5)
    assert loaded.where(("claims", 0, "missing")) == (2, 5)  # nearest ancestor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v: 2023-10-07", "2023-10-07"),  # YAML would make a date
        ("v: yes", "yes"),  # YAML 1.1 would make True
        ("v: off", "off"),
        ("v: 010", "010"),  # octal in YAML 1.1
        ("v: 1:20", "1:20"),  # sexagesimal
        ("v: 1e3", "1e3"),
        ("v: .inf", ".inf"),
        ("v: 65000", 65000),
        ("v: 2.5", 2.5),
        ("v: true", True),
        ("v: null", None),
        ("v: '65000'", "65000"),
        ("v: !!str 12", "12"),
        ("v: =", "="),  # YAML 1.1's "value" key: just a string here
        ("v: <<", "<<"),  # a merge key only as a key; as a value, a string
    ],
)
def test_only_plain_numbers_and_booleans_are_converted(text: str, expected: object) -> None:
    loaded, findings = one(text)
    assert findings == []
    assert loaded.data["v"] == expected
    assert type(loaded.data["v"]) is type(expected)


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("a: [1, 2\nb: 3\n", 2, 2, "YAML syntax error"),
        ("a:\n\t- 1\n", 2, 1, "indent with spaces, not tabs"),
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first given on line 1)"),
        ("a: &x 1\nb: *x\n", 1, 4, "anchors (&x) are not allowed"),
        ("a: !!python/object/apply:os.system ['true']\n", 1, 4, "is not allowed (tags are refused, never executed)"),
        ("a: !custom 1\n", 1, 4, "the tag '!custom' is not allowed"),
        ("a: !!binary aGVsbG8=\n", 1, 4, "is not allowed"),
        ("<<: {a: 1}\n", 1, 1, "merge keys (<<) are not allowed"),
        ("? [a, b]\n: 1\n", 1, 3, "a mapping key must be a plain string"),
        ("a: 1\nb: x\x1by\n", 2, 5, "character U+001B is not allowed in YAML"),
        ("a: 1\n---\nb: 2\n", 2, 1, "holds one YAML document; remove the second '---'"),
        ("!!python/name:os.system a: 1\n", 1, 1, "is not allowed (tags are refused"),  # on a key too
        ("a: [*x]\n", 1, 5, "aliases (*name) are not allowed"),
        ("- " * 40 + "x\n", 1, 65, f"nested deeper than {MAX_DEPTH} levels"),
    ],
)
def test_bad_yaml_is_a_located_finding(text: str, line: int, col: int, message: str) -> None:
    loaded, findings = one(text)
    assert loaded is None
    assert len(findings) == 1
    f = findings[0]
    assert (f.path, f.line, f.col, f.rule) == ("claims/x.yaml", line, col, "yaml")
    assert message in f.message


def test_billion_laughs_is_refused_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    loaded, findings = one(bomb)
    assert loaded is None
    assert "anchors" in findings[0].message


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    loaded, findings = one(text)
    assert loaded is None
    assert "nested deeper" in findings[0].message


def test_very_deep_nesting_does_not_crash() -> None:
    loaded, findings = one("a: " + "[" * 5000 + "]" * 5000)
    assert loaded is None
    assert findings and findings[0].rule == "yaml"


def test_empty_and_comment_only_files_are_empty() -> None:
    assert one("")[0].data == {}
    assert one("# nothing\n")[0].data == {}


def test_nesting_up_to_the_limit_is_read() -> None:
    loaded, findings = one("[" * MAX_DEPTH + "x" + "]" * MAX_DEPTH)
    assert findings == []
    value = loaded.data
    for _ in range(MAX_DEPTH - 1):
        value = value[0]
    assert value == ["x"]


def test_positions_in_sequences_and_flow_mappings() -> None:
    loaded, findings = one("a:\n  - x\n  - {b: 1, c: [2, 3]}\n")
    assert findings == []
    assert loaded.data == {"a": ["x", {"b": 1, "c": [2, 3]}]}
    assert loaded.where(("a",)) == (1, 1)  # a key's position is the key's
    assert loaded.where(("a", 1)) == (3, 5)
    assert loaded.where(("a", 1, "c")) == (3, 12)
    assert loaded.where(("a", 1, "c", 1)) == (3, 19)


@pytest.mark.parametrize(
    ("raw", "line", "col", "message"),
    [
        (b"\xef\xbb\xbfclaims: []\n", 1, 1, "byte-order mark"),
        (b"claims:\n  - id: caf\xe9\n", 2, 12, "byte 0xe9 is not valid UTF-8"),
        (b"claims: []\r\nentities: []\r\n", 1, 1, "CR or CRLF line ends"),
    ],
)
def test_encoding_problems(raw: bytes, line: int, col: int, message: str) -> None:
    text, findings = decode(raw, "claims/x.yaml")
    assert text is None
    assert (findings[0].line, findings[0].col) == (line, col)
    assert message in findings[0].message


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"\xef\xbb\xbfclaims: []\n", "claims: []\n"),
        (b"claims: []\r\nentities: []\r\n", "claims: []\nentities: []\n"),
        (b"claims: []\rentities: []\r", "claims: []\nentities: []\n"),
    ],
)
def test_a_bom_and_cr_line_ends_are_read_like_lf_where_asked(raw: bytes, text: str) -> None:
    assert decode(raw, "claims/x.yaml", normalize=True) == (text, [])


@pytest.mark.parametrize(
    ("raw", "line", "col"),
    [
        ("a: \u201cq\u201d \u2014 ".encode() + b"\xff\n", 1, 10),  # 14 in bytes
        (b"\xef\xbb\xbfa: " + b"\xff", 1, 4),  # the BOM is no column
        (b"a\r\nb: \xc3\xa9\xff\r\n", 2, 5),
        (b"a\rb: \xff", 2, 4),
    ],
)
def test_a_bad_byte_is_located_in_characters(raw: bytes, line: int, col: int) -> None:
    _text, [finding] = decode(raw, "claims/x.yaml", normalize=True)
    assert (finding.line, finding.col) == (line, col)


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ('x: "\u00e9\u00e9" \x07\n', 1, 9, "character U+0007 is not allowed"),
        ("a: \u20ac\u20ac\u20ac\nb: \x1b\n", 2, 4, "character U+001B is not allowed"),
        ('a: "\u00e9\u00e9\u00e9\u20ac" [oops\n', 1, 11, "YAML syntax error"),  # 16 in bytes
    ],
)
def test_yaml_errors_after_non_ascii_text_are_located_in_characters(text: str, line: int, col: int,
                                                                    message: str) -> None:
    loaded, [finding] = load_yaml_text(text, "claims/x.yaml")
    assert loaded is None
    assert (finding.line, finding.col) == (line, col)
    assert message in finding.message


@pytest.mark.parametrize("digits", [41, 4_301, 100_001])
def test_a_number_of_many_digits_stays_text(digits: int) -> None:
    loaded, findings = load_yaml_text("v: 1" + "0" * (digits - 1) + "\n", "claims/x.yaml")
    assert findings == [] and loaded is not None
    assert loaded.data["v"] == "1" + "0" * (digits - 1)  # the schema says it is not a finite number


def test_missing_file_is_a_finding(tmp_path: Path) -> None:
    loaded, findings = load_yaml(tmp_path / "nope.yaml", "claims/nope.yaml")
    assert loaded is None
    assert "cannot read the file" in findings[0].message


def test_schema_errors_name_the_claim_and_the_field() -> None:
    text = (
        "claims:\n"
        "  - id: gaza-deaths\n"
        "    kind: quantity\n"
        "    text: approximately 65,000\n"
        "    value: 65000\n"
        "    hedge: roughly\n"
        "    counts: deaths\n"
        "    summary: s\n"
        "    evidence: {exact: x, start: 1, end: 2}\n"
    )
    loaded, _ = one(text)
    model, findings = validate(ClaimsFile, loaded, "claims/x.yaml")
    assert model is None
    [f] = findings
    assert (f.line, f.col, f.rule, f.claim) == (6, 5, "schema", "gaza-deaths")
    assert f.message.startswith("claim gaza-deaths: claims.0.hedge: Input should be")
    assert "(found 'roughly')" in f.message


def test_unknown_kind_and_unknown_field_are_schema_errors() -> None:
    loaded, _ = one("claims:\n  - id: a-b\n    kind: rumour\n")
    _, findings = validate(ClaimsFile, loaded, "claims/x.yaml")
    assert any("kind" in f.message or "tag" in f.message for f in findings)
    loaded, _ = one(
        "claims:\n  - id: a-b\n    kind: event\n    text: Tuesday\n    when: relative\n    what: w\n"
        "    summary: s\n    colour: red\n    evidence: {exact: x, start: 1, end: 2}\n"
    )
    _, findings = validate(ClaimsFile, loaded, "claims/x.yaml")
    assert [(f.line, "colour" in f.message) for f in findings] == [(8, True)]
