"""The headless CRM's incremental event log on every local warehouse: the golden sources loaded
in two steps (what was ingested before CRM_FIRST_LOAD's cutoff, then the rest
incrementally), each union table equals their rows of DuckDB's full build (the DuckDB case
with the generated source is in test_headless_crm.py). On DuckDB, Postgres and the Snowflake
emulator the two steps are the production histories' first and second loads (see
tests/production_scenario.py); Spark, which runs no production history, loads them in a
workspace of its own, its upserts rewriting each loaded source's partition of plain parquet
tables (insert_overwrite)."""

from __future__ import annotations

import pytest

from activity_harness.dbt import DbtWorkspace
from activity_harness.matrix import row_differences
from activity_harness.project import BuiltProject
from production_scenario import UNION_MODELS, Row
from test_headless_crm import load_in_two_steps
from test_production_incremental import WAREHOUSES, history


@pytest.fixture(scope="module")
def spark_incremental(duckdb_project: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> DbtWorkspace:
    return load_in_two_steps(DbtWorkspace("spark", tmp_path_factory.mktemp("crm_incremental_spark")), duckdb_project, golden_only=True)


def golden_rows(project: BuiltProject, model: str) -> list[Row]:
    return project.query(f"select * from {model} where source <> 'generated'")


def assert_equals_the_full_build(duckdb_project: BuiltProject, warehouse: str, model: str, loaded: list[Row]) -> None:
    difference = row_differences(golden_rows(duckdb_project, model), loaded, limit=1)
    assert not difference, f"{model} on {warehouse} after two loads differs from DuckDB's full build: {difference[0]}"


@pytest.mark.parametrize("warehouse", WAREHOUSES)
def test_the_historys_second_load_was_incremental(request: pytest.FixtureRequest, duckdb_project: BuiltProject, warehouse: str) -> None:
    scenario = history(request, warehouse)
    assert 0 < len(scenario.first_load["headless_crm_events"]) < len(golden_rows(duckdb_project, "headless_crm_events"))
    assert scenario.interrupted_crm_increments == sorted(UNION_MODELS)
    assert not [name for name in scenario.interrupted_failures if name.startswith("headless_crm")], scenario.interrupted_failures


@pytest.mark.parametrize("warehouse", WAREHOUSES)
@pytest.mark.parametrize("model", UNION_MODELS)
def test_history_equals_duckdbs_full_build(request: pytest.FixtureRequest, duckdb_project: BuiltProject, warehouse: str, model: str) -> None:
    assert_equals_the_full_build(duckdb_project, warehouse, model, history(request, warehouse).loaded[model])


@pytest.mark.spark
@pytest.mark.parametrize("model", UNION_MODELS)
def test_spark_two_loads_equal_duckdbs_full_build(spark_incremental: DbtWorkspace, duckdb_project: BuiltProject, model: str) -> None:
    assert_equals_the_full_build(duckdb_project, "spark", model, spark_incremental.query(f"select * from {model}"))
