"""GDPR/CCPA erasure of Alice (customer u1, CRM user u1) after a production history (see
tests/production_scenario.py), on DuckDB, Postgres and the Snowflake emulator: no row of
hers remains in any table, no row of anybody else changed, the audit log holds a hash of
the key and never the key, and neither the next load nor (DuckDB) a full refresh brings
her back while the sources still hold her."""

from __future__ import annotations

import hashlib
import json

import pytest

from activity_harness.matrix import row_differences
from production_scenario import ALICE_TOKENS, ERASURE_TABLES, STREAMS, Row, Scenario, Tables, canonical, cell_text, is_alices, multiset
from test_production_incremental import WAREHOUSES, event_id, history

CRM_TABLES = ("headless_crm_person_identifiers", "headless_crm_person_traits", "headless_crm_events", "headless_crm_membership_identifiers",
              "headless_crm_person_components", "headless_crm_resolved_person_identifiers", "headless_crm_persons", "headless_crm_memberships")


def alices_rows(tables: Tables) -> dict[str, list[str]]:
    return {name: [canonical(row) for row in rows if is_alices(name, row)] for name, rows in tables.items() if name not in ERASURE_TABLES}


def erasure_log(scenario: Scenario) -> list[dict[str, object]]:
    """The log after both calls (DuckDB) or the one call."""
    return sorted(scenario.reloaded["erasure_log"], key=lambda row: str(row["erased_at"]))


def without_occurrences(table: str, rows: list[Row]) -> list[Row]:
    """A stream's rows without the columns an erasure recomputes for the rows that shared
    a partition with the person (in an unstitched stream, an anonymous device)."""
    if table not in STREAMS:
        return rows
    return [{key: value for key, value in row.items() if key not in ("activity_occurrence", "activity_repeated_at")} for row in rows]


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_the_history_holds_alice_everywhere_erasure_looks(request: pytest.FixtureRequest, warehouse: str) -> None:
    """The test means something: before the erasure Alice is in the streams, the identity
    models, the CRM, the atoms and the context cache."""
    before = alices_rows(history(request, warehouse).before_erasure)
    for table in (*STREAMS, "identity__person_stream", "identity_time_windows", *CRM_TABLES, "insight_atoms", "context_cache"):
        assert before[table], f"no row of Alice's in {table} before the erasure"


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_nothing_of_the_person_remains(request: pytest.FixtureRequest, warehouse: str) -> None:
    left = {table: rows for table, rows in alices_rows(history(request, warehouse).after_erasure).items() if rows}
    assert not left, f"Alice's rows left after erasure: {left}"


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_no_row_of_anybody_else_changed(request: pytest.FixtureRequest, warehouse: str) -> None:
    scenario = history(request, warehouse)
    assert set(scenario.after_erasure) == set(scenario.before_erasure)
    deleted_per_table = json.loads(str(erasure_log(scenario)[0]["rows_deleted_per_table"]))
    for table, rows in scenario.before_erasure.items():
        if table in ERASURE_TABLES:
            continue
        before, after = multiset(without_occurrences(table, rows)), multiset(without_occurrences(table, scenario.after_erasure[table]))
        assert not after - before, f"{table}: rows changed or added by the erasure: {list(after - before)[:2]}"
        removed = before - after
        others = [row for row in removed.elements() if not is_alices(table, json.loads(row))]
        assert not others, f"{table}: rows of someone else deleted: {others[:2]}"
        assert sum(removed.values()) == deleted_per_table.get(table, 0), f"{table}: the log's count differs from the rows deleted"


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_the_audit_log_and_suppression_list_hold_hashes_not_keys(request: pytest.FixtureRequest, warehouse: str) -> None:
    scenario = history(request, warehouse)
    first = erasure_log(scenario)[0]
    assert first["key_kind"] == "c" and first["key_hash"] == hashlib.sha256(b"c:u1").hexdigest()
    assert first["erased_by"] == "privacy-team"
    assert int(str(first["rows_deleted"])) == sum(json.loads(str(first["rows_deleted_per_table"])).values()) > 0
    suppressed = {row["key_hash"] for row in scenario.after_erasure["erasure_suppressions"]}
    for key in ("c:u1", "a:dev_a1", "i:email alice@example.com", "i:user_id u1", "i:phone 14155550101"):
        assert hashlib.sha256(key.encode()).hexdigest() in suppressed, key
    assert hashlib.sha256(b"a:dev_shared").hexdigest() not in suppressed  # Eve's device too: only Alice's rows on it
    for table in ERASURE_TABLES:
        for row in scenario.after_erasure[table]:
            cells = " ".join(cell_text(value) for value in row.values())
            assert not [token for token in ALICE_TOKENS if token in cells.split()], f"{table} holds a key of Alice's: {row}"


@pytest.mark.parametrize("warehouse", WAREHOUSES)
@pytest.mark.parametrize("stream", STREAMS)
def test_erased_streams_equal_a_rebuild_without_the_person(request: pytest.FixtureRequest, duckdb_history: Scenario, warehouse: str, stream: str) -> None:
    """Occurrences of the rows that stay are recomputed: each stream equals DuckDB's full
    refresh after the erasure (in the unstitched stream Eve's first row on the shared
    device becomes occurrence 1 once Alice's anonymous row before it is gone)."""
    erased = history(request, warehouse).after_erasure[stream]
    assert not row_differences(duckdb_history.refreshed[stream], erased, limit=3)


def test_erasing_again_deletes_nothing(duckdb_history: Scenario) -> None:
    first, second = erasure_log(duckdb_history)
    assert int(str(second["rows_deleted"])) == 0
    assert second["key_hash"] == first["key_hash"]
    assert all(message.endswith(" 0 rows from " + message.rsplit(" ", 1)[-1]) or "0 rows deleted" in message or "until their next run" in message
               for message in duckdb_history.erasure_messages[1])


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_the_next_load_does_not_bring_her_back(request: pytest.FixtureRequest, warehouse: str) -> None:
    scenario = history(request, warehouse)
    left = {table: rows for table, rows in alices_rows(scenario.reloaded).items() if rows}
    assert not left, f"the load after the erasure brought Alice back: {left}"
    # The load touched nobody else: streams, atoms and CRM as after the erasure, and
    # re-running unchanged data kept every context version (and its updated_at).
    for table in (*STREAMS, "insight_atoms", "context_cache", *CRM_TABLES, "provenance_chain"):
        after, reloaded = scenario.after_erasure[table], scenario.reloaded[table]
        if table == "insight_atoms":  # recomputed on every run
            after, reloaded = ([{k: v for k, v in row.items() if k != "ts"} for row in rows] for rows in (after, reloaded))
        assert multiset(reloaded) == multiset(after), f"{table} changed on a load of unchanged data"


def test_a_full_refresh_does_not_bring_her_back(duckdb_history: Scenario) -> None:
    left = {table: rows for table, rows in alices_rows(duckdb_history.refreshed).items() if rows}
    assert not left, f"a full refresh brought Alice back: {left}"
    for table in (*STREAMS, *CRM_TABLES):
        assert multiset(duckdb_history.refreshed[table]) == multiset(duckdb_history.reloaded[table]), f"{table}: full refresh differs from the incremental history"


def test_rows_on_a_shared_device_go_by_whose_they_were(duckdb_history: Scenario) -> None:
    """dev_shared was Alice's, then Eve's. Alice's rows on it are erased and, with her
    identification gone, are not handed to Eve on a rebuild; Eve's rows stay."""
    for tables in (duckdb_history.after_erasure, duckdb_history.refreshed):
        shared = sorted((event_id(row), row["customer"]) for row in tables["prod_stream"] if row["anonymous_customer_id"] == "dev_shared")
        assert shared == [("e09", "u3"), ("e10", "u3")]


def test_erasure_finds_the_person_by_any_of_her_ids(duckdb_history: Scenario) -> None:
    """Dry runs by a raw spelling of her CRM email and by her own device count exactly the
    rows the erasure by customer deleted, and change nothing."""
    deleted = [line for line in duckdb_history.erasure_messages[0] if " rows from " in line]
    assert deleted
    for key, messages in duckdb_history.dry_runs.items():
        would = [line.replace("would delete", "deleted") for line in messages if " rows from " in line]
        assert would == deleted, f"erasing by {key} finds other rows"
    assert multiset(duckdb_history.before_erasure["prod_stream"]) == multiset(duckdb_history.loaded["prod_stream"])
    assert duckdb_history.before_erasure.keys() == duckdb_history.loaded.keys()
    assert all(multiset(rows) == multiset(duckdb_history.loaded[table]) for table, rows in duckdb_history.before_erasure.items())


def test_erasing_by_a_shared_device_is_refused(duckdb_history: Scenario) -> None:
    assert "identified as 2 different customers (a shared device); erase each person by customer instead" in duckdb_history.shared_device_refusal
