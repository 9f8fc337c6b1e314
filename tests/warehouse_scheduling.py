"""Under pytest-xdist, the tests that share a slow session fixture run on one worker, which
builds it once: the tests of each warehouse that is slow to set up (its projects), and the
tests of each other slow shared fixture (the DuckDB production history, the offline
BigQuery compilation). Tests that share any of these join one group (a Postgres erasure
test reads both the Postgres and the DuckDB production history, so both histories' tests go
together). So do the tests of each module-scoped fixture, and of each session fixture a test
module defines (an example project's build), which a worker would otherwise build again
for its share of them. Every other test goes to whichever worker is free. The groups
start longest first, the module fixtures' after the slow parts'.

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


def shared_parts(item: pytest.Item) -> set[str]:
    """The grouped warehouse families a test runs on (by its marks) or builds (by its
    fixtures), the slow shared fixtures it uses, and the fixtures built once for a share of
    the tests (named `<defining module>::<fixture>`): module-scoped ones, and session-scoped
    ones a test module defines for its own tests."""
    marks = {mark.name for mark in item.iter_markers()}
    fixtures = set(getattr(item, "fixturenames", ())) | {mark.args[0] for mark in item.iter_markers(SESSION_FIXTURE_MARK)}
    families = {family for family, names in FAMILY_WAREHOUSES.items()
                if marks & names or any(fixture.startswith(f"{family}_") for fixture in fixtures)}
    return families | (fixtures & set(SHARED_FIXTURES)) | {f"{definition.baseid}::{name}" for name in fixtures
                                                           if (definition := fixture_definition(item, name)) and built_per_share(definition)}


def fixture_definition(item: pytest.Item, name: str) -> Any:
    """The FixtureDef a test gets for a fixture name, also for one it looks up at run time."""
    defined = item.session._fixturemanager.getfixturedefs(name, item)
    return defined[-1] if defined else None


def built_per_share(definition: Any) -> bool:
    return bool(definition.scope == "module" or (definition.scope == "session" and definition.baseid.endswith(".py")))


def start_order(group: str | None) -> int:
    """Where a group's tests go in the collection, which is the order groups start in: the
    slow parts longest first, then the module fixtures' groups, then the ungrouped tests."""
    if group is None:
        return len(LONGEST_FIRST) + 1
    return LONGEST_FIRST.index(group) if group in LONGEST_FIRST else len(LONGEST_FIRST)


def scheduling_groups(items: list[pytest.Item]) -> dict[str, str | None]:
    """Each test's group: the first (by start_order, then name) of the parts joined to its
    own through tests that share them; None for a test that uses none."""
    parent: dict[str, str] = {}

    def root(part: str) -> str:
        while parent.setdefault(part, part) != part:
            part = parent[part]
        return part

    def first(parts: set[str]) -> str:
        return min(parts, key=lambda part: (start_order(part), part))

    parts = {item.nodeid: shared_parts(item) for item in items}
    for used in parts.values():
        roots = {root(part) for part in used}
        for other in roots:
            parent[other] = first(roots)
    return {nodeid: root(first(used)) if used else None for nodeid, used in parts.items()}


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
    items.sort(key=lambda item: start_order(groups[item.nodeid]))
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
