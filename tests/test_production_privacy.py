"""Retention and PII masking, on DuckDB, after the production history (Alice erased):
apply_retention deletes the streams' old rows and renumbers the rest as a rebuild from the
retained history would; a rebuild with retention_days set takes no old row in again; on a
target that is not a production one the listed columns and feature_json keys of the
streams and the CRM's event log are hashed or masked."""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from activity_harness.paths import INTEGRATION_DIR
from activity_harness.project import BuiltProject
from production_scenario import STREAMS, Row, Scenario, Tables, batch_env, crm_golden_settings
from test_production_incremental import event_id

pytestmark = pytest.mark.duckdb

ALICES_EVENTS = {"e01", "e02", "e03", "e04", "e13", "e16"}
MASKING = {
    "production_targets": ["prod"],
    "columns": {"customer": "hash", "anonymous_customer_id": "hash", "link": "mask", "identifier_value": "hash", "raw_identifier_value": "mask",
                "person_identifier": "hash"},
    "feature_json_keys": {"email": "hash"},
    "crm_traits": {"first_name": "mask", "name": "null"},
}


@dataclass
class Privacy:
    days: int
    cutoff: datetime.datetime
    retention_log: list[str]
    retained: Tables
    masked: Tables


def expected_rows() -> list[dict[str, Any]]:
    """The stream's hand-written expectation with each row's event id (by ts and link)."""
    with (INTEGRATION_DIR / "seeds" / "production" / "prod_events.csv").open(newline="") as handle:
        events = {(row["occurred_at"], row["page_url"], row["event_type"]): row["event_id"] for row in csv.DictReader(handle)}
    with (INTEGRATION_DIR / "seeds" / "production" / "prod_stream_expected.csv").open(newline="") as handle:
        return [{**row, "event_id": events[(row["ts"], row["link"], row["activity"])]} for row in csv.DictReader(handle)]


def retention_days(now: datetime.datetime) -> tuple[int, datetime.datetime]:
    """A retention whose cutoff (now minus whole days) keeps some of the rows the erasure left
    and deletes some, ten minutes or more from every row's ts."""
    stamps = sorted({datetime.datetime.fromisoformat(row["ts"]) for row in expected_rows()})
    left = sorted({datetime.datetime.fromisoformat(row["ts"]) for row in expected_rows() if row["event_id"] not in ALICES_EVENTS})
    start = (now.date() - datetime.date(2024, 3, 4)).days
    for days in range(start, start + 4):
        cutoff = now - datetime.timedelta(days=days)
        if left[0] < cutoff < left[-1] and min(abs((cutoff - stamp).total_seconds()) for stamp in stamps) > 600:
            return days, cutoff
    raise AssertionError(f"no retention cuts the golden stream at {now}")


@pytest.fixture(scope="session")
def privacy(duckdb_history: Scenario) -> Privacy:
    scenario = duckdb_history
    days, cutoff = retention_days(datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None))
    scenario.invoke("run-operation", "activity_schema.apply_retention", "--args", json.dumps({"days": days}), env=batch_env(3))
    retention_log = [line for line in scenario.workspace.log if line.startswith("apply_retention:")]
    retained = scenario.tables()
    settings = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]["activity_schema"]
    scenario.workspace.invoke(
        "run", "--full-refresh", "--select", *STREAMS, "+tag:headless_crm_event_log", "--exclude", "prod_stream_expected",
        vars={"headless_crm": crm_golden_settings(), "activity_schema": {**settings, "masking": MASKING, "retention_days": days}}, env=batch_env(3))
    return Privacy(days, cutoff, retention_log, retained, scenario.tables())


def retained_expectation(cutoff: datetime.datetime) -> dict[str, tuple[int, str]]:
    """{event id: (occurrence, repeated_at)} of the stitched stream after the erasure and the
    retention, derived from the hand-written full-refresh expectation: rows before the
    cutoff go, each (activity, person) counts again from 1, and repeated_at (the next row)
    is unchanged."""
    partitions: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in expected_rows():
        if row["event_id"] not in ALICES_EVENTS and datetime.datetime.fromisoformat(row["ts"]) >= cutoff:
            person = f"c:{row['customer']}" if row["customer"] else f"a:{row['anonymous_customer_id']}"
            partitions[(row["activity"], person)].append(row)
    return {row["event_id"]: (number, row["activity_repeated_at"])
            for rows in partitions.values() for number, row in enumerate(sorted(rows, key=lambda row: row["ts"]), 1)}


def occurrences(rows: list[Row]) -> dict[str, tuple[int, str]]:
    return {event_id(row): (row["activity_occurrence"], row["activity_repeated_at"].isoformat(sep=" ") if row["activity_repeated_at"] else "")
            for row in rows}


def test_retention_deletes_old_rows_and_renumbers_the_rest(privacy: Privacy, duckdb_history: Scenario) -> None:
    expected = retained_expectation(privacy.cutoff)
    assert 0 < len(expected) < len(duckdb_history.refreshed["prod_stream"])
    assert occurrences(privacy.retained["prod_stream"]) == expected
    deleted = len(duckdb_history.refreshed["prod_stream"]) - len(expected)
    assert f"apply_retention: deleted {deleted} rows older than {privacy.days} days from prod_stream" in privacy.retention_log


def test_a_rebuild_with_retention_takes_no_old_row_in(privacy: Privacy) -> None:
    assert occurrences(privacy.masked["prod_stream"]) == retained_expectation(privacy.cutoff)


def sha256(value: str | None) -> str | None:
    return hashlib.sha256(value.encode()).hexdigest() if value is not None else None


def test_stream_pii_is_hashed_or_masked(privacy: Privacy) -> None:
    plain = {row["activity_id"]: row for row in privacy.retained["prod_stream_unstitched"]}
    masked = privacy.masked["prod_stream_unstitched"]
    assert masked and {row["activity_id"] for row in masked} == set(plain)
    for row in masked:
        original = plain[row["activity_id"]]
        features, original_features = json.loads(row["feature_json"]), json.loads(original["feature_json"])
        assert row["customer"] == sha256(original["customer"])
        assert row["anonymous_customer_id"] == sha256(original["anonymous_customer_id"])
        assert row["link"] == "***"
        assert features == {"event_id": original_features["event_id"], "email": sha256(original_features["email"])}
        # Hashing keeps people apart and together: occurrences are the same.
        assert row["activity_occurrence"] == original["activity_occurrence"]


def test_crm_pii_is_hashed_or_masked(privacy: Privacy, duckdb_history: Scenario) -> None:
    plain = {row["id"]: row for row in duckdb_history.refreshed["headless_crm_person_identifiers"]}
    masked = privacy.masked["headless_crm_person_identifiers"]
    assert masked and {row["id"] for row in masked} == set(plain)
    for row in masked:
        assert row["identifier_value"] == sha256(plain[row["id"]]["identifier_value"])
        assert row["raw_identifier_value"] == ("***" if plain[row["id"]]["raw_identifier_value"] is not None else None)
    traits = {row["id"]: row for row in duckdb_history.refreshed["headless_crm_person_traits"]}
    for row in privacy.masked["headless_crm_person_traits"]:
        value = traits[row["id"]]["trait_value"]
        assert row["trait_value"] == {"first_name": "***" if value is not None else None, "name": None}.get(row["trait_name"], value)


def test_a_masked_rebuild_takes_no_erased_membership_in(privacy: Privacy, duckdb_history: Scenario) -> None:
    """Alice was erased on the production target, so the suppression list holds her plain
    identifiers; the masked rebuild stores memberships by hashed person identifier and must
    still leave hers out."""
    plain = {row["id"]: row for row in duckdb_history.refreshed["headless_crm_membership_identifiers"]}
    masked = privacy.masked["headless_crm_membership_identifiers"]
    assert masked and {row["id"] for row in masked} == set(plain)
    for row in masked:
        assert row["person_identifier"] == sha256(plain[row["id"]]["person_identifier"])


@pytest.mark.parametrize(("targets", "active"), [(["prod"], "True"), (["duckdb", "prod"], "False"), ("duckdb", "False")])
def test_production_targets_are_not_masked(duckdb_project: BuiltProject, targets: list[str] | str, active: str) -> None:
    sql = "{{ activity_schema._masking_settings({'production_targets': " + json.dumps(targets) + ", 'columns': {'customer': 'hash'}}).active }}"
    assert duckdb_project.workspace.compile_inline(sql).strip() == active


@pytest.mark.parametrize(("masking", "fragments"), [
    ({"columns": {"customer": "encrypt"}}, ["masking.columns.customer: unknown method \"encrypt\"", "hash, mask, null"]),
    ({"columns": {"email": "hash"}}, ["'email' is not a column that can hold PII", "customer, anonymous_customer_id, link"]),
    ({"feature_keys": {"email": "hash"}}, ["unknown setting 'feature_keys'", "feature_json_keys"]),
])
def test_misconfigured_masking_fails_at_compile_time(duckdb_project: BuiltProject, masking: dict[str, Any], fragments: list[str]) -> None:
    result = duckdb_project.workspace.inline_compilation("{{ activity_schema._masking_settings(" + json.dumps(masking) + ") }}", check=False)
    log = "\n".join(duckdb_project.workspace.log)
    assert not result.success and all(fragment in log for fragment in fragments), log[-600:]
