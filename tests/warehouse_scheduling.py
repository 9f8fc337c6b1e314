"""Under pytest-xdist, the tests of each warehouse that is slow to set up run on one worker,
which builds that warehouse's projects once; every other test goes to whichever worker is
free. The groups start longest first.

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

# The warehouse families whose tests are grouped, in the order their groups start, with the
# warehouses (marks) of each.
GROUPED_LONGEST_FIRST = ("spark", "snowflake", "postgres")
FAMILY_WAREHOUSES = {family: {name for name, warehouse in WAREHOUSES.items() if warehouse.family == family} for family in GROUPED_LONGEST_FIRST}
GROUPS_DIR = pytest.StashKey[Path]()


def warehouse_group(item: pytest.Item) -> str | None:
    """The grouped warehouse family a test runs on (by its marks) or builds (by its fixtures)."""
    marks = {mark.name for mark in item.iter_markers()}
    fixtures = getattr(item, "fixturenames", ())
    for family, names in FAMILY_WAREHOUSES.items():
        if marks & names or any(fixture.startswith(f"{family}_") for fixture in fixtures):
            return family
    return None


def pytest_configure(config: pytest.Config) -> None:
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
    groups = {item.nodeid: warehouse_group(item) for item in items}
    # Stable: grouped tests first, longest group first; the rest keep their order.
    items.sort(key=lambda item: (GROUPED_LONGEST_FIRST + (None,)).index(groups[item.nodeid]))
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
