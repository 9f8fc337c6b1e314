"""Which plan DuckDB runs where a nearest-row join can replace the window pass. A query whose
joins are in-between joins, first-after / last-before picks and joins answered by a GROUP BY
sorts no window: an ASOF join finds each target's segment (the latest cohort row before it)
and each pick's nearest target. One that needs a window pass anyway (an aggregate before /
after, an nth pick, a cohort_filter, periods) reads everything from that pass and has no
ASOF join."""

from __future__ import annotations

import re

import pytest

from activity_harness.project import BuiltProject

pytestmark = pytest.mark.duckdb

BY_NEAREST_ROW = ("tjd_first_in_between", "tjd_last_in_between", "tjd_aggregate_in_between", "tjd_in_between_only",
                  "tjd_first_after", "tjd_last_before", "tjd_nearest_only")
BY_WINDOW = ("tjd_nth_in_between", "tjd_nth_after", "tjd_aggregate_after", "tjd_windows", "tjd_multi_all", "tjd_filters_occurrence", "tjd_periods_week")


# An operator's box in DuckDB's drawing of a plan starts with its name: `╭─ Asof Join ─...`.
OPERATOR = re.compile(r"╭─ ([^─]+?) ─")


def operators(project: BuiltProject, model: str) -> set[str]:
    """The operators of a model's physical plan, named as in EXPLAIN's text: ASOF_JOIN, WINDOW."""
    drawing = "\n".join(str(value) for row in project.query("explain " + project.compiled_sql(model)) for value in row.values())
    return {name.upper().replace(" ", "_") for name in OPERATOR.findall(drawing)}


@pytest.mark.parametrize("model", BY_NEAREST_ROW)
def test_queries_without_a_window_pass_use_asof_joins(duckdb_project: BuiltProject, model: str) -> None:
    plan = operators(duckdb_project, model)
    assert "ASOF_JOIN" in plan, f"{model}: no ASOF join in DuckDB's plan {sorted(plan)}"
    assert "WINDOW" not in plan, f"{model}: a window pass in DuckDB's plan {sorted(plan)}"


@pytest.mark.parametrize("model", BY_WINDOW)
def test_queries_that_need_a_window_pass_have_no_asof_join(duckdb_project: BuiltProject, model: str) -> None:
    plan = operators(duckdb_project, model)
    assert "WINDOW" in plan, f"{model}: no window pass in DuckDB's plan {sorted(plan)}"
    assert "ASOF_JOIN" not in plan, f"{model}: an ASOF join beside the window pass {sorted(plan)}"
