"""How many times Postgres sorts the stream for each temporal join, read from `explain` of
the built differential models: the README's promise of one sort per join, and the
documented exception (last_in_between reads "after" frames backwards next to forward ones)."""

from __future__ import annotations

import pytest

from activity_harness.project import BuiltProject
from activity_harness.reference import temporal

pytestmark = pytest.mark.postgres

# tjd_aggregate_after is a count_distinct over one column: its first-occurrence flags are a
# window of their own (documented), computed for the target rows only.
TWO_SORTS = {"last_in_between", "aggregate_after"}


def window_sorts(project: BuiltProject, model: str) -> list[str]:
    """The sort keys in the plan that order rows by time: the window sorts (a GROUP BY sort
    is on the person and occurrence only)."""
    node = next(n for n in project.manifest["nodes"].values() if n["resource_type"] == "model" and n["name"] == model)
    plan = [row["query plan"] for row in project.query("explain " + node["compiled_code"])]
    keys = [line.split("Sort Key:", 1)[1].strip() for line in plan if "Sort Key:" in line]
    return [key for key in keys if ".ts" in key or key.startswith("ts")]


@pytest.mark.parametrize("join_type", temporal.JOIN_TYPES)
def test_each_join_sorts_the_stream_once(postgres_project: BuiltProject, join_type: str) -> None:
    sorts = window_sorts(postgres_project, f"tjd_{join_type}")
    expected = 2 if join_type in TWO_SORTS else 1
    assert len(sorts) == expected, f"tjd_{join_type}: {len(sorts)} window sorts on Postgres, expected {expected}: {sorts}"
