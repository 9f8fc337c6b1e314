"""How many times Postgres sorts the stream for each temporal join, read from `explain` of
the built differential models: no sort for *_ever joins (one GROUP BY), one for every other
single join, and the documented exceptions: a count_distinct reads flags from a window of
their own, and an nth in-between pick under match ranks targets within the match values."""

from __future__ import annotations

import pytest

from activity_harness.project import BuiltProject
from activity_harness.reference import temporal

pytestmark = pytest.mark.postgres

EXPECTED_SORTS = {join_type: 0 if join_type in ("first_ever", "last_ever", "aggregate_all_ever") else 1 for join_type in temporal.JOIN_TYPES}
# tjd_aggregate_after is a count_distinct over one column.
EXPECTED_SORTS["aggregate_after"] = 2


def window_sorts(project: BuiltProject, model: str) -> list[str]:
    """The sort keys in the plan that order rows by time: the window sorts (a GROUP BY sort
    is on the person and occurrence only)."""
    node = next(n for n in project.manifest["nodes"].values() if n["resource_type"] == "model" and n["name"] == model)
    plan = [row["query plan"] for row in project.query("explain " + node["compiled_code"])]
    keys = [line.split("Sort Key:", 1)[1].strip() for line in plan if "Sort Key:" in line]
    return [key for key in keys if ".ts" in key or key.startswith("ts")]


@pytest.mark.parametrize("join_type", temporal.JOIN_TYPES)
def test_each_join_sorts_the_stream_at_most_once(postgres_project: BuiltProject, join_type: str) -> None:
    sorts = window_sorts(postgres_project, f"tjd_{join_type}")
    assert len(sorts) == EXPECTED_SORTS[join_type], f"tjd_{join_type}: {len(sorts)} window sorts on Postgres, expected {EXPECTED_SORTS[join_type]}: {sorts}"


def test_nth_in_between_under_match_sorts_a_second_time(postgres_project: BuiltProject) -> None:
    """tjd_combination: two nth in-between picks under the same match share the second sort."""
    sorts = window_sorts(postgres_project, "tjd_combination")
    assert len(sorts) == 2, f"tjd_combination: {len(sorts)} window sorts on Postgres, expected 2: {sorts}"
