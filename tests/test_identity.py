"""Identity stitching: differential against the Python reference, buffer, bad input."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from activity_harness.dbt import DbtWorkspace, failing_nodes, stored_failures
from activity_harness.paths import INTEGRATION_DIR
from activity_harness.project import BuiltProject
from activity_harness.reference import identity

pytestmark = pytest.mark.duckdb

GOLDEN_IDENTIFICATIONS = INTEGRATION_DIR / "seeds" / "identity" / "identity_golden_identifications.csv"
# The production feature's identity source (every batch is loaded in the shared build).
PRODUCTION_IDENTIFICATIONS = INTEGRATION_DIR / "seeds" / "production" / "prod_identifications.csv"
BAD_NULL_TS = INTEGRATION_DIR / "seeds" / "stream" / "bad_input" / "bad_identifications_null_ts.csv"
BUFFER_MINUTES = 30


def read_identifications(path: Path) -> list[identity.Identification]:
    with path.open() as handle:
        return [
            identity.Identification(row["anonymous_customer_id"], row["customer"], datetime.fromisoformat(row["ts"]) if row["ts"] else None)
            for row in csv.DictReader(handle)
        ]


def production_identifications() -> list[identity.Identification]:
    with PRODUCTION_IDENTIFICATIONS.open() as handle:
        return [identity.Identification(row["anonymous_id"], row["user_id"], datetime.fromisoformat(row["identified_at"])) for row in csv.DictReader(handle)]


def generated_identifications(project: BuiltProject) -> list[identity.Identification]:
    return [identity.Identification(row["anonymous_id"], row["user_id"], row["identified_at"]) for row in project.data.identifies]  # type: ignore[arg-type]


def raw_event_rows(project: BuiltProject) -> list[dict[str, Any]]:
    return [
        {"activity_id": e["event_id"], "ts": e["occurred_at"], "customer": e["user_id"], "anonymous_customer_id": e["anonymous_id"]}
        for e in project.data.events
    ]


def window_tuples(windows: list[identity.IdentityWindow]) -> Counter[tuple[Any, ...]]:
    return Counter((w.anonymous_customer_id, w.customer, w.valid_from, w.valid_to) for w in windows)


def table_windows(project: BuiltProject) -> Counter[tuple[Any, ...]]:
    rows = project.query("select anonymous_customer_id, customer, valid_from, valid_to from identity_time_windows")
    return Counter(tuple(row.values()) for row in rows)


def stitched_customers(project: BuiltProject) -> dict[str, str | None]:
    rows = project.query("select activity_id, customer from stitched_raw_events")
    assert len(rows) == len({row["activity_id"] for row in rows}), "stitching duplicated rows"
    return {row["activity_id"]: row["customer"] for row in rows}


def test_windows_match_reference(duckdb_project: BuiltProject) -> None:
    """The windows of every identity source of the project: the generated, golden and production ones."""
    identifications = generated_identifications(duckdb_project) + read_identifications(GOLDEN_IDENTIFICATIONS) + production_identifications()
    assert table_windows(duckdb_project) == window_tuples(identity.identity_windows(identifications))


def test_stitched_rows_match_reference(duckdb_project: BuiltProject) -> None:
    rows = raw_event_rows(duckdb_project)
    expected = {row["activity_id"]: row["customer"] for row in identity.stitch(rows, generated_identifications(duckdb_project))}
    actual = stitched_customers(duckdb_project)
    assert actual.keys() == expected.keys(), "stitching dropped or invented rows"
    wrong = {key: (expected[key], actual[key]) for key in expected if expected[key] != actual[key]}
    assert not wrong, f"{len(wrong)} rows stitched differently from the reference (seed {duckdb_project.seed}): {list(wrong.items())[:5]}"


def test_generated_data_exercises_the_hard_cases(duckdb_project: BuiltProject) -> None:
    """Shared devices, repeated identifications and ties are really present."""
    identifications = generated_identifications(duckdb_project)
    customers_per_device: dict[str, set[str]] = {}
    for row in identifications:
        customers_per_device.setdefault(row.anonymous_customer_id or "", set()).add(row.customer or "")
    assert sum(len(c) > 1 for c in customers_per_device.values()) > 20
    windows = identity.identity_windows(identifications)
    assert any(w.valid_from is not None and w.valid_from == w.valid_to for w in windows), "expected a tie"
    per_device = Counter(w.anonymous_customer_id for w in windows)
    assert max(per_device.values()) >= 3, "expected an A, B, A remapping"


def test_customer_stream_keeps_every_event_and_counts_occurrences(duckdb_project: BuiltProject) -> None:
    rows = duckdb_project.query(
        "select activity_id, ts, activity, customer, anonymous_customer_id, activity_occurrence, activity_repeated_at from customer_stream"
    )
    assert len(rows) == len(duckdb_project.data.events)
    by_person: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_person.setdefault((row["activity"], row["customer"] or row["anonymous_customer_id"]), []).append(row)
    for person_rows in by_person.values():
        person_rows.sort(key=lambda r: (r["ts"], r["activity_id"]))
        for number, row in enumerate(person_rows, start=1):
            assert row["activity_occurrence"] == number
            following = person_rows[number]["ts"] if number < len(person_rows) else None
            assert row["activity_repeated_at"] == following


@dataclass
class BadInputRun:
    workspace: DbtWorkspace
    failures: dict[str, str]
    stored: dict[str, str]

    def query(self, sql: str) -> list[dict[str, Any]]:
        return self.workspace.query(sql)

    def failing_rows(self, test_prefix: str) -> list[dict[str, Any]]:
        """The stored failing rows of the one failed test whose name starts with test_prefix."""
        [name] = [name for name in self.failures if name.startswith(test_prefix)]
        return self.query(f"select * from {self.stored[name]}")


@pytest.fixture(scope="module")
def bad_input_run(duckdb_project: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> BadInputRun:
    """One extra build: a 30-minute buffer, an identity source with null timestamps and a
    coverage minimum of 100% (the stream contract's bad rows are in the bad-input corpus)."""
    workspace = DbtWorkspace("duckdb", tmp_path_factory.mktemp("bad_input"))
    sources = ["stg_identifies", "identity_golden_identifications", "bad_identifications_null_ts"]
    result = workspace.invoke(
        "build", "--store-failures",
        "--select", "+stitched_raw_events", "+identity_time_windows", "+stg_web_activity",
        vars={"activity_schema": {"identity_sources": sources, "identity_window_buffer_minutes": BUFFER_MINUTES, "stream": "customer_stream"},
              "min_identity_coverage": 1.0},
        check=False,
    )
    return BadInputRun(workspace, failing_nodes(result), stored_failures(result))


def test_buffer_moves_every_boundary_earlier(duckdb_project: BuiltProject, bad_input_run: BadInputRun) -> None:
    buffer = timedelta(minutes=BUFFER_MINUTES)
    identifications = generated_identifications(duckdb_project) + read_identifications(GOLDEN_IDENTIFICATIONS) + read_identifications(BAD_NULL_TS)
    windows = bad_input_run.query("select anonymous_customer_id, customer, valid_from, valid_to from identity_time_windows")
    assert Counter(tuple(w.values()) for w in windows) == window_tuples(identity.identity_windows(identifications, buffer))
    expected = identity.stitch(raw_event_rows(duckdb_project), generated_identifications(duckdb_project), buffer)
    actual = {row["activity_id"]: row["customer"] for row in bad_input_run.query("select activity_id, customer from stitched_raw_events")}
    assert actual == {row["activity_id"]: row["customer"] for row in expected}


def test_null_timestamps_are_counted_and_never_mapped(bad_input_run: BadInputRun) -> None:
    assert "Got 2 results" in bad_input_run.failures["not_null_identity__person_stream_ts"], bad_input_run.failures
    mapped = bad_input_run.query("select customer from identity_time_windows where anonymous_customer_id in ('bad_a1', 'bad_a2')")
    assert [row["customer"] for row in mapped] == ["bad_c1"]


def test_identity_coverage_reports_the_reference_share(duckdb_project: BuiltProject, bad_input_run: BadInputRun) -> None:
    buffer = timedelta(minutes=BUFFER_MINUTES)
    identifications = generated_identifications(duckdb_project) + read_identifications(BAD_NULL_TS)
    anonymous_only, resolved = identity.identity_coverage(raw_event_rows(duckdb_project), identifications, buffer)
    [row] = bad_input_run.failing_rows("activity_schema_identity_coverage")
    assert (row["anonymous_only_rows"], row["resolved_rows"]) == (anonymous_only, resolved)
    assert 0 < resolved < anonymous_only


def test_missing_identity_column_is_a_compile_error(tmp_path: Path) -> None:
    workspace = DbtWorkspace("duckdb", tmp_path)
    result = workspace.invoke(
        "build", "--select", "bad_identifications_missing_column", "identity__person_stream",
        vars={"activity_schema": {"identity_sources": ["bad_identifications_missing_column"], "stream": "customer_stream"}}, check=False,
    )
    message = failing_nodes(result)["identity__person_stream"]
    assert "identity source 'bad_identifications_missing_column'" in message
    assert "bad_identifications_missing_column" in message and "missing required column(s) customer" in message


def test_identity_sources_resolve_by_name_or_package(duckdb_project: BuiltProject) -> None:
    """'name' is the root project's node, 'package.name' any package's; either way dbt has
    no cause to warn (while parsing for the session's build) that a package model depends
    on a root-project node."""
    parents = duckdb_project.manifest["nodes"]["model.activity_schema.identity__person_stream"]["depends_on"]["nodes"]
    assert {"model.activity_schema_integration_tests.stg_identifies", "seed.activity_schema_integration_tests.identity_golden_identifications"} <= set(parents)
    assert not [message for message in duckdb_project.workspace.log if "depends on the root project node" in message]


def test_malformed_identity_source_is_a_compile_error(tmp_path: Path) -> None:
    result = DbtWorkspace("duckdb", tmp_path).invoke(
        "parse", vars={"activity_schema": {"identity_sources": ["stg_identifies", "a.b.c"], "stream": "customer_stream"}}, check=False
    )
    assert not result.success
    assert '"a.b.c" is not a relation name' in str(result.exception)


def test_stitching_without_identity_sources_is_a_compile_error(tmp_path: Path) -> None:
    result = DbtWorkspace("duckdb", tmp_path).invoke("parse", vars={"activity_schema": {"stream": "customer_stream"}}, check=False)
    assert not result.success
    assert "identity_sources" in str(result.exception)
