"""The headless CRM's incremental event log on every local warehouse: its sources loaded in
two steps (what was ingested before CRM_FIRST_LOAD's cutoff, then the rest incrementally),
each union table equals its rows in DuckDB's full build. On DuckDB, Postgres and the
Snowflake emulator the two steps are the production histories' first and second loads, of
the golden sources (see tests/production_scenario.py). Spark, which runs no production history,
loads every source again in two steps into its project build (as test_headless_crm.py does
on a copy of DuckDB's), its upserts rewriting each loaded source's partition of plain
parquet tables (insert_overwrite); the second load leaves the tables as the build made them."""

from __future__ import annotations

import pytest

from activity_harness.dbt import DbtWorkspace
from activity_harness.matrix import row_differences
from activity_harness.project import BuiltProject
from production_scenario import UNION_MODELS, Row
from test_headless_crm import load_in_two_steps
from test_production_incremental import WAREHOUSES, history


@pytest.fixture(scope="module")
def spark_incremental(spark_project: BuiltProject) -> DbtWorkspace:
    return load_in_two_steps(spark_project)


def golden_rows(project: BuiltProject, model: str) -> list[Row]:
    return project.query(f"select * from {model} where source <> 'generated'")


def assert_equals_the_full_build(expected: list[Row], warehouse: str, model: str, loaded: list[Row]) -> None:
    difference = row_differences(expected, loaded, limit=1)
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
    assert_equals_the_full_build(golden_rows(duckdb_project, model), warehouse, model, history(request, warehouse).loaded[model])


@pytest.mark.spark
@pytest.mark.parametrize("model", UNION_MODELS)
def test_spark_two_loads_equal_duckdbs_full_build(spark_incremental: DbtWorkspace, duckdb_project: BuiltProject, model: str) -> None:
    query = f"select * from {model}"
    assert_equals_the_full_build(duckdb_project.query(query), "spark", model, spark_incremental.query(query))
