"""The cross_db primitives give the same results whatever the time zone of the dbt process
and of the warehouse's sessions: the cross_db models, their seeds and their data tests
(each an equality with a hand-written expectation, or a property), built from scratch in a
fresh process under a zone with a half-hour offset and daylight saving time. The shared
builds run under UTC. The Snowflake emulator is left out: it patches the connector inside
the harness's own process, and its sessions are DuckDB's anyway."""

from __future__ import annotations

from pathlib import Path

import pytest

from activity_harness.dbt import DbtWorkspace, invoke_in_time_zone
from activity_harness.warehouses import LOCAL_TARGETS, WAREHOUSES, PostgresServer

ZONE = "America/St_Johns"  # UTC-3:30, UTC-2:30 in summer
ZONED = [name for name in LOCAL_TARGETS if WAREHOUSES[name].builds and WAREHOUSES[name].time_zone_variables]


@pytest.fixture
def fresh_duckdb(tmp_path: Path) -> DbtWorkspace:
    return DbtWorkspace("duckdb", tmp_path)


@pytest.fixture
def fresh_postgres(tmp_path: Path, postgres_server: PostgresServer) -> DbtWorkspace:
    return DbtWorkspace("postgres", tmp_path, postgres=postgres_server)


@pytest.fixture
def fresh_spark(tmp_path: Path) -> DbtWorkspace:
    return DbtWorkspace("spark", tmp_path)


@pytest.mark.parametrize("warehouse", [pytest.param(w, marks=getattr(pytest.mark, w)) for w in ZONED])
def test_cross_db_models_pass_their_tests_in_another_time_zone(request: pytest.FixtureRequest, warehouse: str) -> None:
    workspace: DbtWorkspace = request.getfixturevalue(f"fresh_{warehouse}")
    invoke_in_time_zone([(workspace, workspace.command("build", "--select", "+path:models/cross_db", *workspace.warehouse.exclude_arguments()))], ZONE)
    passed = {unique_id for unique_id, result in workspace.run_results().items() if result["status"] == "pass"}
    assert any(".equal_rowsets_cross_db_time_zones_" in unique_id for unique_id in passed), "the time-zone model's test did not run"
    assert len(passed) >= 15, f"only {len(passed)} data tests ran"
