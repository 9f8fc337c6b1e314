"""Under pytest-xdist, the tests that share a slow session fixture run on one worker, which
builds it once: the tests of each warehouse that is slow to set up (its projects), and the
tests of each other slow shared fixture (the DuckDB production history, the offline
BigQuery compilation). Tests that share any of these join one group (a Postgres erasure
test reads both the Postgres and the DuckDB production history, so both histories' tests go
together). Every other test goes to whichever worker is free. The groups start longest
first.

xdist's controller schedules by node id alone and collects nothing itself, so each worker
writes the group of every test it collected (from the test's warehouse marks and the
fixtures it uses) to a file that the controller's scheduler reads. xdist's own
`--dist loadgroup` cannot be used: it renames node ids the way pytest 8 stored them, which
pytest 9 no longer reads.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from activity_harness.warehouses import WAREHOUSES

# The warehouse families whose tests are grouped, with the warehouses (marks) of each, and
# the slow shared fixtures (a test uses one directly or through another fixture).
GROUPED_FAMILIES = ("snowflake", "spark", "postgres")
FAMILY_WAREHOUSES = {family: {name for name, warehouse in WAREHOUSES.items() if warehouse.family == family} for family in GROUPED_FAMILIES}
SHARED_FIXTURES = ("duckdb_history", "bigquery_compile")
# Groups start in this order, by the first of these each holds: the Snowflake emulator's
# group also holds Postgres's and the production histories.
LONGEST_FIRST = ("snowflake", "spark", "postgres", *SHARED_FIXTURES)
GROUPS_DIR = pytest.StashKey[Path]()
SESSION_FIXTURE_MARK = "session_fixture"


def slow_parts(item: pytest.Item) -> set[str]:
    """The grouped warehouse families a test runs on (by its marks) or builds (by its
    fixtures), and the slow shared fixtures it uses."""
    marks = {mark.name for mark in item.iter_markers()}
    fixtures = set(getattr(item, "fixturenames", ())) | {mark.args[0] for mark in item.iter_markers(SESSION_FIXTURE_MARK)}
    families = {family for family, names in FAMILY_WAREHOUSES.items()
                if marks & names or any(fixture.startswith(f"{family}_") for fixture in fixtures)}
    return families | (fixtures & set(SHARED_FIXTURES))


def scheduling_groups(items: list[pytest.Item]) -> dict[str, str | None]:
    """Each test's group: the first (in LONGEST_FIRST) of the slow parts joined to its own
    through tests that share them; None for a test that uses none."""
    parent = {part: part for part in LONGEST_FIRST}

    def root(part: str) -> str:
        while parent[part] != part:
            part = parent[part]
        return part

    parts = {item.nodeid: slow_parts(item) for item in items}
    for used in parts.values():
        roots = sorted({root(part) for part in used}, key=LONGEST_FIRST.index)
        for other in roots[1:]:
            parent[other] = roots[0]
    return {nodeid: root(min(used, key=LONGEST_FIRST.index)) if used else None for nodeid, used in parts.items()}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{SESSION_FIXTURE_MARK}(name): a session fixture the test looks up by name at run time, which its group follows")
    if not hasattr(config, "workerinput"):
        config.stash[GROUPS_DIR] = Path(tempfile.mkdtemp(prefix="activity-schema-test-groups-"))


def pytest_unconfigure(config: pytest.Config) -> None:
    if GROUPS_DIR in config.stash:
        shutil.rmtree(config.stash[GROUPS_DIR], ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    node.workerinput["activity_schema_groups_dir"] = str(node.config.stash[GROUPS_DIR])


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    groups = scheduling_groups(items)
    # Stable: grouped tests first, longest group first; the rest keep their order.
    items.sort(key=lambda item: (*LONGEST_FIRST, None).index(groups[item.nodeid]))
    workerinput = getattr(config, "workerinput", {})
    if "activity_schema_groups_dir" in workerinput:
        path = Path(workerinput["activity_schema_groups_dir"]) / f"{workerinput['workerid']}.json"
        path.write_text(json.dumps({nodeid: group for nodeid, group in groups.items() if group}))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    from xdist.scheduler import LoadScopeScheduling

    groups_dir = config.stash[GROUPS_DIR]

    class WarehouseScheduling(LoadScopeScheduling):
        """xdist's scope scheduling, a scope being a warehouse group or a single test."""

        groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            # Read when scheduling starts, once every worker has reported its collection.
            if self.groups is None:
                self.groups = {k: v for path in sorted(groups_dir.glob("*.json")) for k, v in json.loads(path.read_text()).items()}
            return self.groups.get(nodeid, nodeid)

    # Scopes go out in collection order (longest group first), not by their number of tests.
    config.option.loadscopereorder = False
    return WarehouseScheduling(config, log)
