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
