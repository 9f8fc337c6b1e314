"""Every differential case over the generated stream equals the Python reference, cell by
cell. The cases (model -> call) are the integration project's var differential_cases; the
reference (activity_harness.reference.temporal) was written from the documented semantics,
not from the SQL. The data seed is printed in the report header; rerun with
ACTIVITY_HARNESS_SEED=<n> for a fresh random stream.
"""

from __future__ import annotations

import datetime
import json
import math
from typing import Any

import pytest
import yaml

from activity_harness.paths import INTEGRATION_DIR
from activity_harness.project import BuiltProject
from activity_harness.reference import temporal

pytestmark = pytest.mark.duckdb

CASES: dict[str, dict[str, Any]] = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]["activity_schema_integration_tests"]["differential_cases"]
PERIOD_KEY = ("customer", "anonymous_customer_id", "period_start")


def reference_rows(stream: list[temporal.Activity], case: dict[str, Any]) -> list[dict[str, Any]]:
    """The reference's answer to the call a case describes."""
    arguments = {key: value for key, value in case.items() if key not in ("macro", "only_relation")}
    if relation := case.get("only_relation"):
        arguments["join_configs"] = [c for c in case["join_configs"] if c["join_type"] in {f"{pick}_{relation}" for pick in ("first", "last", "aggregate")}]
    if case["macro"] == "temporal_join":
        return temporal.temporal_join(stream, **arguments)
    if case["macro"] == "multi_temporal_analysis":
        return temporal.multi_temporal_analysis(stream, **arguments)
    return temporal.period_dataset(stream, **arguments, now=datetime.datetime.now(datetime.timezone.utc))


@pytest.fixture(scope="module")
def stream(duckdb_project: BuiltProject) -> list[temporal.Activity]:
    rows = duckdb_project.query(
        "select activity_id, ts, activity, customer, anonymous_customer_id, revenue_impact, link,"
        " cast(feature_json as varchar) as feature_json, activity_occurrence, activity_repeated_at from customer_stream"
    )
    return [temporal.Activity(**{**row, "feature_json": json.loads(row["feature_json"])}) for row in rows]


def row_key(row: dict[str, Any], case: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[column] for column in PERIOD_KEY) if case["macro"] == "period_dataset" else (row["activity_id"],)


def appended_columns(row: dict[str, Any]) -> list[str]:
    """The columns a query adds to the stream's (or a period's) own, in order."""
    return [column for column in row if column not in temporal.STREAM_COLUMNS and column not in (*PERIOD_KEY, "period_end", "feature_json")]


def same_value(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
    return bool(expected == actual)


@pytest.mark.parametrize("model", CASES)
def test_case_matches_reference(duckdb_project: BuiltProject, stream: list[temporal.Activity], model: str) -> None:
    case = CASES[model]
    expected = reference_rows(stream, case)
    assert expected, f"{model}: the reference selects no rows; the case proves nothing"
    actual = duckdb_project.query(f"select * from {model}")
    actual_keys = [row_key(row, case) for row in actual]
    assert len(actual_keys) == len(set(actual_keys)), f"{model}: duplicated output rows (seed {duckdb_project.seed})"
    assert sorted(actual_keys, key=str) == sorted((row_key(row, case) for row in expected), key=str), f"{model}: output rows differ (seed {duckdb_project.seed})"
    compared = appended_columns(expected[0])
    assert appended_columns(actual[0]) == compared, f"{model}: appended columns differ from the reference's {compared}"
    by_key = {row_key(row, case): row for row in actual}
    mismatches = [
        (row_key(row, case), column, row[column], by_key[row_key(row, case)][column])
        for row in expected
        for column in compared
        if not same_value(row[column], by_key[row_key(row, case)][column])
    ]
    assert not mismatches, f"{model}: {len(mismatches)} cells differ from the reference (seed {duckdb_project.seed}); first (key, column, expected, got): {mismatches[:5]}"
    empty = [column for column in compared if all(row[column] in (None, 0, False) for row in expected) and not column.startswith(empty_by_construction(case))]
    assert not empty, f"{model}: columns {empty} are null, zero or false on every row; the case proves nothing for them"


def empty_by_construction(case: dict[str, Any]) -> tuple[str, ...]:
    """Joins that a cohort filter leaves empty on purpose: a repeat join (target = cohort
    activity) has nothing before the first occurrence, nothing after the last."""
    nothing_there = {"first": ("_before",), "last": ("_after", "_in_between")}.get(case.get("cohort_filter", "all"), ())
    return tuple(
        config["name"] for config in case.get("join_configs", [])
        if config["target_activity"] == case.get("primary_cohort_activity") and config["join_type"].endswith(nothing_there)
    )


def test_differential_stream_has_the_hard_cases(stream: list[temporal.Activity]) -> None:
    """The random stream really contains ties, anonymous-only keys and cohorts without targets."""
    keys = [row.customer or row.anonymous_customer_id for row in stream]
    assert any(row.customer is None and row.anonymous_customer_id for row in stream)
    timestamps = [(key, row.ts) for key, row in zip(keys, stream)]
    assert len(set(timestamps)) < len(timestamps), "expected timestamp ties within a key"
    purchasers = {key for key, row in zip(keys, stream) if row.activity == "made_purchase"}
    assert any(key not in purchasers for key, row in zip(keys, stream) if row.activity == "started_session")


@pytest.mark.parametrize("pick", ["first_ever_repeat", "last_before_repeat", "first_after_repeat", "last_in_between_repeat"])
def test_a_picked_row_with_a_null_column_is_compared(stream: list[temporal.Activity], pick: str) -> None:
    """A pick that carries the picked row's columns through its pass must keep a null value as
    that row's, not skip to another row: the wide case holds such a row (its ts set, its
    referrer null) for a pick of each pass."""
    rows = reference_rows(stream, CASES["tjd_multi_all"])
    assert any(row[f"{pick}_ts"] is not None and row[f"{pick}_referrer"] is None for row in rows)


def test_every_join_type_has_a_single_join_case() -> None:
    single = {case["join_type"] for case in CASES.values() if case["macro"] == "temporal_join"}
    assert single == set(temporal.JOIN_TYPES)
