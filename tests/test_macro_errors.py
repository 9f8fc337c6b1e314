"""A misconfigured macro call is a compile-time error that names the argument and lists the valid values."""

from __future__ import annotations

import pytest

from activity_harness.dbt import DbtWorkspace

pytestmark = pytest.mark.duckdb

JOIN = "activity_schema.temporal_join(cohort_activity='started_session', target_activity='made_purchase'"
MULTI = "activity_schema.multi_temporal_analysis(primary_cohort_activity='started_session', join_configs="
CASES = {
    "unknown join_type": (JOIN + ", join_type='first_afterwards')", ["invalid join_type \"first_afterwards\"", "first_ever", "aggregate_in_between"]),
    "missing join_type": (JOIN + ")", ["temporal_join: missing argument join_type"]),
    "missing cohort": ("activity_schema.temporal_join(target_activity='made_purchase', join_type='first_after')", ["missing argument cohort_activity"]),
    "cohort_filter zero": (JOIN + ", join_type='first_after', cohort_filter=0)", ["invalid cohort_filter 0", "all, first, last"]),
    "cohort_filter word": (JOIN + ", join_type='first_after', cohort_filter='second')", ["invalid cohort_filter \"second\""]),
    "unknown aggregation": (JOIN + ", join_type='aggregate_after', aggregation='median', columns=['revenue_impact'])", ["invalid aggregation \"median\"", "count_distinct"]),
    "sum without columns": (JOIN + ", join_type='aggregate_after', aggregation='sum')", ["missing argument columns for aggregation sum"]),
    "unknown config key": (MULTI + "[{'name': 'x', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'colums': ['ts']}])", ["unknown join config key \"colums\"", "columns"]),
    "duplicate names": (MULTI + "[{'name': 'x', 'target_activity': 'a_b', 'join_type': 'first_after'}, {'name': 'x', 'target_activity': 'c_d', 'join_type': 'last_after'}])", ["two join_configs are named \"x\""]),
    "unknown op": (JOIN + ", join_type='first_after', where=[{'column': 'referrer', 'op': 'like', 'value': 'a%'}])", ["invalid where op \"like\"", "is_null, not_null"]),
    "condition key": (JOIN + ", join_type='first_after', where=[{'column': 'referrer', 'operator': '='}])", ["unknown key \"operator\"", "column, op, value"]),
    "in without a list": (JOIN + ", join_type='first_after', cohort_where=[{'column': 'referrer', 'op': 'in', 'value': 'a'}])", ["cohort_where condition", "takes a non-empty list"]),
    "nth on first": (JOIN + ", join_type='first_after', nth=2)", ["nth and nth_from_last need an nth join type", "nth_in_between"]),
    "nth missing": (JOIN + ", join_type='nth_after')", ["nth_after needs nth, a whole number >= 1"]),
    "within on ever": (JOIN + ", join_type='first_ever', within={'days': 1})", ["within does nothing on a first_ever join"]),
    "within unit": (JOIN + ", join_type='first_after', within={'weeks': 1})", ["invalid within", "{'days': N}"]),
    "match not a string": (JOIN + ", join_type='first_after', match=[1])", ["invalid match entry 1"]),
    "columns on count": (JOIN + ", join_type='aggregate_after', columns=['ts'])", ["columns does nothing for aggregation count"]),
    "aggregation on a pick": (JOIN + ", join_type='first_after', aggregation='sum')", ["aggregation \"sum\" does nothing on a first_after join"]),
    "listagg_distinct after": (JOIN + ", join_type='aggregate_after', aggregation='listagg_distinct', columns=['referrer'])", ["listagg_distinct cannot be computed exactly in one pass for aggregate_after joins"]),
    "count_distinct in a window": (JOIN + ", join_type='aggregate_before', aggregation='count_distinct', columns=['referrer'], within={'days': 7})", ["count_distinct cannot be computed exactly", "within or at_least"]),
    "delimiter on sum": (JOIN + ", join_type='aggregate_after', aggregation='sum', columns=['revenue_impact'], delimiter=';')", ["delimiter does nothing for sum"]),
    "zero_fill on avg": (JOIN + ", join_type='aggregate_after', aggregation='avg', columns=['revenue_impact'], zero_fill=true)", ["zero_fill does nothing for avg"]),
    "collision with a stream column": (MULTI + "[{'name': 'activity', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'columns': ['occurrence']}])", ["output column \"activity_occurrence\" of join \"activity\" collides with the column activity_occurrence"]),
    "collision between joins": (MULTI + "[{'name': 'a', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'columns': ['b_ts']}, {'name': 'a_b', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'columns': ['ts']}])", ["output column \"a_b_ts\" of join \"a_b\" collides with join \"a\""]),
    "bad alias": (JOIN + ", join_type='first_after', columns={'purchase ts': 'ts'})", ["invalid columns alias \"purchase ts\""]),
    "bad join name": (MULTI + "[{'name': 'next-purchase', 'target_activity': 'made_purchase', 'join_type': 'first_after'}])", ["invalid name \"next-purchase\""]),
    "period interval": ("activity_schema.period_dataset(entity_activity='started_session', interval='fortnight')", ["invalid interval \"fortnight\"", "day, week, month, quarter, year"]),
    "period match": ("activity_schema.period_dataset(entity_activity='started_session', interval='week', join_configs=[{'name': 'p', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'match': ['referrer']}])", ["match does nothing in a period_dataset"]),
    "bad activity name": ("activity_schema.build_activity(source=ref('generated_raw_events'), ts='occurred_at', activity='Viewed Page', source_key=['event_id'])", ["activity \"Viewed Page\" breaks the naming rule"]),
    "no activity id": ("activity_schema.build_activity(source=ref('generated_raw_events'), ts='occurred_at', activity='viewed_page')", ["give activity_id (an expression) or source_key"]),
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> DbtWorkspace:
    return DbtWorkspace("duckdb", tmp_path_factory.mktemp("macro_errors"))


@pytest.mark.parametrize("case", CASES)
def test_misconfigured_call_fails_at_compile_time(workspace: DbtWorkspace, case: str) -> None:
    call, expected_fragments = CASES[case]
    result = workspace.inline_compilation("{{ " + call + " }}", check=False)
    assert not result.success
    log = "\n".join(workspace.log)
    for fragment in expected_fragments:
        assert fragment in log, f"{case}: {fragment!r} not in the compile error"


def test_stream_defaults_to_the_configured_var(workspace: DbtWorkspace) -> None:
    assert '"customer_stream"' in workspace.compile_inline("{{ " + JOIN + ", join_type='first_after') }}")
