"""Every temporal join over the generated stream equals the Python reference, cell by cell.

The reference (activity_harness.reference.temporal) was written from the documented
semantics, not from the SQL. The data seed is printed in the report header; rerun with
ACTIVITY_HARNESS_SEED=<n> for a fresh random stream.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
import yaml

from activity_harness.paths import INTEGRATION_DIR
from activity_harness.project import BuiltProject
from activity_harness.reference import temporal

pytestmark = pytest.mark.duckdb

JOIN_CASES = {  # mirrors integration_tests/macros/differential_temporal_join.sql
    "aggregate_all_ever": ("sum", ["revenue_impact"]),
    "aggregate_before": ("count", None),
    "aggregate_after": ("count_distinct", ["product_category"]),
    "aggregate_in_between": ("max", ["revenue_impact"]),
}
FIRST_LAST_COLUMNS = ["ts", "activity_id", "revenue_impact", "referrer"]
MULTI_FILTERS = {"all": "all", "first": "first", "last": "last", "3": 3}
# model -> (cohort_filter, relation): all the join configs, or only the *_before ones (a
# query of before joins alone reads its cohort rows from its own probe).
MULTI_MODELS = {f"tjd_multi_{suffix}": (cohort_filter, None) for suffix, cohort_filter in MULTI_FILTERS.items()} | {
    f"tjd_multi_before_{suffix}": (MULTI_FILTERS[suffix], "before") for suffix in ("first", "last", "3")
}


def multi_join_configs(relation: str | None = None) -> list[dict[str, Any]]:
    project = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())
    configs = project["vars"]["activity_schema_integration_tests"]["differential_join_configs"]
    return [config for config in configs if relation is None or config["join_type"].endswith(f"_{relation}")]


@pytest.fixture(scope="module")
def stream(duckdb_project: BuiltProject) -> list[temporal.Activity]:
    rows = duckdb_project.query(
        "select activity_id, ts, activity, customer, anonymous_customer_id, revenue_impact, link,"
        " cast(feature_json as varchar) as feature_json from customer_stream"
    )
    return [temporal.Activity(**{**row, "feature_json": json.loads(row["feature_json"])}) for row in rows]


def assert_same_rows(project: BuiltProject, table: str, expected: list[dict[str, Any]]) -> None:
    actual = project.query(f"select * from {table}")
    actual_ids = [row["activity_id"] for row in actual]
    assert len(actual_ids) == len(set(actual_ids)), f"{table}: duplicated cohort rows (seed {project.seed})"
    assert sorted(actual_ids) == sorted(row["activity_id"] for row in expected), f"{table}: cohort rows differ (seed {project.seed})"
    by_id = {row["activity_id"]: row for row in actual}
    appended = [column for column in expected[0] if column not in temporal.STREAM_COLUMNS] if expected else []
    mismatches = [
        (row["activity_id"], column, row[column], by_id[row["activity_id"]][column])
        for row in expected
        for column in appended
        if not same_value(row[column], by_id[row["activity_id"]][column])
    ]
    assert not mismatches, f"{table}: {len(mismatches)} cells differ from the reference (seed {project.seed}); first (activity_id, column, expected, got): {mismatches[:5]}"


def same_value(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, (int, float)):
        return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
    return expected == actual


@pytest.mark.parametrize("join_type", temporal.JOIN_TYPES)
def test_temporal_join_matches_reference(duckdb_project: BuiltProject, stream: list[temporal.Activity], join_type: str) -> None:
    aggregation, columns = JOIN_CASES.get(join_type, ("count", FIRST_LAST_COLUMNS))
    expected = temporal.temporal_join(stream, "started_session", "made_purchase", join_type, "all", columns, aggregation)
    assert expected, "the generated stream must have started_session cohorts"
    assert_same_rows(duckdb_project, f"tjd_{join_type}", expected)


@pytest.mark.parametrize("model", MULTI_MODELS)
def test_multi_temporal_analysis_matches_reference(duckdb_project: BuiltProject, stream: list[temporal.Activity], model: str) -> None:
    cohort_filter, relation = MULTI_MODELS[model]
    configs = multi_join_configs(relation)
    assert len(configs) >= 4
    expected = temporal.multi_temporal_analysis(stream, "made_purchase", configs, cohort_filter)
    assert expected
    assert_same_rows(duckdb_project, model, expected)


def test_differential_stream_has_the_hard_cases(stream: list[temporal.Activity]) -> None:
    """The random stream really contains ties, anonymous-only keys and cohorts without targets."""
    keys = [row.customer or row.anonymous_customer_id for row in stream]
    assert any(row.customer is None and row.anonymous_customer_id for row in stream)
    timestamps = [(key, row.ts) for key, row in zip(keys, stream)]
    assert len(set(timestamps)) < len(timestamps), "expected timestamp ties within a key"
    purchasers = {key for key, row in zip(keys, stream) if row.activity == "made_purchase"}
    assert any(key not in purchasers for key, row in zip(keys, stream) if row.activity == "started_session")
