"""Fuzzing the claims loader and the page parser: whatever the input, a finding, never an exception.

Short runs here; ``nox -s fuzz`` runs the same properties with many more examples
(``CLAIMDOCS_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdocs.loader import load_yaml_text, validate
from claimdocs.model import ClaimsFile
from claimdocs.pages import parse_page, split_role
from claimdocs.project import Project
from claimdocs.rules.engine import check_page

EXAMPLES = int(os.environ.get("CLAIMDOCS_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = st.sampled_from(
    [
        "claims:", "entities:", "\n", "  ", "- ", "id: ", "kind: ", "quantity", "quote", "gaza-deaths", "&a ", "*a",
        "!!python/object:os.system ", "[", "]", "{", "}", ": ", "'", '"', "\t", "#", "|", ">", "---", "...", "65,000",
        "2023-10-07", "yes", "~", "<<: ", "? ", "evidence:", "exact: ", "start: 5", "end: 1", "\u201c", "\ufeff",
    ]
)
PAGE_PIECES = st.sampled_from(
    [
        "{claim}`", "{person}`", "{nofact}`", "`", "<", ">", "gaza-deaths", "approximately 65,000", " ", "\n", "\n\n",
        "\u201c", "\u201d", '"', "'", "Zamir", "General Zamir", "opposed", "said", ":::{card}", ":::", "```{note}",
        "```", "# ", "| a |", "|---|", "two million", "Tuesday", "Mr. Plesner", "he", "\u2026", "{", "}", "\\",
        "65,000", "according to", "health officials in the enclave", "[link](#x)", "*", "_",
    ]
)


@FUZZ
@given(st.lists(YAML_PIECES, max_size=40).map("".join) | st.text(max_size=300))
def test_the_claims_loader_never_raises(text: str) -> None:
    loaded, findings = load_yaml_text(text, "claims/fuzz.yaml")
    if loaded is None:
        assert findings
        assert all(f.path == "claims/fuzz.yaml" and f.line >= 1 and f.col >= 1 for f in findings)
        return
    if isinstance(loaded.data, dict):
        _model, problems = validate(ClaimsFile, loaded, "claims/fuzz.yaml")
        assert all(p.line >= 1 for p in problems)


@FUZZ
@given(st.text(max_size=200))
def test_split_role_never_raises(text: str) -> None:
    written, target = split_role(text)
    assert isinstance(written, str)
    assert target is None or isinstance(target, str)


@FUZZ
@given(st.lists(PAGE_PIECES, max_size=60).map("".join) | st.text(max_size=400))
def test_the_page_parser_never_raises(text: str) -> None:
    page = parse_page(text, "docs/fuzz.md")
    lines = text.count("\n") + 1
    for block in page.blocks:
        for seg in block.segments:
            assert 1 <= seg.line <= lines + 1


@FUZZ
@given(st.lists(PAGE_PIECES, max_size=60).map("".join))
def test_the_page_rules_never_raise(real_project: Project, text: str) -> None:
    result = check_page(real_project, "docs/fuzz.md", text)
    for f in result.findings:
        assert f.path == "docs/fuzz.md"
        assert f.line >= 1 and f.col >= 1
        assert f.rule
