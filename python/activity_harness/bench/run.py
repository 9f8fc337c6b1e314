"""`activity-harness bench`: every benchmark join through the package, as a plain
self-join and through the peer packages given, on generated streams of growing size, all
timed in one DuckDB process. The package and the self-join must agree row for row (any
difference stops the run); a peer's rows are compared and, where they differ, the reason
is the documented semantic difference."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click
import duckdb
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..generate import DEFAULT_SEED
from ..paths import REPO_ROOT
from .cases import BASIC_CASES, CASES, MULTI, Case, naive_sql
from .compile import PEER_STREAM_SQL, compile_ours, compile_peer, peer_columns
from .report import write_report
from .streams import COHORT, SHAPES, Shape, StreamStats, generate_stream, stream_stats
from .timing import MachineLog, best_of

DEFAULT_SIZES = (1_000_000, 5_000_000)
DEFAULT_WORKDIR = REPO_ROOT / ".bench"
DEFAULT_OUTPUT_DIR = REPO_ROOT / "benchmarks" / "temporal_joins"


class BenchmarkInvalid(click.ClickException):
    """The package and the self-join disagree, or agree only vacuously: the figures would prove nothing."""


@dataclass(frozen=True)
class Settings:
    shape: Shape
    sizes: tuple[int, ...]
    seed: int
    repeat: int
    timeout: float  # seconds before a peer run (and, unless set apart, a self-join run) is interrupted
    peers: tuple[Path, ...] = ()
    self_join_timeout: float | None = None  # seconds before a self-join run is interrupted, when not `timeout`

    @property
    def naive_timeout(self) -> float:
        return self.timeout if self.self_join_timeout is None else self.self_join_timeout

    def history(self, size: int) -> float:
        """How many times longer each person's history is at `size` than at the smallest size."""
        return size / self.sizes[0] if self.shape.growth == "history" else 1.0


@dataclass
class Measure:
    size: int
    case: str
    ours: float
    naive: float | None = None  # None: timed out (or not run, for the multi case)
    peers: dict[str, float | None] = field(default_factory=dict)  # B / T seconds, None when timed out
    peer_differences: dict[str, int] = field(default_factory=dict)  # rows whose appended values differ from ours


@dataclass
class SizeResult:
    size: int
    stats: StreamStats
    floor: float
    measures: list[Measure]


def symmetric_difference(connection: duckdb.DuckDBPyConnection, left: str, right: str) -> int:
    """Rows in one table and not the other, duplicates counted: 0 means identical results."""
    columns = [[d[0] for d in connection.execute(f"select * from {table} limit 0").description] for table in (left, right)]
    if columns[0] != columns[1]:
        raise BenchmarkInvalid(f"{left} and {right} have different columns: {columns[0]} vs {columns[1]}")
    row = connection.execute(
        f"select count(*) from ((select * from {left} except all select * from {right})"
        f" union all (select * from {right} except all select * from {left}))"
    ).fetchone()
    assert row is not None
    return int(row[0])


def peer_difference(connection: duckdb.DuckDBPyConnection, case: Case, kind: str) -> int:
    """Cohort rows whose appended values differ between the package's result and a peer's
    (timestamps compared as timestamps, revenue to the cent: B returns it as a 4-byte float)."""
    differs = []
    for ours, theirs in peer_columns(case, kind).items():
        if ours.endswith("_revenue_impact"):
            differs.append(f"round(o.{ours}, 2) is distinct from round(try_cast(p.{theirs} as double), 2)")
        elif ours.endswith("_ts"):
            differs.append(f"o.{ours} is distinct from try_cast(p.{theirs} as timestamp)")
        else:
            differs.append(f"o.{ours} is distinct from try_cast(p.{theirs} as bigint)")
    row = connection.execute(
        f"select count(*) from ours_result as o full join peer_result as p using (activity_id) where {' or '.join(differs)}"
    ).fetchone()
    assert row is not None
    return int(row[0])


def matched_rows(connection: duckdb.DuckDBPyConnection, case: Case) -> int:
    found = f"{case.appended[0]} > 0" if case.pick == "aggregate" else f"{case.appended[0]} is not null"
    row = connection.execute(f"select count(*) from ours_result where {found}").fetchone()
    assert row is not None
    return int(row[0])


def output_floor(connection: duckdb.DuckDBPyConnection, repeat: int) -> float:
    """Seconds to write the cohort rows alone, which every result holds. Written without
    keeping the scan's order: a filtered scan otherwise keeps it, which no join result does,
    and keeping it took longer than some peers' whole joins, so it would be no floor."""
    connection.execute("set preserve_insertion_order = false")
    try:
        floor = best_of(connection, "floor_result", f"select * from stream where activity = '{COHORT}'", repeat)
    finally:
        connection.execute("reset preserve_insertion_order")
    assert floor is not None
    return floor


def bench_size(connection: duckdb.DuckDBPyConnection, size: int, sql: dict[str, dict[str, str]], settings: Settings, progress: Progress) -> SizeResult:
    task = progress.add_task(f"{size:,} rows: generating", total=len(CASES) + 1)
    generate_stream(connection, size, settings.seed, settings.shape, settings.history(size))
    if settings.peers:
        connection.execute(PEER_STREAM_SQL)
    stats = stream_stats(connection)
    floor = output_floor(connection, settings.repeat)
    measures = []
    for case in CASES:
        progress.update(task, description=f"{size:,} rows: {case.name}")
        ours = best_of(connection, "ours_result", sql["ours"][case.name], settings.repeat)
        assert ours is not None, "the package runs without a timeout"
        if not matched_rows(connection, case):
            raise BenchmarkInvalid(f"{case.name} at {size:,} rows: no cohort row found a target, so agreeing proves nothing")
        measure = Measure(size, case.name, ours)
        measure.naive = best_of(connection, "naive_result", naive_sql(case), settings.repeat, settings.naive_timeout)
        if measure.naive is not None and (difference := symmetric_difference(connection, "ours_result", "naive_result")):
            raise BenchmarkInvalid(f"{case.name} at {size:,} rows: the package and the self-join differ in {difference:,} rows (seed {settings.seed})")
        for kind, peer_sql in sql.items():
            if kind == "ours" or case.name not in peer_sql:
                continue
            measure.peers[kind] = best_of(connection, "peer_result", peer_sql[case.name], settings.repeat, settings.timeout)
            if measure.peers[kind] is not None:
                measure.peer_differences[kind] = peer_difference(connection, case, kind)
        measures.append(measure)
        progress.console.print(f"{size:>10,} {case.name:<28} " + "  ".join(
            f"{label} {'> %gs' % timeout if seconds is None else '%.2fs' % seconds}"
            for label, seconds, timeout in (("ours", measure.ours, 0), ("self-join", measure.naive, settings.naive_timeout),
                                            *((kind.upper(), s, settings.timeout) for kind, s in measure.peers.items()))
        ))
        progress.advance(task)
    progress.update(task, description=f"{size:,} rows: {MULTI}")
    multi = best_of(connection, "ours_result", sql["ours"][MULTI], settings.repeat)
    assert multi is not None
    measures.append(Measure(size, MULTI, multi))
    progress.advance(task)
    connection.execute("drop table if exists ours_result; drop table if exists naive_result; drop table if exists peer_result; drop table if exists floor_result")
    return SizeResult(size, stats, floor, measures)


def run_benchmark(settings: Settings, workdir: Path, output_dir: Path, console: Console) -> list[SizeResult]:
    machine = MachineLog()
    workdir.mkdir(parents=True, exist_ok=True)
    with console.status("compiling the joins with dbt: the package, then each peer checkout"):
        sql = {"ours": compile_ours(workdir / "project")}
        for checkout in settings.peers:
            kind, compiled = compile_peer(checkout, workdir / f"peer_{checkout.name}")
            sql[kind] = compiled
    database = workdir / "bench.duckdb"  # the stem is the catalog the compiled SQL names
    database.unlink(missing_ok=True)
    results = []
    with duckdb.connect(str(database)) as connection, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as progress:
        for size in settings.sizes:
            results.append(bench_size(connection, size, sql, settings, progress))
        machine_lines = machine.lines(connection)
    paths = write_report(settings, machine_lines, results, sorted(k for k in sql if k != "ours"), output_dir)
    console.print(f"[green]figures written to {', '.join(str(p) for p in paths)}[/]")
    return results


@click.command()
@click.option("--shape", "shapes", type=click.Choice(sorted(SHAPES)), multiple=True, default=("heavy", "people", "busy", "history"),
              show_default=True, help="Stream shapes; repeat for several.")
@click.option("--sizes", type=int, multiple=True, default=DEFAULT_SIZES, show_default=True, help="Stream rows; repeat, smallest first.")
@click.option("--peers", type=click.Path(exists=True, file_okay=False, path_type=Path), multiple=True,
              help="A checkout of bcodell/dbt-activity-schema or tnightengale/dbt-activity-schema to time alongside (repeat for both).")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, help="Random seed of the generated streams.")
@click.option("--repeat", default=3, show_default=True, help="Runs per query for every formulation; the best is kept.")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds before a peer run (and a self-join run, unless given apart) is interrupted.")
@click.option("--self-join-timeout", type=float, help="Seconds before a self-join run is interrupted, when it should differ from --timeout.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_OUTPUT_DIR, show_default=True)
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_WORKDIR, show_default=True)
def bench(shapes: tuple[str, ...], sizes: tuple[int, ...], peers: tuple[Path, ...], seed: int, repeat: int, timeout: float,
          self_join_timeout: float | None, output_dir: Path, workdir: Path) -> None:
    """Time the temporal joins against a plain self-join and the peer packages."""
    if list(sizes) != sorted(set(sizes)):
        raise click.BadParameter("give distinct sizes, smallest first", param_hint="--sizes")
    for shape in shapes:
        run_benchmark(Settings(SHAPES[shape], tuple(sizes), seed, repeat, timeout, tuple(peers), self_join_timeout), workdir, output_dir, Console())


__all__ = ["BASIC_CASES", "bench", "run_benchmark"]
