"""Which plan DuckDB runs where a nearest-row join can replace the window pass. A query whose
joins are in-between joins, picks counted from the cohort row (the n-th after, the n-th
from the last before), counts before / after without a time window and joins answered by
a GROUP BY sorts no window over its cohort rows: an ASOF join finds each target's segment
(the latest cohort row before it) and each pick's or count's nearest target; an nth pick
or a count ranks the target rows alone. One that needs a window pass anyway (another
aggregate before / after, a pick with at_least or counted from the far end of a time
window, a cohort_filter, periods, more than three nearest joins) reads everything from
that pass and has no ASOF join; over every cohort row, its picks carry their columns
through their passes, so nothing is fetched from the stream again."""

from __future__ import annotations

import json
from typing import Any

import pytest

from activity_harness.project import BuiltProject

pytestmark = pytest.mark.duckdb

BY_NEAREST_ROW = ("tjd_first_in_between", "tjd_last_in_between", "tjd_aggregate_in_between", "tjd_first_after", "tjd_last_before", "tjd_nearest_only")
# With nth picks or counts: a window ranks the target rows, none reads the cohort rows.
BY_NEAREST_ROW_AND_RANKS = ("tjd_nth_in_between", "tjd_nth_after", "tjd_aggregate_before", "tjd_in_between_only", "tjd_nearest_ranks", "tjd_nearest_counts")
BY_WINDOW = ("tjd_aggregate_after", "tjd_windows", "tjd_multi_all", "tjd_filters_occurrence", "tjd_periods_week")


def plan_nodes(project: BuiltProject, sql: str) -> list[dict[str, Any]]:
    """Every operator of a query's physical plan, from EXPLAIN's JSON: name and extra_info."""
    [row] = project.query("explain (format json) " + sql)
    nodes, pending = [], list(json.loads(row["explain_value"]))
    while pending:
        node = pending.pop()
        nodes.append(node)
        pending.extend(node.get("children", []))
    return nodes


def plan_operators(project: BuiltProject, sql: str) -> set[str]:
    """The operators of a query's physical plan, named as in EXPLAIN: ASOF_JOIN, WINDOW."""
    return {node["name"].strip().upper().replace(" ", "_") for node in plan_nodes(project, sql)}


def operators(project: BuiltProject, model: str) -> set[str]:
    return plan_operators(project, project.compiled_sql(model))


def window_calls(project: BuiltProject, sql: str) -> list[str]:
    """The function of each window a query's WINDOW operators compute, sorted: count, row_number, sum..."""
    functions = []
    for node in plan_nodes(project, sql):
        if node["name"].strip().upper() == "WINDOW":
            projections = node["extra_info"]["Projections"]  # a list, or a text when there is one
            functions.extend(p.split("(", 1)[0] for p in ([projections] if isinstance(projections, str) else projections))
    return sorted(functions)


@pytest.mark.parametrize("model", BY_NEAREST_ROW)
def test_queries_without_a_window_pass_use_asof_joins(duckdb_project: BuiltProject, model: str) -> None:
    plan = operators(duckdb_project, model)
    assert "ASOF_JOIN" in plan, f"{model}: no ASOF join in DuckDB's plan {sorted(plan)}"
    assert "WINDOW" not in plan, f"{model}: a window pass in DuckDB's plan {sorted(plan)}"


@pytest.mark.parametrize("model", ("tjd_first_after", "tjd_last_before"))
def test_nearest_picks_join_the_cohort_rows_once(duckdb_project: BuiltProject, model: str) -> None:
    """The cohort rows go through the ASOF join with their columns: no join back by activity_id."""
    plan = operators(duckdb_project, model)
    assert "ASOF_JOIN" in plan and "HASH_JOIN" not in plan, f"{model}: the cohort rows are joined again in DuckDB's plan {sorted(plan)}"


@pytest.mark.parametrize("model", BY_WINDOW)
def test_queries_that_need_a_window_pass_have_no_asof_join(duckdb_project: BuiltProject, model: str) -> None:
    plan = operators(duckdb_project, model)
    assert "WINDOW" in plan, f"{model}: no window pass in DuckDB's plan {sorted(plan)}"
    assert "ASOF_JOIN" not in plan, f"{model}: an ASOF join beside the window pass {sorted(plan)}"


@pytest.mark.parametrize("model", BY_NEAREST_ROW_AND_RANKS)
def test_nth_picks_and_counts_without_a_window_pass_rank_the_targets_alone(duckdb_project: BuiltProject, model: str) -> None:
    plan = operators(duckdb_project, model)
    assert "ASOF_JOIN" in plan, f"{model}: no ASOF join in DuckDB's plan {sorted(plan)}"
    windows = set(window_calls(duckdb_project, duckdb_project.compiled_sql(model)))
    assert windows == {"row_number"}, f"{model}: windows other than target ranks in DuckDB's plan: {sorted(windows)}"


# A count within a time window is its window's count: the pass computes that alone, with no
# running rank of the targets or count up to the window's start.
WINDOWED_COUNTS = ("join_type='aggregate_after', within={'days': 1}", "join_type='aggregate_before', within={'days': 2}")
NEAREST_JOINS = (
    "{'name': 'next_buy', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'columns': ['ts']}",
    "{'name': 'last_buy', 'target_activity': 'made_purchase', 'join_type': 'last_before', 'columns': ['ts']}",
    "{'name': 'buys_before', 'target_activity': 'made_purchase', 'join_type': 'aggregate_before'}",
    "{'name': 'buys_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after'}",
)
INLINE_CALLS = {
    **{join: "{{ activity_schema.temporal_join(cohort_activity='started_session', target_activity='made_purchase', " + join + ") }}"
       for join in WINDOWED_COUNTS},
    **{f"nearest_{n}": "{{ activity_schema.multi_temporal_analysis(stream=ref('customer_stream'), primary_cohort_activity='started_session', join_configs=["
       + ", ".join(NEAREST_JOINS[:n]) + "]) }}" for n in (3, 4)},
}
NEXT_QUERY = "-- next query"


@pytest.fixture(scope="module")
def inline_sql(duckdb_project: BuiltProject) -> dict[str, str]:
    """Each of INLINE_CALLS compiled, from one dbt compile of all of them."""
    compiled = duckdb_project.workspace.compile_inline(f"\n{NEXT_QUERY}\n".join(INLINE_CALLS.values()))
    return dict(zip(INLINE_CALLS, compiled.split(NEXT_QUERY), strict=True))


@pytest.mark.parametrize("join", WINDOWED_COUNTS)
def test_a_windowed_count_computes_its_window_count_alone(duckdb_project: BuiltProject, inline_sql: dict[str, str], join: str) -> None:
    assert window_calls(duckdb_project, inline_sql[join]) == ["count"]


def test_up_to_three_nearest_joins_need_no_window_pass(duckdb_project: BuiltProject, inline_sql: dict[str, str]) -> None:
    names, windows = plan_operators(duckdb_project, inline_sql["nearest_3"]), set(window_calls(duckdb_project, inline_sql["nearest_3"]))
    assert "ASOF_JOIN" in names and windows == {"row_number"}, f"DuckDB's plan {sorted(names)}, windows {sorted(windows)}"


def test_a_fourth_nearest_join_takes_one_window_pass(duckdb_project: BuiltProject, inline_sql: dict[str, str]) -> None:
    """Each nearest join sorts the cohort rows again; one window pass serves them all."""
    names, windows = plan_operators(duckdb_project, inline_sql["nearest_4"]), set(window_calls(duckdb_project, inline_sql["nearest_4"]))
    assert "ASOF_JOIN" not in names and "count" in windows, f"DuckDB's plan {sorted(names)}, windows {sorted(windows)}"


def stream_scans(project: BuiltProject, model: str) -> int:
    """How many times DuckDB's plan of a model scans the stream."""
    return sum(1 for node in plan_nodes(project, project.compiled_sql(model))
               if node["name"].strip().upper() == "SEQ_SCAN" and str(node["extra_info"].get("Table", "")).endswith(".customer_stream"))


@pytest.mark.parametrize("model", ("tjd_multi_all", "tjd_windows", "tjd_shared_picks"))
def test_picks_over_every_cohort_row_carry_their_columns_through_the_pass(duckdb_project: BuiltProject, model: str) -> None:
    """With a window pass over every cohort row, the first / last picks carry the picked row's
    columns through their pass, so the stream is read for the pass and for the cohort rows
    alone: no fetch by activity_id for DuckDB's join order to build on the cohort rows."""
    assert stream_scans(duckdb_project, model) == 2


def test_picks_of_a_filtered_cohort_fetch_their_rows(duckdb_project: BuiltProject) -> None:
    """A cohort_filter selects few cohort rows: fetching their picks costs less than carrying
    columns on every row of the pass."""
    assert stream_scans(duckdb_project, "tjd_multi_first") > 2
