"""`activity-harness bench`: every benchmark join through the package, as a plain
self-join and through the peer packages given, on generated streams of growing size, all
timed in one session of one warehouse (DuckDB, or Postgres without the peers). The package
and the self-join must agree row for row (any difference stops the run); a peer's rows are
compared and, where they differ, the reason is the documented semantic difference."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..generate import DEFAULT_SEED
from ..paths import REPO_ROOT
from ..warehouses import PostgresServer
from .cases import BASIC_CASES, CASES, MULTI_CASES, Case, naive_sql
from .compile import PEER_STREAM_SQL, compile_ours, compile_peer, peer_columns
from .report import DEFAULT_OUTPUT_DIR, OUTPUT_DIRS, write_report
from .streams import SHAPES, Shape, StreamStats
from .timing import MachineLog, best_of
from .warehouses import BENCH_WAREHOUSES, BenchWarehouse

DEFAULT_SIZES = (1_000_000, 5_000_000)
DEFAULT_WORKDIR = REPO_ROOT / ".bench"


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
    warehouse: str = "duckdb"

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
    naive: float | None = None  # None: timed out (or not run, for a multi call)
    peers: dict[str, float | None] = field(default_factory=dict)  # B / T seconds, None when timed out
    peer_differences: dict[str, int] = field(default_factory=dict)  # rows whose appended values differ from ours


@dataclass
class SizeResult:
    size: int
    stats: StreamStats
    floor: float
    measures: list[Measure]


def symmetric_difference(warehouse: BenchWarehouse, left: str, right: str) -> int:
    """Rows in one table and not the other, duplicates counted: 0 means identical results."""
    columns = [warehouse.columns(table) for table in (left, right)]
    if columns[0] != columns[1]:
        raise BenchmarkInvalid(f"{left} and {right} have different columns: {columns[0]} vs {columns[1]}")
    [(rows,)] = warehouse.rows(
        f"select count(*) from ((select * from {left} except all select * from {right})"
        f" union all (select * from {right} except all select * from {left})) as difference"
    )
    return int(rows)


def peer_difference(warehouse: BenchWarehouse, case: Case, kind: str) -> int:
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
    [(rows,)] = warehouse.rows(f"select count(*) from ours_result as o full join peer_result as p using (activity_id) where {' or '.join(differs)}")
    return int(rows)


def matched_rows(warehouse: BenchWarehouse, case: Case) -> int:
    found = f"{case.appended[0]} > 0" if case.pick == "aggregate" else f"{case.appended[0]} is not null"
    [(rows,)] = warehouse.rows(f"select count(*) from ours_result where {found}")
    return int(rows)


def bench_size(warehouse: BenchWarehouse, size: int, sql: dict[str, dict[str, str]], stream_config: dict[str, Any], settings: Settings,
               progress: Progress) -> SizeResult:
    task = progress.add_task(f"{size:,} rows: generating", total=len(CASES) + len(MULTI_CASES))
    stats = warehouse.load_stream(size, settings.seed, settings.shape, settings.history(size), stream_config)
    if settings.peers:
        warehouse.execute(PEER_STREAM_SQL)
    floor = warehouse.floor_seconds(settings.repeat)
    measures = []
    for case in CASES:
        progress.update(task, description=f"{size:,} rows: {case.name}")
        ours = best_of(warehouse, "ours_result", sql["ours"][case.name], settings.repeat)
        assert ours is not None, "the package runs without a timeout"
        if not matched_rows(warehouse, case):
            raise BenchmarkInvalid(f"{case.name} at {size:,} rows: no cohort row found a target, so agreeing proves nothing")
        measure = Measure(size, case.name, ours)
        measure.naive = best_of(warehouse, "naive_result", naive_sql(case), settings.repeat, settings.naive_timeout)
        if measure.naive is not None and (difference := symmetric_difference(warehouse, "ours_result", "naive_result")):
            raise BenchmarkInvalid(f"{case.name} at {size:,} rows: the package and the self-join differ in {difference:,} rows (seed {settings.seed})")
        for kind, peer_sql in sql.items():
            if kind == "ours" or case.name not in peer_sql:
                continue
            measure.peers[kind] = best_of(warehouse, "peer_result", peer_sql[case.name], settings.repeat, settings.timeout)
            if measure.peers[kind] is not None:
                measure.peer_differences[kind] = peer_difference(warehouse, case, kind)
        measures.append(measure)
        progress.console.print(f"{size:>10,} {case.name:<28} " + "  ".join(
            f"{label} {'> %gs' % timeout if seconds is None else '%.2fs' % seconds}"
            for label, seconds, timeout in (("ours", measure.ours, 0), ("self-join", measure.naive, settings.naive_timeout),
                                            *((kind.upper(), s, settings.timeout) for kind, s in measure.peers.items()))
        ))
        progress.advance(task)
    for name in MULTI_CASES:
        progress.update(task, description=f"{size:,} rows: {name}")
        multi = best_of(warehouse, "ours_result", sql["ours"][name], settings.repeat)
        assert multi is not None
        measures.append(Measure(size, name, multi))
        progress.advance(task)
    warehouse.execute("drop table if exists ours_result; drop table if exists naive_result; drop table if exists peer_result; drop table if exists floor_result")
    return SizeResult(size, stats, floor, measures)


def run_benchmark(settings: Settings, workdir: Path, output_dir: Path, console: Console, server: PostgresServer | None = None) -> list[SizeResult]:
    """Run the benchmark on settings.warehouse (on Postgres, on `server` if given, else on a
    server started for the run) and write its figures under output_dir."""
    machine = MachineLog()
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    with BENCH_WAREHOUSES[settings.warehouse].open(workdir, server) as warehouse:
        with console.status(f"compiling the joins with dbt for {settings.warehouse}: the package, then each peer checkout"):
            ours, stream_config = compile_ours(workdir / "project", warehouse)
            sql = {"ours": ours}
            for checkout in settings.peers:
                kind, compiled = compile_peer(checkout, workdir / f"peer_{checkout.name}", warehouse)
                sql[kind] = compiled
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console) as progress:
            for size in settings.sizes:
                results.append(bench_size(warehouse, size, sql, stream_config, settings, progress))
        machine_lines = machine.lines(warehouse.version_line(), warehouse.in_process)
        how_run = warehouse.how_run
    paths = write_report(settings, machine_lines, how_run, results, sorted(k for k in sql if k != "ours"), output_dir)
    console.print(f"[green]figures written to {', '.join(str(p) for p in paths)}[/]")
    return results


@click.command()
@click.option("--warehouse", type=click.Choice(sorted(BENCH_WAREHOUSES)), default="duckdb", show_default=True,
              help="Where the joins run: the embedded DuckDB, or a Postgres server the harness starts on 127.0.0.1.")
@click.option("--shape", "shapes", type=click.Choice(sorted(SHAPES)), multiple=True, default=("heavy", "people", "busy", "history"),
              show_default=True, help="Stream shapes; repeat for several.")
@click.option("--sizes", type=int, multiple=True, default=DEFAULT_SIZES, show_default=True, help="Stream rows; repeat, smallest first.")
@click.option("--peers", type=click.Path(exists=True, file_okay=False, path_type=Path), multiple=True,
              help="A checkout of bcodell/dbt-activity-schema or tnightengale/dbt-activity-schema to time alongside (repeat for both).")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, help="Random seed of the generated streams.")
@click.option("--repeat", default=3, show_default=True, help="Runs per query for every formulation; the best is kept.")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds before a peer run (and a self-join run, unless given apart) is interrupted.")
@click.option("--self-join-timeout", type=float, help="Seconds before a self-join run is interrupted, when it should differ from --timeout.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help=f"Where the figures go [default: {DEFAULT_OUTPUT_DIR.relative_to(REPO_ROOT)}, Postgres's in its postgres/ folder]")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_WORKDIR, show_default=True)
def bench(warehouse: str, shapes: tuple[str, ...], sizes: tuple[int, ...], peers: tuple[Path, ...], seed: int, repeat: int, timeout: float,
          self_join_timeout: float | None, output_dir: Path | None, workdir: Path) -> None:
    """Time the temporal joins against a plain self-join and the peer packages."""
    if list(sizes) != sorted(set(sizes)):
        raise click.BadParameter("give distinct sizes, smallest first", param_hint="--sizes")
    if peers and warehouse != "duckdb":
        raise click.BadParameter(f"the peers are timed on DuckDB only, not on {warehouse}", param_hint="--peers")
    for shape in shapes:
        settings = Settings(SHAPES[shape], tuple(sizes), seed, repeat, timeout, tuple(peers), self_join_timeout, warehouse)
        run_benchmark(settings, workdir, output_dir or OUTPUT_DIRS[warehouse], Console())


__all__ = ["BASIC_CASES", "bench", "run_benchmark"]
