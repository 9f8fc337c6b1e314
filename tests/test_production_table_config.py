"""stream_table_config() per warehouse, as the DDL dbt writes for a stream table: pinned in
tests/snapshots/<warehouse>/stream_table_ddl.sql (accept a change with
ACTIVITY_SCHEMA_UPDATE_SNAPSHOTS=1), and each warehouse's option checked by name. BigQuery
is compiled offline. An incremental stream compiles only with a row-level upsert on
activity_id: a strategy that would duplicate rows or overwrite whole partitions (Spark's
parquet tables) is a compile error, on the first run already."""

from __future__ import annotations

import json
import re

import pytest

from activity_harness.bigquery_offline import BigQueryCompile
from activity_harness.dbt import DbtWorkspace
from activity_harness.project import BuiltProject
from test_compiled_snapshots import check_snapshot

# The DDL of a stream table named customer_stream: the table as the materialization
# creates it, then (Postgres) its indexes.
STREAM_DDL = """{{ config(materialized='table', **activity_schema.stream_table_config()) }}
{%- set relation = this.incorporate(path={'identifier': 'customer_stream'}) -%}
{%- set sql -%}
{{ activity_schema.build_activity(source=ref('prod_events'), activity_column='event_type', source_key=['event_id'], ts='occurred_at',
     customer='user_id', anonymous_customer_id='anonymous_id', features=['email'], revenue_impact='revenue', link='page_url') }}
{%- endset -%}
{%- if execute %}
{{ get_create_table_as_sql(false, relation, sql) }};
{%- for index in config.get('indexes') or [] %}
{{ get_create_index_sql(relation, index) }};
{%- endfor %}
{%- endif %}
"""

# What each warehouse's DDL must say, whatever else changes around it.
OPTIONS = {
    "duckdb": ["order by activity, ts"],
    "postgres": ["(activity, ((case when", "'c:' || customer", "'a:' || anonymous_customer_id end) collate \"C\"), ts)"],
    "snowflake": ["cluster by (to_date(ts), activity)"],
    "bigquery": ["partition by datetime_trunc(ts, day)", "cluster by activity, customer, anonymous_customer_id"],
    "spark": ["partitioned by (activity)"],
}


def compiled_ddl(workspace: DbtWorkspace, *flags: str, vars: dict | None = None) -> str:
    """The DDL, with the workspace's own database (Postgres) or schema (Spark) name and
    the index name (dbt-postgres hashes the time into it) made placeholders."""
    ddl = re.sub(r"\bws_[0-9a-f]{12}\b", "ws_<workspace>", workspace.compile_inline(STREAM_DDL, *flags, vars=vars))
    ddl = re.sub(r'(index if not exists\s+)"[0-9a-f]{32}"', r'\1"<index name>"', ddl)
    return "\n".join(line.rstrip() for line in ddl.strip().splitlines()) + "\n"


def check(warehouse: str, ddl: str) -> None:
    missing = [option for option in OPTIONS[warehouse] if option not in " ".join(ddl.split())]
    assert not missing, f"{warehouse} stream DDL lacks {missing}:\n{ddl}"
    check_snapshot(warehouse, "stream_table_ddl", ddl)


@pytest.mark.parametrize("warehouse", [pytest.param(w, marks=getattr(pytest.mark, w)) for w in ("duckdb", "postgres", "snowflake", "spark")])
def test_stream_table_ddl(request: pytest.FixtureRequest, warehouse: str) -> None:
    project: BuiltProject = request.getfixturevalue(f"{warehouse}_project")
    check(warehouse, compiled_ddl(project.workspace))


@pytest.mark.bigquery
def test_stream_table_ddl_on_bigquery(bigquery_compile: BigQueryCompile) -> None:
    assert bigquery_compile.workspace is not None
    check("bigquery", compiled_ddl(bigquery_compile.workspace, "--no-introspect", "--no-populate-cache", vars=bigquery_compile.vars))


# An incremental stream with stream_table_config's options, then (a second config call
# overrides) the model's own.
INCREMENTAL_STREAM = """{{ config(**activity_schema.stream_table_config(incremental=true)) }}
OVERRIDES
{{ activity_schema.build_activity(source=ref('prod_events'), activity_column='event_type', source_key=['event_id'], ts='occurred_at',
     customer='user_id', anonymous_customer_id='anonymous_id') }}
"""
NEEDS_UPSERT = "build_activity in an incremental model needs a row-level upsert on activity_id"
# warehouse, the model's own config, the expected node config (when it compiles) or error fragments
INCREMENTAL_CASES = {
    "duckdb upsert": ("duckdb", {}, {"materialized": "incremental", "unique_key": "activity_id", "incremental_strategy": "delete+insert"}),
    "duckdb partition overwrite": ("duckdb", {"incremental_strategy": "insert_overwrite"},
                                   [NEEDS_UPSERT, "'insert_overwrite' would replace whole partitions of the stream", 'chooses "delete+insert"']),
    "duckdb append": ("duckdb", {"incremental_strategy": "append"}, [NEEDS_UPSERT, "'append' would add re-delivered and renumbered rows again"]),
    "duckdb other key": ("duckdb", {"unique_key": "event_id"}, ["needs unique_key='activity_id' (got \"event_id\")"]),
    "spark parquet": ("spark", {}, [NEEDS_UPSERT, "incremental_strategy \"merge\"", "Spark merges rows only in a delta, iceberg or hudi table, and file_format is 'parquet'"]),
    "spark partition overwrite": ("spark", {"incremental_strategy": "insert_overwrite", "file_format": "delta"},
                                  [NEEDS_UPSERT, "'insert_overwrite' would replace whole partitions of the stream", 'chooses "merge"']),
    "spark append": ("spark", {"incremental_strategy": "append", "file_format": "delta"}, [NEEDS_UPSERT, "'append' would add re-delivered"]),
    "spark delta": ("spark", {"file_format": "delta"},
                    {"materialized": "incremental", "unique_key": "activity_id", "incremental_strategy": "merge", "partition_by": ["activity"]}),
}


@pytest.mark.parametrize("case", [pytest.param(c, marks=getattr(pytest.mark, INCREMENTAL_CASES[c][0])) for c in INCREMENTAL_CASES])
def test_incremental_stream_needs_a_row_level_upsert(request: pytest.FixtureRequest, case: str) -> None:
    warehouse, overrides, expected = INCREMENTAL_CASES[case]
    workspace = request.getfixturevalue(f"{warehouse}_project").workspace
    model = INCREMENTAL_STREAM.replace("OVERRIDES", f"{{{{ config(**{json.dumps(overrides)}) }}}}" if overrides else "")
    result = workspace.inline_compilation(model, check=False)
    if isinstance(expected, dict):
        assert result.success, "\n".join(workspace.log)
        config = result.result.results[0].node.config.to_dict()
        assert {key: config.get(key) for key in expected} == expected
    else:
        assert not result.success
        log = "\n".join(workspace.log)
        missing = [fragment for fragment in expected if fragment not in log]
        assert not missing, f"missing {missing} in:\n{log}"
