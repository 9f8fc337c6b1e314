"""stream_table_config() per warehouse, as the DDL dbt writes for a stream table: pinned in
tests/snapshots/<warehouse>/stream_table_ddl.sql (accept a change with
ACTIVITY_SCHEMA_UPDATE_SNAPSHOTS=1), and each warehouse's option checked by name. BigQuery
is compiled offline."""

from __future__ import annotations

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
    "postgres": ["(activity, (case when", "'c:' || customer", "'a:' || anonymous_customer_id end), ts)"],
    "snowflake": ["cluster by (to_date(ts), activity)"],
    "bigquery": ["partition by datetime_trunc(ts, day)", "cluster by activity, customer, anonymous_customer_id"],
    "spark": ["partitioned by (activity)"],
}


def compiled_ddl(workspace: DbtWorkspace, *flags: str, vars: dict | None = None) -> str:
    """The DDL, with the workspace's own database (Postgres) or schema (Spark) name and
    the index name (dbt-postgres hashes the time into it) made placeholders."""
    result = workspace.invoke("compile", "--inline", STREAM_DDL, *flags, vars=vars)
    ddl = re.sub(r"\bws_[0-9a-f]{12}\b", "ws_<workspace>", str(result.result.results[0].node.compiled_code))
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
