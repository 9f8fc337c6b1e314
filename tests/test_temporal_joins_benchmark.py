"""The benchmark's plumbing and its self-join formulation, at a size that runs in seconds.

No timing is asserted: CI machines are too noisy. What is checked is that the package and
the naive self-join agree on every join type: the benchmark stops on any difference, and on
an agreement that proves nothing because no cohort row found a target.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from activity_harness import bench_joins

pytestmark = pytest.mark.duckdb


def test_benchmark_runs_and_both_formulations_agree(tmp_path: Path) -> None:
    output = tmp_path / "temporal_joins.md"
    settings = bench_joins.Settings(sizes=(10_000, 20_000), seed=7, repeat=1, naive_timeout=60)
    timings = bench_joins.run_benchmark(settings, tmp_path / "work", output, Console(quiet=True))

    assert {(t.size, t.join_type) for t in timings} == {(s, j) for s in settings.sizes for j in bench_joins.JOIN_TYPES}
    assert all(t.naive is not None for t in timings), "no self-join may time out at this size, or it went unchecked"
    report = output.read_text()
    assert all(f"| {join_type} |" in report for join_type in bench_joins.JOIN_TYPES)
    assert "## Verdict" in report


def test_symmetric_difference_sees_a_changed_cell_and_a_duplicate() -> None:
    with duckdb.connect() as connection:
        connection.execute("create table a as select * from (values (1, 'x'), (2, 'y')) t(id, v)")
        connection.execute("create table b as select * from (values (1, 'x'), (2, 'z')) t(id, v)")
        connection.execute("create table c as select * from (values (1, 'x'), (2, 'y'), (2, 'y')) t(id, v)")
        assert bench_joins.symmetric_difference(connection, "a", "a") == 0
        assert bench_joins.symmetric_difference(connection, "a", "b") == 2
        assert bench_joins.symmetric_difference(connection, "a", "c") == 1


def test_history_growth_keeps_the_people_and_lengthens_each_history() -> None:
    person_events = """
        select regexp_extract(coalesce(customer, anonymous_customer_id), '\\d+$') as person, count(*) as events
        from stream where coalesce(customer, anonymous_customer_id) is not null group by person
    """
    with duckdb.connect() as connection:
        bench_joins.generate_stream(connection, 20_000, seed=7)
        connection.execute(f"create table base as {person_events}")
        [base_span] = connection.execute("select max(ts) - min(ts) from stream").fetchall()
        bench_joins.generate_stream(connection, 60_000, seed=7, history=3.0)
        connection.execute(f"create table longer as {person_events}")
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
