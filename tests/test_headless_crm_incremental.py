"""The headless CRM's incremental event log on the other local warehouses: the golden
sources loaded in two steps, each union table equals their rows of DuckDB's full build
(the DuckDB case, generated source included, is in test_headless_crm.py). On Spark the
upserts rewrite each loaded source's partition of plain parquet tables (insert_overwrite)."""

from __future__ import annotations

import pytest

from activity_harness.dbt import DbtWorkspace
from activity_harness.matrix import row_differences
from activity_harness.project import BuiltProject
from activity_harness.warehouses import PostgresServer
from test_headless_crm import UNION_MODELS, load_in_two_steps


@pytest.fixture(scope="module")
def postgres_incremental(duckdb_project: BuiltProject, postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> DbtWorkspace:
    return load_in_two_steps(DbtWorkspace("postgres", tmp_path_factory.mktemp("crm_incremental_pg"), postgres=postgres_server), duckdb_project, golden_only=True)


@pytest.fixture(scope="module")
def snowflake_incremental(duckdb_project: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> DbtWorkspace:
    return load_in_two_steps(DbtWorkspace("snowflake", tmp_path_factory.mktemp("crm_incremental_sf")), duckdb_project, golden_only=True)


@pytest.fixture(scope="module")
def spark_incremental(duckdb_project: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> DbtWorkspace:
    return load_in_two_steps(DbtWorkspace("spark", tmp_path_factory.mktemp("crm_incremental_spark")), duckdb_project, golden_only=True)


@pytest.mark.parametrize("warehouse", [pytest.param(w, marks=getattr(pytest.mark, w)) for w in ("postgres", "snowflake", "spark")])
@pytest.mark.parametrize("model", UNION_MODELS)
def test_incremental_history_equals_duckdbs_full_build(request: pytest.FixtureRequest, duckdb_project: BuiltProject, warehouse: str, model: str) -> None:
    workspace: DbtWorkspace = request.getfixturevalue(f"{warehouse}_incremental")
    golden = duckdb_project.query(f"select * from {model} where source <> 'generated'")
    difference = row_differences(golden, workspace.query(f"select * from {model}"), limit=1)
    assert not difference, f"{model} on {warehouse} after two loads differs from DuckDB's full build: {difference[0]}"
