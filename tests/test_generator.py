"""The generator: the same bytes for the same seed, loads that add up, and the shapes of
real products (measured on the generated tables, not taken from its parameters)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from activity_harness.generate import GeneratorError, datasets, generate, simulate
from activity_harness.generate.tables import load_query

SMALL = {"web": 0.5, "sbdk": 0.5, "event_stream": 0.2, "crm": 0.5, "integration": 0.3}


def file_bytes(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@pytest.mark.parametrize("output_format", ["csv", "parquet"])
@pytest.mark.parametrize("name", ["web", "sbdk", "event_stream", "crm"])
def test_the_same_seed_and_scale_give_the_same_bytes(tmp_path: Path, name: str, output_format: str) -> None:
    first = generate(name, 7, SMALL[name], tmp_path / "first", output_format).load
    second = generate(name, 7, SMALL[name], tmp_path / "second", output_format).load
    assert file_bytes(tmp_path / "first") == file_bytes(tmp_path / "second")
    assert first.rows == second.rows and min(first.rows.values()) > 0
    other = generate(name, 8, SMALL[name], tmp_path / "other_seed", output_format).load
    assert file_bytes(tmp_path / "other_seed") != file_bytes(tmp_path / "first")
    assert other.rows != first.rows


@pytest.mark.parametrize("name", list(SMALL))
def test_later_loads_never_change_what_earlier_ones_published(name: str) -> None:
    """Simulating two more weeks leaves the first load's rows exactly as they were."""
    dataset = datasets()[name]
    short, long = simulate(dataset, 3, SMALL[name], batch=0), simulate(dataset, 3, SMALL[name], batch=2)
    for spec in dataset.tables:
        rows = short.connection.execute(load_query(spec, 0)).fetchall()
        assert rows == long.connection.execute(load_query(spec, 0)).fetchall(), spec.name
        staged = f'select count(*) from "stage_{spec.name}"'
        assert scalar(long.connection, staged) >= scalar(short.connection, staged) >= len(rows) > 0


def database_tables(path: Path, tables: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    with duckdb.connect(str(path)) as connection:
        return {table: sorted(connection.execute(f"select * from raw.{table}").fetchall()) for table in tables}


def test_a_duckdb_load_holds_the_same_rows_for_the_same_seed(tmp_path: Path) -> None:
    """A DuckDB file's bytes depend on how DuckDB lays out its blocks; its tables do not."""
    tables = [spec.name for spec in datasets()["web"].tables]
    first, second = (generate("web", 7, SMALL["web"], tmp_path / run, "duckdb").load for run in ("first", "second"))
    assert first.rows == second.rows
    assert database_tables(tmp_path / "first" / "web.duckdb", tables) == database_tables(tmp_path / "second" / "web.duckdb", tables)
    assert generate("web", 8, SMALL["web"], tmp_path / "other_seed", "duckdb").load.rows != first.rows


def test_incremental_loads_add_up_to_a_full_refresh(tmp_path: Path) -> None:
    tables = [spec.name for spec in datasets()["event_stream"].tables]
    database = tmp_path / "event_stream.duckdb"
    added = [generate("event_stream", 5, 0.2, tmp_path, "duckdb", mode).load.rows for mode in ("first", "incremental", "incremental")]
    incremental = database_tables(database, tables)
    refresh = generate("event_stream", 5, 0.2, tmp_path, "duckdb", "full-refresh").load
    assert refresh.batch == 2
    assert database_tables(database, tables) == incremental
    assert len(incremental["events"]) == sum(rows["events"] for rows in added) == refresh.rows["events"]
    # users and posts change in place: increments also replace entities already loaded.
    assert len(incremental["users"]) == refresh.rows["users"] < sum(rows["users"] for rows in added)
    assert generate("event_stream", 5, 0.2, tmp_path / "new", "duckdb", "full-refresh").load.batch == 0


def test_modes_refuse_what_they_cannot_do(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="no first load yet"):
        generate("web", 1, 0.2, tmp_path, "duckdb", "incremental")
    generate("web", 1, 0.2, tmp_path, "duckdb", "first")
    with pytest.raises(GeneratorError, match="already holds loads"):
        generate("web", 1, 0.2, tmp_path, "duckdb", "first")
    with pytest.raises(GeneratorError, match="seed 1 and scale 0.2"):
        generate("web", 1, 0.3, tmp_path, "duckdb", "incremental")
    with pytest.raises(GeneratorError, match="add --format duckdb"):
        generate("web", 1, 0.2, tmp_path / "files", "csv", "incremental")
    with pytest.raises(GeneratorError, match="unknown dataset"):
        generate("shop", 1, 0.2, tmp_path, "csv")


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    out = tmp_path_factory.mktemp("web")
    generate("web", 11, 1.0, out, "duckdb")
    return duckdb.connect(str(out / "web.duckdb"))


def scalar(connection: duckdb.DuckDBPyConnection, sql: str) -> Any:
    found = connection.execute(sql).fetchone()
    assert found is not None
    return found[0]


def test_web_traffic_has_weekly_and_daily_seasonality(web: duckdb.DuckDBPyConnection) -> None:
    weekday_per_day = scalar(web, "select count(*) / 5.0 from raw.sessions where isodow(started_at) <= 5")
    weekend_per_day = scalar(web, "select count(*) / 2.0 from raw.sessions where isodow(started_at) > 5")
    assert weekday_per_day > 1.4 * weekend_per_day
    night = scalar(web, "select count(*) from raw.sessions where hour(started_at) between 2 and 4")
    late_morning = scalar(web, "select count(*) from raw.sessions where hour(started_at) between 10 and 12")
    assert late_morning > 5 * night


def test_web_activity_per_person_is_heavy_tailed_and_churns(web: duckdb.DuckDBPyConnection) -> None:
    median, p99 = web.execute("""
        select median(n), quantile_cont(n, 0.99) from (select anonymous_id, count(*) as n from raw.sessions group by 1)
    """).fetchone() or (0, 0)
    assert p99 >= 10 * median
    # Of the customers who signed up in the first month, most have stopped visiting by the last month.
    gone = scalar(web, """
        select avg(case when last_visit < timestamp '2024-06-01' then 1.0 else 0 end)
        from (select signups.user_id, max(sessions.started_at) as last_visit
              from raw.signups join raw.sessions on sessions.user_id = signups.user_id
              where signups.signed_up_at < timestamp '2024-02-01' group by 1)
    """)
    assert 0.4 < gone < 1


def test_web_has_anonymous_browsing_switched_and_shared_devices(web: duckdb.DuckDBPyConnection) -> None:
    before_signup = scalar(web, """
        select count(*) from raw.sessions join raw.signups using (anonymous_id)
        where sessions.user_id is null and sessions.started_at < signups.signed_up_at
    """)
    assert before_signup > 20
    several_devices = scalar(web, "select count(*) from (select user_id from raw.logins group by 1 having count(distinct anonymous_id) > 1)")
    shared = scalar(web, """
        select count(*) from (select anonymous_id from (select anonymous_id, user_id from raw.logins union select anonymous_id, user_id from raw.signups)
                              group by 1 having count(distinct user_id) > 1)
    """)
    assert several_devices > 10 and shared > 5


def test_web_has_refunds_late_events_and_junk(web: duckdb.DuckDBPyConnection) -> None:
    assert scalar(web, "select count(*) from raw.refunds join raw.orders using (order_id) where refunds.amount <= orders.amount and refunded_at > ordered_at") \
        == scalar(web, "select count(*) from raw.refunds") > 0
    late_share = scalar(web, "select avg(case when _loaded_at > occurred_at + interval 1 day then 1.0 else 0 end) from raw.web_events")
    assert 0.002 < late_share < 0.05
    assert scalar(web, "select count(*) from raw.signups where email in ('test@test.com', 'asdf@asdf.com', 'a@a.com', 'noreply@example.com')") > 0
    assert scalar(web, "select count(*) from raw.orders where anonymous_id is null") > 0  # recorded server-side


def test_crm_identifiers_are_messy(tmp_path: Path) -> None:
    generate("crm", 2, 1.0, tmp_path, "duckdb")
    with duckdb.connect(str(tmp_path / "crm.duckdb")) as crm:
        assert scalar(crm, "select count(*) from raw.shop_orders where email <> lower(trim(email))") > 10
        formats = scalar(crm, "select count(distinct regexp_replace(phone, '[0-9]', '9', 'g')) from raw.sales_contacts where phone is not null")
        assert formats >= 4
        assert scalar(crm, "select count(*) from raw.shop_orders where lower(trim(email)) = 'test@test.com'") > 0
        assert scalar(crm, "select count(distinct person_id) from raw.crm_truth where source = 'shop'") < scalar(crm, "select count(*) from raw.shop_orders")
