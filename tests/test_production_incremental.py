"""Incremental streams on DuckDB, Postgres and the Snowflake emulator: loaded in three
batches, the second interrupted, they equal a full refresh row for row (the shared build,
which loaded everything at once, and the hand-written expectation); a late row renumbers
only its person's later rows, a device identified since is re-stitched, and running a
load again changes nothing. See tests/production_scenario.py for the history."""

from __future__ import annotations

import csv
import datetime
import json

import pytest

from activity_harness.matrix import row_differences
from activity_harness.paths import INTEGRATION_DIR
from activity_harness.project import BuiltProject
from production_scenario import STREAMS, Row, Scenario

WAREHOUSES = [pytest.param(w, marks=[getattr(pytest.mark, w), pytest.mark.session_fixture(f"{w}_history")]) for w in ("duckdb", "postgres", "snowflake")]


def history(request: pytest.FixtureRequest, warehouse: str) -> Scenario:
    scenario: Scenario = request.getfixturevalue(f"{warehouse}_history")
    return scenario


def event_id(row: Row) -> str:
    features = row["feature_json"]
    return str((json.loads(features) if isinstance(features, str) else features)["event_id"])


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_the_interrupted_load_stopped_the_stitched_stream_only(request: pytest.FixtureRequest, warehouse: str) -> None:
    failures = history(request, warehouse).interrupted_failures
    assert "identity__person_stream" in failures and "prod_stream" in failures  # failed, and skipped
    assert "prod_stream_unstitched" not in failures  # took the second batch in


@pytest.mark.parametrize("warehouse", WAREHOUSES)
@pytest.mark.parametrize("stream", STREAMS)
def test_loaded_stream_equals_a_full_refresh(request: pytest.FixtureRequest, duckdb_project: BuiltProject, warehouse: str, stream: str) -> None:
    loaded = history(request, warehouse).loaded[stream]
    difference = row_differences(duckdb_project.query(f"select * from {stream}"), loaded, limit=3)
    assert not difference, f"{stream} on {warehouse} after three loads (one interrupted) differs from a full refresh: {difference}"


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_loaded_stream_equals_the_hand_written_expectation(request: pytest.FixtureRequest, warehouse: str) -> None:
    columns = ("activity", "ts", "customer", "anonymous_customer_id", "link", "activity_occurrence", "activity_repeated_at")
    with (INTEGRATION_DIR / "seeds" / "production" / "prod_stream_expected.csv").open(newline="") as handle:
        expected = [
            {column: (datetime.datetime.fromisoformat(value) if column in ("ts", "activity_repeated_at") and value
                      else int(value) if column == "activity_occurrence" else value or None)
             for column, value in row.items()}
            for row in csv.DictReader(handle)
        ]
    loaded = [{column: row[column] for column in columns} for row in history(request, warehouse).loaded["prod_stream"]]
    assert not row_differences(expected, loaded, limit=3)


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_loaded_insights_equal_a_full_refresh(request: pytest.FixtureRequest, duckdb_project: BuiltProject, warehouse: str) -> None:
    loaded = history(request, warehouse).loaded
    atoms = [{key: value for key, value in row.items() if key != "ts"} for row in loaded["insight_atoms"]]
    assert not row_differences(duckdb_project.query("select * from prod_insight_atoms"), atoms, limit=3)
    contexts = [{"customer_id": row["customer_id"], "context": row["context"]} for row in loaded["context_cache"]]
    assert not row_differences(duckdb_project.query("select customer_id, context from prod_context_cache"), contexts)


def test_the_last_load_wrote_only_the_touched_rows(duckdb_history: Scenario) -> None:
    """From the first load's state, the third load (with the second) changes: eight new
    rows, e05 (its device identified since: re-stitched from dev_late's partition to u2's),
    and the stored rows whose repeated_at moved because a new or late row landed after
    them in their person's partition: e03, e04 (Alice), e07 (Frank, before the late e14),
    e08 (Eve). Alice's e01 and e02 and the anonymous e06 are not rewritten."""
    written = sorted(event_id(row) for row in duckdb_history.increment)
    assert written == ["e03", "e04", "e05", "e07", "e08", "e09", "e10", "e11", "e12", "e13", "e14", "e15", "e16"]


def test_running_the_last_load_again_changes_nothing(duckdb_history: Scenario) -> None:
    assert duckdb_history.increment_again == []


def test_late_row_renumbers_its_persons_later_rows(duckdb_history: Scenario) -> None:
    frank = sorted((row["ts"], event_id(row), row["activity_occurrence"]) for row in duckdb_history.loaded["prod_stream"]
                   if row["customer"] == "u2" and row["activity"] == "made_purchase")
    assert [(event, occurrence) for _, event, occurrence in frank] == [("e07", 1), ("e14", 2), ("e12", 3)]


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_context_version_rises_only_where_the_context_changed(request: pytest.FixtureRequest, warehouse: str) -> None:
    # The interrupted load skipped the atoms, so the third load is the one run since the
    # first that saw new data: a customer's version rose by one exactly when their context
    # changed, and updated_at moved with it. (That a run over unchanged data keeps every
    # version is test_the_next_load_does_not_bring_her_back's.)
    scenario = history(request, warehouse)
    first = {row["customer_id"]: row for row in scenario.first_load["context_cache"]}
    loaded = {row["customer_id"]: row for row in scenario.loaded["context_cache"]}
    assert set(first) <= set(loaded)
    changed = {customer for customer in first if json_value(loaded[customer]["context"]) != json_value(first[customer]["context"])}
    assert changed, f"the history should change contexts: none of {set(first)} changed"
    for customer, row in loaded.items():
        before = first.get(customer)
        if before is None:
            assert int(row["version"]) == 1, f"{customer} is new and has version {row['version']}"
        elif customer in changed:
            assert (int(row["version"]), row["updated_at"] > before["updated_at"]) == (int(before["version"]) + 1, True), customer
        else:
            assert (int(row["version"]), row["updated_at"]) == (int(before["version"]), before["updated_at"]), customer


def json_value(value: object) -> object:
    return json.loads(value) if isinstance(value, str) else value
