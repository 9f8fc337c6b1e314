"""Shared fixtures: the integration project is built once per test session per warehouse.

`--target duckdb|postgres|snowflake|bigquery|spark|all` (default all) selects the warehouses;
tests marked for another warehouse are skipped, saying so. After a full run, the warehouse
× feature matrix is written to reports/latest/ (ignored by git; `make report` publishes it).
"""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator

import pytest
from filelock import FileLock

from activity_harness.bigquery_offline import BigQueryCompile, ModelOutcome, compile_for_bigquery, execute_on_duckdb, pinned_crm_pivots
from activity_harness.dbt import DbtWorkspace
from activity_harness.matrix import LATEST_DIR, Cell, save_cells
from activity_harness.project import BuiltProject, build, copy_duckdb_build, harness_seed, write_generated_seeds
from activity_harness.warehouses import LOCAL_TARGETS, WAREHOUSES, PostgresServer
from production_scenario import Scenario, replay

# xdist scheduling (each slow warehouse's tests on one worker), and pytester for testing it.
pytest_plugins = ["warehouse_scheduling", "pytester"]

MATRIX_CELLS: list[Cell] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--target", default="all", choices=(*LOCAL_TARGETS, "all"), help="warehouse(s) to run the integration project on (default: all)")


def selected_targets(config: pytest.Config) -> set[str]:
    chosen = config.getoption("--target")
    return {name for name, warehouse in WAREHOUSES.items() if chosen in ("all", warehouse.family)}


def pytest_configure(config: pytest.Config) -> None:
    # A terminated run (kill, CI timeout) raises KeyboardInterrupt instead of dying at once,
    # so pytest still tears down its session fixtures: no Postgres server outlives the run.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    for target in WAREHOUSES:
        config.addinivalue_line("markers", f"{target}: runs on {target}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = selected_targets(config)
    for item in items:
        marked = {mark.name for mark in item.iter_markers()} & set(WAREHOUSES)
        if marked and not marked & chosen:
            item.add_marker(pytest.mark.skip(reason=f"runs on {', '.join(sorted(marked))}; --target {config.getoption('--target')} selected"))


def pytest_report_header(config: pytest.Config) -> str:
    return f"activity_harness data seed: {harness_seed()} (set ACTIVITY_HARNESS_SEED to change it); targets: {config.getoption('--target')}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Attach the outcome of every warehouse × feature test to its report, for the matrix:
    reports reach the process that writes it (with xdist, the controller)."""
    outcome = yield
    report = outcome.get_result()
    params = getattr(getattr(item, "callspec", None), "params", {})
    if "warehouse" in params and "feature" in params and (report.when == "call" or report.outcome != "passed"):
        notes = [value for key, value in report.user_properties if key == "matrix_note"]
        reason = "; ".join(notes) if report.passed else (report.longrepr[2] if report.skipped and isinstance(report.longrepr, tuple) else str(report.longrepr).strip().splitlines()[-1])
        report.user_properties.append(("matrix_cell", [params["warehouse"], params["feature"], report.outcome, reason[:300]]))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    MATRIX_CELLS.extend(Cell(*value) for key, value in report.user_properties if key == "matrix_cell")


def pytest_sessionfinish(session: pytest.Session) -> None:
    # Full runs only: a run narrowed to one target or some tests would give a matrix of
    # skips. An xdist worker leaves it to the controller, which sees every report.
    config = session.config
    full_run = config.getoption("--target") == "all" and not config.getoption("-k") and config.args_source is pytest.Config.ArgsSource.TESTPATHS
    if MATRIX_CELLS and full_run and not hasattr(config, "workerinput"):
        save_cells(MATRIX_CELLS, LATEST_DIR)


@pytest.fixture(scope="session", autouse=True)
def generated_seeds() -> None:
    """The generated seed CSVs are nodes of the integration project: without them it does
    not even parse. Written before any test, so that a test that compiles the project
    without building it works on a fresh clone whatever the order (builds rewrite them,
    byte for byte the same)."""
    write_generated_seeds(harness_seed())


@pytest.fixture(scope="session")
def duckdb_project(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> BuiltProject:
    """The integration project built once on a DuckDB file. Under xdist, once per run: the
    first worker to need it builds it, and every worker works on a copy of its own."""
    workdir = tmp_path_factory.mktemp("duckdb")
    if not hasattr(pytestconfig, "workerinput"):  # a single process, with or without xdist loaded
        return build(workdir, seed=harness_seed())
    shared = tmp_path_factory.getbasetemp().parent / "duckdb_build"  # the run's, beside each worker's
    built = shared / "built"
    with FileLock(f"{shared}.lock"):
        if not built.exists():  # not built yet, or the last attempt failed: (re)build, raising its errors here too
            shutil.rmtree(shared, ignore_errors=True)
            build(shared, seed=harness_seed())
            built.touch()
    return copy_duckdb_build(shared, workdir, seed=harness_seed())


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_project(tmp_path_factory: pytest.TempPathFactory, postgres_server: PostgresServer) -> BuiltProject:
    """The integration project built once on the harness's Postgres server."""
    return build(tmp_path_factory.mktemp("postgres_build"), seed=harness_seed(), target="postgres", postgres=postgres_server, check=False)


@pytest.fixture(scope="session")
def snowflake_project(tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """The integration project built once on fakesnow (Snowflake emulated on DuckDB)."""
    return build(tmp_path_factory.mktemp("snowflake_build"), seed=harness_seed(), target="snowflake", check=False)


@pytest.fixture(scope="session")
def spark_project(tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """The integration project built once on a local pyspark session (dbt-spark `method: session`)."""
    return build(tmp_path_factory.mktemp("spark_build"), seed=harness_seed(), target="spark", check=False)


@pytest.fixture(scope="session")
def bigquery_compile(duckdb_project: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> BigQueryCompile:
    """The integration project compiled for BigQuery offline (dummy key, no introspection),
    the CRM's pivot columns pinned to those the DuckDB build discovered."""
    return compile_for_bigquery(tmp_path_factory.mktemp("bigquery_offline"), vars=pinned_crm_pivots(duckdb_project))


@pytest.fixture(scope="session")
def offline_outcomes(bigquery_compile: BigQueryCompile, duckdb_project: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModelOutcome]:
    """Every model's BigQuery SQL checked and run, transpiled, on DuckDB over the DuckDB build's seeds."""
    return execute_on_duckdb(bigquery_compile, duckdb_project.workspace.duckdb_path, tmp_path_factory.mktemp("bigquery_on_duckdb"))


# The production history (tests/production_scenario.py), replayed once per warehouse and
# shared by the incremental, erasure and privacy tests.
@pytest.fixture(scope="session")
def duckdb_history(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return replay(DbtWorkspace("duckdb", tmp_path_factory.mktemp("production_duckdb")), full=True)


@pytest.fixture(scope="session")
def postgres_history(tmp_path_factory: pytest.TempPathFactory, postgres_server: PostgresServer) -> Scenario:
    return replay(DbtWorkspace("postgres", tmp_path_factory.mktemp("production_pg"), postgres=postgres_server), full=False)


@pytest.fixture(scope="session")
def snowflake_history(tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    return replay(DbtWorkspace("snowflake", tmp_path_factory.mktemp("production_sf")), full=False)
