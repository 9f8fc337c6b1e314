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
    "bad activity name": ("activity_schema.build_activity(source=ref('generated_raw_events'), ts='occurred_at', activity='Viewed Page', source_key=['event_id'])", ["activity \"Viewed Page\" breaks the naming rule"]),
    "no activity id": ("activity_schema.build_activity(source=ref('generated_raw_events'), ts='occurred_at', activity='viewed_page')", ["give activity_id (an expression) or source_key"]),
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> DbtWorkspace:
    return DbtWorkspace("duckdb", tmp_path_factory.mktemp("macro_errors"))


@pytest.mark.parametrize("case", CASES)
def test_misconfigured_call_fails_at_compile_time(workspace: DbtWorkspace, case: str) -> None:
    call, expected_fragments = CASES[case]
    result = workspace.invoke("compile", "--inline", "{{ " + call + " }}", check=False)
    assert not result.success
    log = "\n".join(workspace.log)
    for fragment in expected_fragments:
        assert fragment in log, f"{case}: {fragment!r} not in the compile error"


def test_stream_defaults_to_the_configured_var(workspace: DbtWorkspace) -> None:
    result = workspace.invoke("compile", "--inline", "{{ " + JOIN + ", join_type='first_after') }}")
    assert result.success
    assert '"customer_stream"' in result.result.results[0].node.compiled_code
