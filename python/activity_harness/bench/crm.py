"""`bench_crm`: headless CRM person resolution on 1M identifiers with long chains, on DuckDB.

Each run generates a graph of `--identifiers` identifiers in DuckDB (one chain of the
given length with its identifiers in ascending order, the worst case for label
propagation; the rest in chains of 1,000 and stars of 4, labels shuffled), then runs the
package's person resolution through dbt in a child process and reports the rounds the
connected components took, the time of each step and the child's peak memory. Figures go
to benchmarks/headless_crm.md, which the README quotes.
"""

from __future__ import annotations

import math
import multiprocessing
import resource
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click
import duckdb
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..dbt import DbtWorkspace
from ..paths import REPO_ROOT
from .timing import MachineLog

DEFAULT_OUTPUT = REPO_ROOT / "benchmarks" / "headless_crm.md"
DEFAULT_WORKDIR = REPO_ROOT / ".bench" / "headless_crm"
DEFAULT_CHAINS = (1_000, 10_000, 100_000, 999_999)
SHORT_CHAIN = 1_000  # identifiers per chain in the filler half
STAR = 4  # identifiers per star in the other half
RESOLUTION_MODELS = ("headless_crm_person_identifiers", "headless_crm_excluded_identifiers",
                     "headless_crm_person_components", "headless_crm_resolved_person_identifiers")
console = Console()


@dataclass(frozen=True)
class Run:
    longest_chain: int
    identifiers: int
    identifier_rows: int
    expected_components: int
    components: int
    rounds: int
    seconds: dict[str, float]
    wall_seconds: float
    peak_rss_mib: float


def _graph_sql(identifiers: int, longest_chain: int, seed: int) -> str:
    """Identifier rows: the long chain's identifiers are 0..longest_chain in chain order;
    the others are split into chains of SHORT_CHAIN and stars of STAR, on shuffled labels."""
    rest = identifiers - longest_chain - 1
    in_chains = rest // 2 // SHORT_CHAIN * SHORT_CHAIN
    return f"""
    create or replace table person_identifier_rows as
    with shuffled as (
        select position, {longest_chain + 1} + row_number() over (order by hash(position + {seed}), position) - 1 as label
        from range({rest}) as positions(position)
    ),
    edges as (
        select position as row_number, position as a, position + 1 as b
        from range({longest_chain}) as chain(position)
        union all
        select {longest_chain} + this.position, this.label, next.label
        from shuffled as this join shuffled as next on next.position = this.position + 1
        where this.position < {in_chains} and next.position % {SHORT_CHAIN} <> 0
        union all
        select {longest_chain} + this.position, hub.label, this.label
        from shuffled as this join shuffled as hub on hub.position = this.position - (this.position - {in_chains}) % {STAR}
        where this.position >= {in_chains} and hub.position <> this.position
    ),
    sightings as (
        select row_number, a as label, 0 as side from edges
        union all
        select row_number, b, 1 from edges
    )
    select
        'r' || row_number || '-' || side as id,
        'r' || row_number as event_id,
        'r' || row_number as row_id,
        case when label <= {longest_chain} or label % 3 = 0 then 'user_id' when label % 3 = 1 then 'email' else 'phone' end as identifier_type,
        case when label <= {longest_chain} or label % 3 = 0 then 'u' || lpad(cast(label as varchar), 8, '0')
             when label % 3 = 1 then 'P' || label || '@Bench.Test'
             else '+1 9' || lpad(cast(label as varchar), 9, '0') end as identifier_value,
        'bench' as source,
        timestamp '2024-01-01' + to_minutes(row_number % 100000) as occurred_at,
        timestamp '2024-06-01' as _ingested_at
    from sightings
    """


def _components_count(identifiers: int, longest_chain: int) -> int:
    """The components _graph_sql generates: the long chain, the short chains, the stars."""
    rest = identifiers - longest_chain - 1
    in_chains = rest // 2 // SHORT_CHAIN * SHORT_CHAIN
    in_stars = rest - in_chains
    return 1 + in_chains // SHORT_CHAIN + math.ceil(in_stars / STAR)


def _run_dbt(workdir: str, queue: multiprocessing.Queue[object]) -> None:
    """In a child process, so that its peak memory is the pipeline's alone."""
    workspace = DbtWorkspace("duckdb", Path(workdir))
    settings = {"sources": [{"name": "bench", "person_identifiers_model": "ref('crm_bench_person_identifiers')"}],
                "max_linked_identifiers": 1000}
    result = workspace.invoke("build", "--select", "+headless_crm_resolved_person_identifiers", "--exclude-resource-type", "test",
                              vars={"headless_crm": settings, "crm_bench": True})
    seconds = {r.node.name: r.execution_time for r in result.result.results if r.node.name in RESOLUTION_MODELS}
    queue.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def run_once(workdir: Path, identifiers: int, longest_chain: int, seed: int) -> Run:
    workdir.mkdir(parents=True, exist_ok=True)
    database = workdir / "activity_schema.duckdb"
    database.unlink(missing_ok=True)
    with duckdb.connect(str(database)) as connection:
        connection.execute(_graph_sql(identifiers, longest_chain, seed))
        (rows,) = connection.execute("select count(*) from person_identifier_rows").fetchone()  # type: ignore[misc]
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    started = time.perf_counter()
    child = context.Process(target=_run_dbt, args=(str(workdir), queue))
    child.start()
    seconds, peak = queue.get()
    child.join()
    wall = time.perf_counter() - started
    if child.exitcode:
        raise click.ClickException(f"dbt failed for the chain of {longest_chain:,} (see {workdir / 'logs'})")
    with duckdb.connect(str(database), read_only=True) as connection:
        components, rounds, nodes = connection.execute(
            "select count(distinct component_key), max(resolution_rounds), count(*) from headless_crm_person_components").fetchone()  # type: ignore[misc]
    database.unlink()  # about 200 MB a run; the logs stay
    if nodes != identifiers:
        raise click.ClickException(f"{nodes:,} identifiers resolved, {identifiers:,} generated")
    return Run(longest_chain, identifiers, rows, _components_count(identifiers, longest_chain), components, rounds, seconds, wall, peak)


def _markdown(runs: list[Run], command: str, machine: list[str]) -> str:
    lines = [
        "# Headless CRM resolution benchmark",
        "",
        f"Written by `{command}` on {date.today().isoformat()}; regenerate rather than edit.",
        "",
        "Person resolution of the headless CRM layer through dbt on DuckDB: the identifiers union",
        "(normalisation), the exclusions model (blocklist and over-linked check), the connected components",
        "(min-label propagation with pointer jumping, one set-based statement per round) and the resolved",
        "identifiers. Each graph has the stated number of identifiers: one chain of the longest length with",
        "its identifiers in ascending order along the chain (the worst case for plain label propagation, which",
        f"would need one round per hop), the rest split into chains of {SHORT_CHAIN:,} and stars of {STAR}",
        "with shuffled labels, and a third each of emails, phones and user ids in messy formats. Every run",
        "checks that the number of components found is the number generated.",
        "",
        "Model times are dbt's; the dbt process time is the wall time of the child process running dbt (imports,",
        "parsing, the seed and the four models), and its peak memory the peak resident set of that process (Python,",
        "dbt and DuckDB together).",
        "",
        "## Machine",
        "",
        *machine,
        f"- DuckDB {duckdb.__version__}",
        "",
        "| longest chain (hops) | identifiers | identifier rows | components | rounds | log2(chain) | components model (s) | exclusions (s) | union (s) | dbt process (s) | peak memory (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        lines.append(
            f"| {run.longest_chain:,} | {run.identifiers:,} | {run.identifier_rows:,} | {run.components:,} | {run.rounds} | "
            f"{math.log2(run.longest_chain):.1f} | {run.seconds['headless_crm_person_components']:.1f} | "
            f"{run.seconds['headless_crm_excluded_identifiers']:.1f} | {run.seconds['headless_crm_person_identifiers']:.1f} | "
            f"{run.wall_seconds:.1f} | {run.peak_rss_mib:,.0f} |"
        )
    lines += [
        "",
        "Rounds include the last one, which changes nothing and stops the loop. They grow by a few per",
        "tenfold longer chain (about log2 of the chain plus a small constant) instead of one per hop.",
        "",
    ]
    return "\n".join(lines)


@click.command()
@click.option("--identifiers", default=1_000_000, show_default=True, help="Identifiers per graph.")
@click.option("--longest-chain", "longest_chains", multiple=True, type=int, default=DEFAULT_CHAINS, show_default=True,
              help="Hops of the graph's longest chain; one run each.")
@click.option("--seed", default=20261123, show_default=True, help="Seed of the label shuffle.")
@click.option("--workdir", type=click.Path(path_type=Path), default=DEFAULT_WORKDIR, show_default=True)
@click.option("--output", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True)
def bench_crm(identifiers: int, longest_chains: tuple[int, ...], seed: int, workdir: Path, output: Path) -> None:
    """Benchmark headless CRM resolution (rounds, time, peak memory) on long chains."""
    for chain in longest_chains:
        if not 0 < chain < identifiers:
            raise click.BadParameter(f"{chain} must be between 1 and identifiers - 1", param_hint="--longest-chain")
    runs: list[Run] = []
    machine = MachineLog()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console) as progress:
        task = progress.add_task("resolving", total=len(longest_chains))
        for chain in longest_chains:
            progress.update(task, description=f"{identifiers:,} identifiers, longest chain {chain:,}")
            run = run_once(workdir / f"chain_{chain}", identifiers, chain, seed)
            if run.components != run.expected_components:
                raise click.ClickException(f"{run.components:,} components found, {run.expected_components:,} generated")
            runs.append(run)
            progress.console.print(f"chain {chain:,}: {run.rounds} rounds, components model {run.seconds['headless_crm_person_components']:.1f} s, "
                                   f"peak {run.peak_rss_mib:,.0f} MiB")
            progress.advance(task)
    table = Table("longest chain", "rounds", "components model (s)", "dbt process (s)", "peak MiB")
    for run in runs:
        table.add_row(f"{run.longest_chain:,}", str(run.rounds), f"{run.seconds['headless_crm_person_components']:.1f}",
                      f"{run.wall_seconds:.1f}", f"{run.peak_rss_mib:,.0f}")
    console.print(table)
    chains = " ".join(f"--longest-chain {chain}" for chain in longest_chains)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(_markdown(runs, f"activity-harness bench-crm --identifiers {identifiers} {chains} --seed {seed}", machine.lines()))
    console.print(f"[green]written to {output}[/]")


if __name__ == "__main__":
    bench_crm()
