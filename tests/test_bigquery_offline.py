"""BigQuery, checked offline (see activity_harness/bigquery_offline.py): the guards against
constructs BigQuery lacks, then the integration project compiled for BigQuery, checked by
the guards and run (transpiled) on DuckDB against dbt-duckdb's results."""

from __future__ import annotations

import datetime
import decimal
import warnings
from typing import Any

import pytest

from activity_harness.bigquery_offline import (
    INTROSPECTS,
    UPSTREAM_NOT_COMPILED,
    BigQueryCompile,
    ModelOutcome,
    bigquery_problems,
    seed_type_problems,
)
from activity_harness.matrix import row_differences
from activity_harness.project import BuiltProject, typed_seeds

pytestmark = pytest.mark.bigquery

# Each known-bad construct, and a word its problem message must name.
BAD_CONSTRUCTS = [
    ("select x::int from t", "::"),
    ("select j ->> 'k' from t", "->>"),
    ("select j -> 'k' from t", "->"),
    ("select made_up_fn(x) from t", "made_up_fn"),
    ("select cast(x as varchar) from t", "varchar"),
    ("select cast(x as text) from t", "text"),
    ("select cast(x as double) from t", "double"),
    ("select cast(x as double precision) from t", "double precision"),
    ("select cast(x as float) from t", "float"),
    ("select cast(x as timestamp_ntz) from t", "timestamp_ntz"),
    ("select cast(x as jsonb) from t", "jsonb"),
    ("select cast(x as variant) from t", "variant"),
    ("select cast(x as int(10)) from t", "int"),
    ("select cast(x as json) from t", "json"),
    ("select cast(x as timestamp with time zone) from t", "timestamp with time zone"),
    ("select safe_cast(x as varchar) from t", "varchar"),
    ('select "quoted" from t', '"quoted"'),
    ("select t.* exclude (c) from t", "exclude"),
    ("select last_value(x) ignore nulls over (order by y) from t", "ignore nulls"),
    ("select lead(x) respect nulls over (order by y) from t", "respect nulls"),
    ("select x from t where x ilike 'a%'", "ilike"),
    ("select regexp_full_match(x, '^a$') from t", "regexp_full_match"),
    ("select regexp_like(x, '^a$') from t", "regexp_like"),
    ("select json_extract_string(j, '$.k') from t", "json_extract_string"),
    ("select object_construct_keep_null('k', x) from t", "object_construct_keep_null"),
    ("select listagg(x, ',') within group (order by x) from t", "listagg"),
    ("select listagg(x, ',') within group (order by x) from t", "within group"),
    ("select j is json object from t", "is json"),
    ("select jsonb_typeof(j) = 'object' from t", "jsonb_typeof"),
    ("select count(*) filter (where x > 0) from t", "filter"),
    ("select try_cast(x as int64) from t", "try_cast"),
    ("select iff(x, 1, 2) from t", "iff"),
    ("select nvl(x, 1) from t", "nvl"),
    ("select distinct on (x) x, y from t", "distinct on"),
    ("select x from t, lateral (select 1)", "lateral"),
    ("select x from t where x ~ 'a'", "does not parse"),
    ("select 1 as x union select 2", "DISTINCT or ALL"),
]


@pytest.mark.parametrize(("sql", "construct"), BAD_CONSTRUCTS)
def test_guard_reports_construct(sql: str, construct: str) -> None:
    problems = bigquery_problems(sql)
    assert any(construct in problem for problem in problems), f"{sql!r}: no problem names {construct!r}; got {problems}"


GOOD_BIGQUERY = r'''
-- comments may say "anything" :: ->> ilike made_up_fn(x)
with staged as (
    select
        to_hex(md5(cast(coalesce('v' || replace(cast(event_id as string), '|', '||'), '') as string))) as activity_id,
        cast(occurred_at as datetime) as ts,
        safe_cast(revenue as float64) as revenue_impact,
        cast(amount as numeric(10, 2)) as amount,
        cast(code as string(8)) as code,
        cast(n as int64) as n,
        cast(occurred_at as string format 'YYYY-MM-DD') as day_text,
        cast(null as array<string>) as tags,
        json_object('referrer', referrer) as feature_json,
        parse_json(raw_json) as parsed,
        'a::b ->> "c"' as literal_text,
        """triple 'quoted' text""" as long_text
    from `activity-schema-offline`.`main`.`raw_events`
)
select
    staged.* except (code),
    json_value(feature_json, '$."referrer"') as referrer,
    to_json_string(feature_json) as feature_text,
    json_type(feature_json) = 'object' as is_object,
    regexp_contains(code, r'^[a-z_]+$') as well_named,
    last_value(revenue_impact ignore nulls) over (partition by n order by ts rows between unbounded preceding and current row) as last_revenue,
    datetime_diff(ts, datetime_add(ts, interval 5 minute), minute) as minutes,
    string_agg(code, ',' order by code) over (partition by n) as codes,
    safe.parse_date('%Y-%m-%d', code) as parsed_date,
    date_bucket(date(ts), interval 7 day) as week
from staged
qualify row_number() over (partition by activity_id order by ts) = 1
'''


def test_guard_passes_bigquery() -> None:
    assert bigquery_problems(GOOD_BIGQUERY) == []


def test_row_differences() -> None:
    expected: list[dict[str, Any]] = [{"a": 1, "b": 0.1 + 0.2, "j": '{"x": 1, "y": [1, 2]}'}, {"a": 2, "b": None, "j": None}]
    same: list[dict[str, Any]] = [{"a": 2, "b": None, "j": None}, {"a": 1.0, "b": 0.3, "j": '{"y":[1,2],"x":1}'}]
    assert row_differences(expected, same) == []
    assert row_differences(expected, [same[0], {**same[1], "b": 0.31}]) == ["row 0 column b: expected 0.30000000000000004, got 0.31"]
    assert row_differences(expected, same[:1]) == ["1 rows, expected 2"]
    assert row_differences([{"n": 2**60 + 1}], [{"n": 2**60}]) == [f"row 0 column n: expected {2**60 + 1}, got {2**60}"]
    # Rows are paired by their values after normalising: a zoned timestamp as UTC, a decimal
    # as a float, so the same rows in another order and representation still pair up.
    zoned = [{"t": datetime.datetime(2024, 1, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2))), "d": decimal.Decimal("2.5"), "s": "b"},
             {"t": datetime.datetime(2023, 12, 31, 22, tzinfo=datetime.timezone.utc), "d": None, "s": "[not json"}]
    naive = [{"t": datetime.datetime(2023, 12, 31, 22), "d": None, "s": "[not json"}, {"t": datetime.datetime(2023, 12, 31, 23), "d": 2.5, "s": "b"}]
    assert row_differences(zoned, naive) == []
    [difference] = row_differences(zoned, [naive[0], {**naive[1], "t": datetime.datetime(2024, 1, 1, 1)}])
    assert difference.startswith("row 0 column t: expected datetime.datetime(2024, 1, 1, 1, 0, tzinfo=") and difference.endswith("got datetime.datetime(2024, 1, 1, 1, 0)")


def test_every_node_compiles_offline(bigquery_compile: BigQueryCompile) -> None:
    """A model or test may fail to compile offline only because it queries the warehouse
    while compiling (impossible without a connection); those are reported, not failed."""
    introspecting = {name: error for name, error in bigquery_compile.errors.items() if error.startswith((INTROSPECTS, UPSTREAM_NOT_COMPILED))}
    failed = {name: error for name, error in bigquery_compile.errors.items() if name not in introspecting}
    assert not failed, "nodes that did not compile for BigQuery:\n" + "\n".join(f"- {name}: {error}" for name, error in failed.items())
    if introspecting:
        warnings.warn(UserWarning("not checked for BigQuery, as they query the warehouse while compiling (or follow one that does): " + ", ".join(sorted(introspecting))), stacklevel=2)


def test_compiled_sql_has_no_bigquery_problems(bigquery_compile: BigQueryCompile) -> None:
    """Models and the package's data tests."""
    problems = {
        f"{node['resource_type']} {node['name']}": found
        for node in bigquery_compile.manifest["nodes"].values()
        if node["resource_type"] in ("model", "test") and node.get("compiled_code") and (found := bigquery_problems(node["compiled_code"]))
    }
    assert not problems, "BigQuery problems in the compiled SQL:\n" + "\n".join(f"- {name}: {'; '.join(found)}" for name, found in problems.items())


def test_seed_types_load_on_bigquery(bigquery_compile: BigQueryCompile, duckdb_project: BuiltProject) -> None:
    """dbt-bigquery loads a seed with its column_types as the load job's schema, which knows
    no varchar, double precision or bigint; the project spells them for the target."""
    assert seed_type_problems(bigquery_compile.manifest) == []
    # The same types on DuckDB keep their usual names, so the check above has something to see.
    assert "generated_raw_events.event_id: varchar" in seed_type_problems(duckdb_project.manifest)
    # TIMESTAMP is zoned on BigQuery and does not compare with the stream's DATETIME ts.
    spelled = {written.lower() for seed in typed_seeds(bigquery_compile.manifest) for written in seed["config"]["column_types"].values()}
    assert "datetime" in spelled and "timestamp" not in spelled


def test_every_model_runs_offline_or_says_why(offline_outcomes: dict[str, ModelOutcome]) -> None:
    """Each model's transpiled SQL runs on DuckDB, or the reason it cannot is reported; its
    rows are compared with dbt-duckdb's in the matrix's BigQuery cells."""
    failures = [f"- {name} [{outcome.status}]: {outcome.reason}" for name, outcome in offline_outcomes.items() if outcome.status in ("bigquery_problem", "execute_error")]
    skipped = {name: outcome.reason for name, outcome in offline_outcomes.items() if outcome.status == "skipped"}
    if skipped:
        warnings.warn(UserWarning("BigQuery SQL not run offline:\n" + "\n".join(f"- {name}: {reason}" for name, reason in skipped.items())), stacklevel=2)
    assert not failures, "BigQuery SQL transpiled to DuckDB:\n" + "\n".join(failures)
