"""The exports (export.py): claims.json strict JSON, figures.csv safe in a spreadsheet and exact."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest

from claimdocs.export import claims_document, claims_json, csv_text, decimal_text, figures_csv
from claimdocs.model import Quantity
from claimdocs.project import Project


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (2_000_000.0, "2000000"), (1_234_567.0, "1234567"), (65_000.0, "65000"), (2_300_000.0, "2300000"),
        (0.5, "0.5"), (1e-7, "0.0000001"), (1e15, "1000000000000000"), (-5.0, "-5"), (0.1 + 0.2, "0.30000000000000004"),
        (12.25, "12.25"), (0.0, "0"), (-0.0, "0"), (123456789012.0, "123456789012"), (math.inf, ""), (math.nan, ""),
    ],
)
def test_values_are_written_exactly_as_plain_decimals(value: float, written: str) -> None:
    assert decimal_text(value) == written
    if written:
        assert float(written) == value  # nothing rounded away


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"), ("health officials", "health officials"),
        ("", ""), (" =1", " =1"), ("a=b", "a=b"),
    ],
)
def test_text_cells_that_start_like_a_formula_get_a_quote(cell: str, written: str) -> None:
    assert csv_text(cell) == written


def _figure(ident: str, text: str, value: float, counts: str, start: int) -> Quantity:
    return Quantity.model_validate({
        "id": ident, "kind": "quantity", "text": text, "value": value, "hedge": "exact", "counts": counts,
        "summary": "s", "evidence": {"exact": text, "start": start, "end": start + len(text)},
    })


def test_figures_csv_is_safe_and_exact(real_project: Project) -> None:
    claims = {
        "a-one": _figure("a-one", "=1+2", 2_000_000.0, "@evil(A1)", 1),
        "a-two": _figure("a-two", "1,234,567", 1_234_567.0, "-people", 2),
    }
    project = Project(config=real_project.config, article=real_project.article, entities=real_project.entities,
                      claims=claims)
    rows = list(csv.reader(io.StringIO(figures_csv(project))))
    assert rows[1][:5] == ["a-one", "'=1+2", "2000000", "exact", "'@evil(A1)"]
    assert rows[2][:5] == ["a-two", "1,234,567", "1234567", "exact", "'-people"]
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for i, cell in enumerate(row) if i != 2)


def test_the_real_figures_csv_has_no_exponent(real_project: Project) -> None:
    rows = list(csv.reader(io.StringIO(figures_csv(real_project))))
    assert len(rows) > 10
    assert not any("e+" in row[2] or "e-" in row[2] for row in rows[1:])


def test_claims_json_is_strict_json(real_project: Project) -> None:
    text = claims_json(claims_document(real_project))
    json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    with pytest.raises(ValueError, match="not JSON compliant"):
        claims_json({"value": math.nan})
    with pytest.raises(ValueError, match="not JSON compliant"):
        claims_json({"value": math.inf})
