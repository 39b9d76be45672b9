"""Fuzzing the claims loader and the page parser: whatever the input, a finding, never an exception.

And for time: the page parser and the sentence splitter, given a generated piece of text
repeated n and 8n times, take less than 24 times as long for the larger (linear work
takes about 8 times, quadratic work 64).

Short runs here; ``nox -s fuzz`` runs the same properties with many more examples
(``CLAIMDOCS_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdocs.article import sentence_spans
from claimdocs.loader import load_yaml_text, validate
from claimdocs.model import ClaimsFile
from claimdocs.pages import parse_page, split_role
from claimdocs.project import Project
from claimdocs.rules.engine import check_page

EXAMPLES = int(os.environ.get("CLAIMDOCS_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Timing runs cost more: a twentieth as many (at least 5).
FUZZ_TIME = settings(max_examples=max(5, EXAMPLES // 20), deadline=None, suppress_health_check=list(HealthCheck))

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


# ---------------------------------------------------------------- for time


def _best(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _linear(work: Callable[[str], object], unit: str) -> None:
    """``work`` on ``unit`` repeated n and 8n times (n grown until the small run takes a few milliseconds)."""
    n = 16
    while _best(lambda n=n: work(unit * n)) < 0.004 and n < 1 << 15:  # type: ignore[misc]
        n *= 2
    for _attempt in range(2):  # one more try before failing: the machine may have been busy
        small, large = _best(lambda: work(unit * n)), _best(lambda: work(unit * (8 * n)))
        if large < 24 * small:
            return
    raise AssertionError(f"{unit!r} x{n}: x8 the input took x{large / small:.1f} the time")


@FUZZ_TIME
@given(st.lists(PAGE_PIECES, min_size=1, max_size=8).map("".join))
def test_the_page_parser_is_linear_in_any_repeated_piece(unit: str) -> None:
    _linear(lambda text: parse_page(text, "docs/fuzz.md"), unit)


SENTENCE_PIECES = st.sampled_from([".", "!", "?", " ", "\n", "\n\n", "\t", '"', "'", "\u201d", "\u2019", ")", "Mr",
                                   "U.S", "Lt", "Gen", "a", "B", "word", "\u201c", "..."])


@FUZZ_TIME
@given(st.lists(SENTENCE_PIECES, min_size=1, max_size=10).map("".join))
def test_the_sentence_splitter_is_linear_in_any_repeated_piece(unit: str) -> None:
    _linear(sentence_spans, unit)
