"""Which plan DuckDB runs for in-between joins. A query of in-between joins alone finds each
target's segment by an ASOF join to the latest cohort row before it, and sorts no window;
one that needs a window pass anyway (a before / after join, an nth pick, a cohort_filter)
reads its segments from that pass and has no ASOF join."""

from __future__ import annotations

import re

import pytest

from activity_harness.project import BuiltProject

pytestmark = pytest.mark.duckdb

BY_OWNER = ("tjd_first_in_between", "tjd_last_in_between", "tjd_aggregate_in_between", "tjd_in_between_only")
BY_WINDOW = ("tjd_nth_in_between", "tjd_multi_all", "tjd_filters_occurrence", "tjd_periods_week")


# An operator's box in DuckDB's drawing of a plan starts with its name: `╭─ Asof Join ─...`.
OPERATOR = re.compile(r"╭─ ([^─]+?) ─")


def operators(project: BuiltProject, model: str) -> set[str]:
    """The operators of a model's physical plan, named as in EXPLAIN's text: ASOF_JOIN, WINDOW."""
    drawing = "\n".join(str(value) for row in project.query("explain " + project.compiled_sql(model)) for value in row.values())
    return {name.upper().replace(" ", "_") for name in OPERATOR.findall(drawing)}


@pytest.mark.parametrize("model", BY_OWNER)
def test_in_between_joins_alone_find_segments_by_asof_join(duckdb_project: BuiltProject, model: str) -> None:
    plan = operators(duckdb_project, model)
    assert "ASOF_JOIN" in plan, f"{model}: no ASOF join in DuckDB's plan {sorted(plan)}"
    assert "WINDOW" not in plan, f"{model}: a window pass in DuckDB's plan {sorted(plan)}"


@pytest.mark.parametrize("model", BY_WINDOW)
def test_queries_with_a_window_pass_read_segments_from_it(duckdb_project: BuiltProject, model: str) -> None:
    plan = operators(duckdb_project, model)
    assert "WINDOW" in plan, f"{model}: no window pass in DuckDB's plan {sorted(plan)}"
    assert "ASOF_JOIN" not in plan, f"{model}: an ASOF join beside the window pass {sorted(plan)}"
