"""`activity-harness generate`: realistic, reproducible raw data for the examples and the
integration project, from one set of simulations.

Every dataset is a function of (seed, scale): the same pair gives the same bytes on every
run. A dataset is simulated in chunks of arrival days (a progress bar shows them), staged
in DuckDB, and published as CSV, Parquet or the raw schema of a DuckDB file, whole or in
the loads of an ingestion pipeline (first, incremental, full-refresh).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from . import calendar
from .tables import FORMATS, MODES, Dataset, LoadResult, Stage, loaded_batches, write

DEFAULT_SEED = 20261123
# Below this many rows "auto" writes CSV (readable, dbt seeds), above it Parquet.
CSV_ROW_LIMIT = 1_000_000
# People simulated together: bounds memory whatever the scale.
PEOPLE_PER_CHUNK = 40_000


class GeneratorError(ValueError):
    """A request the generator cannot meet; the message says what to do instead."""


@dataclass
class Generated:
    dataset: Dataset
    seed: int
    scale: float
    load: LoadResult
    stage: Stage = field(repr=False)


def datasets() -> dict[str, Dataset]:
    from . import crm, event_stream, integration, sbdk, web

    return {d.name: d for d in (web.DATASET, sbdk.DATASET, event_stream.DATASET, crm.DATASET, integration.DATASET)}


def simulate(dataset: Dataset, seed: int, scale: float, batch: int, console: Console | None = None) -> Stage:
    """Stage everything the loads up to `batch` can need (people arriving until its cut)."""
    stage = Stage()
    days = calendar.horizon_days(batch)
    per_day = max(dataset.people_per_scale * scale / calendar.BASE_DAYS, 1.0)
    chunk_days = max(1, int(PEOPLE_PER_CHUNK / per_day))
    chunks = [range(start, min(start + chunk_days, days)) for start in range(0, days, chunk_days)]
    with Progress(
        TextColumn(f"[bold]{dataset.name}[/] {{task.description}}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=console is None or len(chunks) < 3,
    ) as progress:
        task = progress.add_task("simulating days", total=len(chunks))
        for chunk in chunks:
            stage.add(dataset.simulate(seed, scale, chunk, days))
            progress.advance(task)
    if dataset.derive is not None:
        dataset.derive(stage)
    return stage


def generate(name: str, seed: int, scale: float, out: Path, output_format: str = "auto", mode: str = "first", console: Console | None = None) -> Generated:
    """Write a dataset; with output_format duckdb, `mode` is the load: the first, the next
    incremental one, or a full refresh holding everything loaded so far."""
    found = datasets()
    if name not in found:
        raise GeneratorError(f"unknown dataset {name!r}; choose one of {', '.join(found)}")
    if mode not in MODES:
        raise GeneratorError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    if scale <= 0:
        raise GeneratorError(f"--scale must be positive, got {scale}")
    dataset = found[name]
    batch = 0
    if output_format == "duckdb":
        batch = _next_batch(out / f"{name}.duckdb", mode, seed, scale)
    elif mode != "first":
        raise GeneratorError(f"--mode {mode} loads into a database: add --format duckdb (files are always written whole)")
    stage = simulate(dataset, seed, scale, batch, console)
    if output_format == "auto":
        output_format = "csv" if sum(stage.rows.values()) <= CSV_ROW_LIMIT else "parquet"
    if output_format not in FORMATS:
        raise GeneratorError(f"unknown format {output_format!r}; choose auto or one of {', '.join(FORMATS)}")
    metadata: dict[str, object] = {"dataset": name, "seed": seed, "scale": scale}
    load = write(stage, dataset.tables, out, output_format, batch, mode, name, metadata)
    return Generated(dataset=dataset, seed=seed, scale=scale, load=load, stage=stage)


def _next_batch(path: Path, mode: str, seed: int, scale: float) -> int:
    previous = loaded_batches(path)
    if mode == "first":
        if previous is not None:
            raise GeneratorError(f"{path} already holds loads up to batch {previous[0]}: use --mode incremental for the next one or --mode full-refresh")
        return 0
    if previous is None:
        if mode == "full-refresh":
            return 0
        raise GeneratorError(f"{path} has no first load yet: run with --mode first")
    last, settings = previous
    if (settings.get("seed"), settings.get("scale")) != (seed, scale):
        raise GeneratorError(f"{path} was loaded with seed {settings.get('seed')} and scale {settings.get('scale')}; pass the same values (or start again with --mode first into a new directory)")
    return last + 1 if mode == "incremental" else last
