"""The benchmark's plumbing, its self-join formulation and its stream shapes, at a size that
runs in seconds.

No timing is asserted: CI machines are too noisy. What is checked is that the package and
the plain self-join agree on every benchmark join (the benchmark stops on any difference, and
on an agreement that proves nothing because no cohort row found a target), and that the
report holds every join and its verdict.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from activity_harness.bench import cases, report, run, streams
from activity_harness.bench.warehouses import BENCH_DATABASE, DuckDBBench, PostgresBench
from activity_harness.reference.stream import Activity, person_of
from activity_harness.warehouses import PostgresServer


def check_benchmark_run(settings: run.Settings, tmp_path: Path, server: PostgresServer | None = None) -> str:
    """Run the benchmark; every join measured, no self-join left unchecked; return its report."""
    results = run.run_benchmark(settings, tmp_path / "work", tmp_path / "out", Console(quiet=True), server)
    assert [r.size for r in results] == list(settings.sizes)
    for result in results:
        measured = {m.case: m for m in result.measures}
        assert set(measured) == {case.name for case in cases.CASES} | set(cases.MULTI_CASES)
        assert all(m.naive is not None for m in result.measures if m.case not in cases.MULTI_CASES), "no self-join may time out at this size, or it went unchecked"
    markdown = (tmp_path / "out" / f"{settings.shape.name}.md").read_text()
    assert all(f"| {case.name} |" in markdown for case in cases.CASES)
    assert all(f"- {name} (" in markdown for name in cases.MULTI_CASES)
    assert "## Verdict" in markdown
    assert (tmp_path / "out" / f"{settings.shape.name}.png").stat().st_size > 10_000
    return markdown


@pytest.mark.duckdb
def test_benchmark_runs_and_the_package_equals_the_self_join(tmp_path: Path) -> None:
    markdown = check_benchmark_run(run.Settings(streams.SHAPES["heavy"], sizes=(10_000, 20_000), seed=7, repeat=1, timeout=60), tmp_path)
    assert "DuckDB Python API" in markdown
    assert f"--output-dir {tmp_path / 'out'}` on" in markdown, "the command in the header would not write the figures back where they are"


@pytest.mark.duckdb
def test_the_header_command_names_an_output_dir_only_off_the_warehouse_s_own_folder() -> None:
    """Rerunning a figure file's command rewrites that file: without --output-dir, the 5M run's
    command would overwrite the 1M figures of the same shape."""
    assert report._output_dir_option(report.OUTPUT_DIRS["duckdb"], "duckdb") == ""
    assert report._output_dir_option(report.OUTPUT_DIRS["postgres"], "postgres") == ""
    assert report._output_dir_option(report.DEFAULT_OUTPUT_DIR / "5m", "duckdb") == " --output-dir benchmarks/temporal_joins/5m"
    assert report._output_dir_option(report.DEFAULT_OUTPUT_DIR, "postgres") == " --output-dir benchmarks/temporal_joins"


@pytest.mark.postgres
def test_benchmark_on_postgres_equals_the_self_join_there(tmp_path: Path, postgres_server: PostgresServer) -> None:
    settings = run.Settings(streams.SHAPES["heavy"], sizes=(10_000,), seed=7, repeat=1, timeout=60, warehouse="postgres")
    markdown = check_benchmark_run(settings, tmp_path, postgres_server)
    assert "# Temporal join benchmark on Postgres" in markdown and "activity-harness bench --warehouse postgres" in markdown
    with contextlib.closing(postgres_server.connect(BENCH_DATABASE, schema="main")) as connection, connection.cursor() as cursor:
        cursor.execute("select indexdef from pg_indexes where tablename = 'stream'")
        [(index,)] = cursor.fetchall()
    assert "(activity, (" in index.lower() and "collate \"c\", ts)" in index.lower(), f"the stream lacks the package's person index: {index}"



@pytest.mark.postgres
def test_a_postgres_run_past_its_timeout_is_interrupted_and_the_session_goes_on(tmp_path: Path, postgres_server: PostgresServer) -> None:
    with PostgresBench.open(tmp_path, postgres_server) as warehouse:
        [(server_timeout,)] = warehouse.rows("select current_setting('statement_timeout')")
        assert warehouse.timed("slow", "select 1 as one from pg_sleep(5)", timeout=0.5) is None
        seconds = warehouse.timed("quick", "select 1 as one")
        assert seconds is not None and seconds < 5
        assert warehouse.rows("select current_setting('statement_timeout'), (select count(*) from quick)") == [(server_timeout, 1)]


@pytest.mark.duckdb
def test_a_timed_out_run_counts_at_its_own_timeout_as_a_lower_bound() -> None:
    apart = run.Settings(streams.SHAPES["heavy"], sizes=(1_000,), seed=7, repeat=1, timeout=100, self_join_timeout=10)
    measure = run.Measure(1_000, "first_after", ours=2.0, naive=None, peers={"b": None, "t": 50.0})
    assert report.fastest_other(measure, apart) == ("self-join", 10, True)
    shared = run.Settings(streams.SHAPES["heavy"], sizes=(1_000,), seed=7, repeat=1, timeout=100)
    assert report.fastest_other(measure, shared) == ("tnightengale (T)", 50.0, False)
    measure.naive = 60.0
    assert report.fastest_other(measure, apart) == ("tnightengale (T)", 50.0, False)
    assert report._versus(report.Fastest("self-join", 10, True), 2.0) == "> 5.00x (self-join, timed out)"

@pytest.mark.duckdb
def test_a_miss_against_a_peer_that_answers_otherwise_says_so() -> None:
    settings = run.Settings(streams.SHAPES["heavy"], sizes=(1_000,), seed=7, repeat=1, timeout=100)
    other_rows = run.Measure(1_000, "nth_after_2", ours=2.0, naive=9.0, peers={"b": 1.0}, peer_differences={"b": 321})
    same_rows = run.Measure(1_000, "aggregate_all_ever", ours=2.0, naive=9.0, peers={"b": 1.0, "t": 3.0}, peer_differences={"b": 0, "t": 5})
    faster = run.Measure(1_000, "first_after", ours=0.5, naive=9.0, peers={"b": 1.0}, peer_differences={"b": 7})
    result = run.SizeResult(1_000, stats=None, floor=0.1, measures=[other_rows, same_rows, faster])  # type: ignore[arg-type]
    assert report.slower_than_others(settings, [result]) == [
        "nth_after_2 at 1k: 0.50x (bcodell (B)), whose rows differ in 321",
        "aggregate_all_ever at 1k: 0.50x (bcodell (B))",
    ]


@pytest.mark.duckdb
def test_symmetric_difference_sees_a_changed_cell_and_a_duplicate() -> None:
    with duckdb.connect() as connection:
        connection.execute("create table a as select * from (values (1, 'x'), (2, 'y')) t(id, v)")
        connection.execute("create table b as select * from (values (1, 'x'), (2, 'z')) t(id, v)")
        connection.execute("create table c as select * from (values (1, 'x'), (2, 'y'), (2, 'y')) t(id, v)")
        warehouse = DuckDBBench(connection)
        assert run.symmetric_difference(warehouse, "a", "a") == 0
        assert run.symmetric_difference(warehouse, "a", "b") == 2
        assert run.symmetric_difference(warehouse, "a", "c") == 1


@pytest.mark.duckdb
def test_the_self_join_keys_a_row_to_the_person_the_semantics_give_it() -> None:
    ids = [None, "", "   ", "c1", " c1", "c1 ", "\u00a0", "\t"]
    rows = [(customer, anonymous) for customer in ids for anonymous in ids]
    with duckdb.connect() as connection:
        connection.execute("create table stream (customer varchar, anonymous_customer_id varchar)")
        connection.executemany("insert into stream values (?, ?)", rows)
        keyed = connection.execute(f"select customer, anonymous_customer_id, {streams.PERSON_KEY_SQL} from stream").fetchall()
    prefixes = {"customer": "c:", "anonymous": "a:"}
    for customer, anonymous, key in keyed:
        person = person_of(Activity("a1", datetime(2024, 1, 1), "x", customer, anonymous))
        assert key == (None if person is None else prefixes[person[0]] + person[1]), (customer, anonymous)


PERSON_EVENTS = """
    select regexp_extract(coalesce(customer, anonymous_customer_id), '\\d+$') as person, count(*) as events
    from stream where coalesce(customer, anonymous_customer_id) is not null group by person
"""


@pytest.mark.duckdb
def test_history_growth_keeps_the_people_and_lengthens_each_history() -> None:
    shape = streams.SHAPES["history"]
    with duckdb.connect() as connection:
        streams.generate_stream(connection, 20_000, seed=7, shape=shape)
        connection.execute(f"create table base as {PERSON_EVENTS}")
        [base_span] = connection.execute("select max(ts) - min(ts) from stream").fetchall()
        streams.generate_stream(connection, 60_000, seed=7, shape=shape, history=3.0)
        connection.execute(f"create table longer as {PERSON_EVENTS}")
        [longer_span] = connection.execute("select max(ts) - min(ts) from stream").fetchall()
        [(people, only_in_one, median_ratio)] = connection.execute(
            """
            select count(*), count(*) filter (where base.person is null or longer.person is null),
                   median(longer.events / base.events)
            from base full join longer using (person)
            """
        ).fetchall()

    assert people > 500
    # Rows without any id (0.1%) can hide a one-event person from one of the two streams.
    assert only_in_one <= 2
    assert median_ratio == 3.0
    assert longer_span[0] > 2.9 * base_span[0]


@pytest.mark.duckdb
def test_heavy_shape_gives_a_few_people_most_rows() -> None:
    with duckdb.connect() as connection:
        streams.generate_stream(connection, 50_000, seed=7, shape=streams.SHAPES["heavy"])
        [(top_share, sessions, purchases)] = connection.execute(
            f"""
            with people as (select count(*) as events from ({PERSON_EVENTS}) group by all)
            select (select sum(events) from (select events from ({PERSON_EVENTS}) order by events desc limit 25)) / 50000.0,
                   avg(case when activity = 'started_session' then 1.0 else 0 end), avg(case when activity = 'made_purchase' then 1.0 else 0 end)
            from stream
            """
        ).fetchall()
    # person = floor(u^3 * rows / 20): the first 1% of 2,500 person ids hold u^3 < 0.01, a fifth of the rows.
    assert top_share > 0.2
    assert abs(sessions - 0.6) < 0.02 and abs(purchases - 0.2) < 0.02
