"""The xdist scheduler's groups, worked out on tests collected by a real pytest run: tests
that share a slow warehouse, a slow shared fixture, a module-scoped fixture or a session
fixture of their module land in one group, named after the part that starts first, and
tests that share nothing stay apart."""

from __future__ import annotations

import pytest

from warehouse_scheduling import scheduling_groups, start_order

COLLECTED = """
import pytest

@pytest.fixture(scope="module")
def workspace():
    return 1

@pytest.fixture(scope="session")
def duckdb_history():
    return 1

@pytest.fixture(scope="session")
def postgres_project():
    return 1

def test_alone():
    pass

@pytest.fixture(scope="module")
def other_workspace():
    return 1

def test_reads_other_workspace(other_workspace):
    pass

def test_also_reads_other_workspace(other_workspace):
    pass

def test_reads_workspace(workspace):
    pass

def test_also_reads_workspace(workspace):
    pass

def test_reads_history(duckdb_history):
    pass

@pytest.mark.postgres
def test_postgres_and_history(duckdb_history):
    pass

def test_builds_postgres(postgres_project):
    pass

@pytest.mark.session_fixture("duckdb_history")
def test_looks_history_up():
    pass

@pytest.mark.spark
def test_spark_and_workspace(workspace):
    pass

@pytest.fixture(scope="session")
def example_build():
    return 1

def test_reads_example_build(example_build):
    pass

@pytest.mark.session_fixture("example_build")
def test_looks_example_build_up():
    pass
"""


def collect_groups(pytester: pytest.Pytester) -> dict[str, str | None]:
    pytester.makeini("[pytest]\nmarkers =\n    postgres\n    spark\n    session_fixture(name)\n")
    items = pytester.getitems(COLLECTED)
    groups = scheduling_groups(items)
    return {item.name: groups[item.nodeid] for item in items}


def test_a_test_sharing_nothing_has_no_group(pytester: pytest.Pytester) -> None:
    assert collect_groups(pytester)["test_alone"] is None


def test_a_module_fixture_alone_is_its_own_group(pytester: pytest.Pytester) -> None:
    groups = collect_groups(pytester)
    group = groups["test_reads_other_workspace"]
    assert group is not None and group.endswith("::other_workspace")
    assert groups["test_also_reads_other_workspace"] == group


def test_a_session_fixture_of_the_module_is_its_own_group(pytester: pytest.Pytester) -> None:
    # Built once per worker that runs one of its tests, like a module fixture; the test that
    # looks it up by name goes with it.
    groups = collect_groups(pytester)
    group = groups["test_reads_example_build"]
    assert group is not None and group.endswith("::example_build")
    assert groups["test_looks_example_build_up"] == group


def test_a_slow_family_joins_what_its_tests_share(pytester: pytest.Pytester) -> None:
    groups = collect_groups(pytester)
    # The Postgres test also reads the DuckDB history, so the history's tests, and the one
    # that looks it up by name, go with Postgres; Postgres starts first, so it names the group.
    together = ("test_postgres_and_history", "test_reads_history", "test_builds_postgres", "test_looks_history_up")
    assert {groups[name] for name in together} == {"postgres"}


def test_a_module_fixture_joins_a_family_through_a_shared_test(pytester: pytest.Pytester) -> None:
    groups = collect_groups(pytester)
    # The Spark test reads the module's workspace, so both workspace tests go with Spark.
    assert {groups[name] for name in ("test_reads_workspace", "test_also_reads_workspace", "test_spark_and_workspace")} == {"spark"}


def test_groups_start_longest_first() -> None:
    assert start_order("snowflake") < start_order("spark") < start_order("postgres") < start_order("duckdb_history")
    assert start_order("duckdb_history") < start_order("tests/test_x.py::workspace") < start_order(None)
