"""The generator's commands: `generate` and `bench-generate`."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..bench.timing import MachineLog
from ..paths import GENERATED_SEEDS_DIR, REPO_ROOT
from . import DEFAULT_SEED, GeneratorError, calendar, datasets, generate, simulate
from .tables import FORMATS, MODES, write

console = Console()
BENCH_OUTPUT = REPO_ROOT / "benchmarks" / "generator.md"
BENCH_TARGET_ROWS = 5_000_000
BENCH_TARGET_SECONDS = 60.0


@click.command("generate")
@click.option("--dataset", "name", type=click.Choice(["web", "sbdk", "event_stream", "crm", "integration"]), default="integration", show_default=True,
              help="integration: the integration project's seeds (written where it reads them unless --out is given).")
@click.option("--scale", default=1.0, show_default=True, help="Size: about 1,000 people arrive during the first load per unit.")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, help="Random seed; the same seed and scale give the same bytes.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Directory to write into.")
@click.option("--format", "output_format", type=click.Choice(["auto", *FORMATS]), default="auto", show_default=True,
              help="auto: CSV up to a million rows, Parquet above. duckdb: tables in the raw schema of OUT/DATASET.duckdb.")
@click.option("--mode", type=click.Choice(MODES), default="first", show_default=True,
              help="With --format duckdb: the first load, the next week's incremental load, or a full refresh of everything loaded so far.")
def generate_command(name: str, scale: float, seed: int, out: Path | None, output_format: str, mode: str) -> None:
    """Generate a dataset: the raw tables of an example project, or the integration seeds."""
    if name == "integration":
        from .integration import write_seeds

        if (scale, output_format, mode) != (1.0, "auto", "first"):
            raise click.UsageError("the integration seeds have a fixed size, format and mode: give only --seed (and --out)")
        data = write_seeds(seed, out or GENERATED_SEEDS_DIR)
        console.print(f"{len(data.events):,} events, {len(data.identifies):,} identifications and the CRM identifier graphs written to {out or GENERATED_SEEDS_DIR}")
        return
    if out is None:
        raise click.UsageError("--out DIRECTORY is required")
    try:
        started = time.perf_counter()
        result = generate(name, seed, scale, out, output_format, mode, console)
    except GeneratorError as error:
        raise click.ClickException(str(error)) from error
    table = Table(title=f"{name} (seed {seed}, scale {scale:g}), load {result.load.batch} ({mode}), {time.perf_counter() - started:.1f} s")
    table.add_column("table")
    table.add_column("rows" if mode != "incremental" else "rows added or replaced", justify="right")
    for spec in result.dataset.tables:
        table.add_row(spec.name, f"{result.load.rows[spec.name]:,}")
    console.print(table)
    console.print("written: " + ", ".join(str(path) for path in result.load.paths))


def _measure(scale: float, seed: int, workdir: Path, output_format: str) -> tuple[int, float, float]:
    """Activity rows of the web dataset's first load, and seconds to simulate and to write them."""
    dataset = datasets()["web"]
    started = time.perf_counter()
    stage = simulate(dataset, seed, scale, 0, console)
    simulated = time.perf_counter()
    shutil.rmtree(workdir, ignore_errors=True)
    load = write(stage, dataset.tables, workdir, output_format, 0, "first", dataset.name, {"dataset": dataset.name, "seed": seed, "scale": scale})
    written = time.perf_counter()
    return sum(load.rows[name] for name in dataset.activity_tables), simulated - started, written - simulated


@click.command("bench-generate")
@click.option("--seed", default=DEFAULT_SEED, show_default=True)
@click.option("--output", type=click.Path(path_type=Path), default=BENCH_OUTPUT, show_default=True)
@click.option("--workdir", type=click.Path(path_type=Path), default=REPO_ROOT / ".bench" / "generator", show_default=True)
def bench_generate(seed: int, output: Path, workdir: Path) -> None:
    """Time the web dataset at about 1M and 5M activity rows, into DuckDB and Parquet."""
    machine = MachineLog()
    probe_rows, _, _ = _measure(1.0, seed, workdir / "probe", "parquet")
    full_scale = round(BENCH_TARGET_ROWS / probe_rows * 1.02, 1)
    rows: list[tuple[str, float, int, float, float]] = []
    for label, scale in (("1M", round(full_scale / 5, 1)), ("5M", full_scale)):
        for output_format in ("duckdb", "parquet"):
            with console.status(f"web at scale {scale:g} into {output_format}"):
                count, simulate_seconds, write_seconds = _measure(scale, seed, workdir / f"{label}_{output_format}", output_format)
            rows.append((output_format, scale, count, simulate_seconds, write_seconds))
            console.print(f"{output_format:8} scale {scale:6g}: {count:>10,} rows in {simulate_seconds + write_seconds:5.1f} s")
    shutil.rmtree(workdir, ignore_errors=True)
    output.write_text(_report(rows, seed, machine))
    console.print(f"written to {output}")


def _report(rows: list[tuple[str, float, int, float, float]], seed: int, machine: MachineLog) -> str:
    lines = [
        "# Generator benchmark",
        "",
        (f"`activity-harness bench-generate` (make bench-generate): the `web` dataset's first load ({calendar.BASE_DAYS} days),"
         f" simulated and written, seed {seed}. Activity rows are every row of its tables"
         " (sessions, web events, sign-ups, logins, orders, refunds)."),
        "",
        *machine.lines(),
        "",
        "| output | scale | activity rows | simulate (s) | write (s) | total (s) | rows per second |",
        "|---|---|---|---|---|---|---|",
    ]
    for output_format, scale, count, simulate_seconds, write_seconds in rows:
        total = simulate_seconds + write_seconds
        lines.append(f"| {output_format} | {scale:g} | {count:,} | {simulate_seconds:.1f} | {write_seconds:.1f} | {total:.1f} | {count / total:,.0f} |")
    totals = {(output_format, count >= BENCH_TARGET_ROWS): s + w for output_format, _, count, s, w in rows}
    slowest = max(total for (_, large), total in totals.items() if large)
    growth = ", ".join(f"{f} {totals[(f, True)] / totals[(f, False)]:.1f}x" for f in ("duckdb", "parquet"))
    lines += [
        "",
        (f"Target: {BENCH_TARGET_ROWS:,} activity rows in under {BENCH_TARGET_SECONDS:.0f} s: "
         + (f"**met**, {slowest:.1f} s at most ({slowest / BENCH_TARGET_SECONDS:.0%} of the budget)." if slowest < BENCH_TARGET_SECONDS else f"**missed**: {slowest:.1f} s.")),
        f"Growth from the small run to the large one (5x the rows; linear = 5x): {growth}.",
        "",
    ]
    return "\n".join(lines)
