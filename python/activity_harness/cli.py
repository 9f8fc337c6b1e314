"""`activity-harness`: set up, generate data, build the integration project, benchmark."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from . import datagen
from .bench.crm import bench_crm
from .bench.run import bench
from .dbt import DbtWorkspace, deps as dbt_deps
from .paths import GENERATED_SEEDS_DIR, REPO_ROOT
from .project import write_generated_seeds

console = Console()


@click.group()
def main() -> None:
    """Harness for the activity_schema dbt package."""


main.add_command(bench)
main.add_command(bench_crm)


@main.command()
def deps() -> None:
    """Install the integration project's dbt packages."""
    with console.status("dbt deps"):
        dbt_deps()
    console.print("[green]dbt deps done[/]")


@main.command()
@click.option("--seed", default=datagen.DEFAULT_SEED, show_default=True, help="Random seed.")
@click.option("--people", default=datagen.DEFAULT_PEOPLE, show_default=True, help="Number of customers.")
def generate(seed: int, people: int) -> None:
    """Write the generated seeds of the integration project (events, identifications, CRM graphs)."""
    data = write_generated_seeds(seed, people)
    console.print(f"{len(data.events):,} events, {len(data.identifies):,} identifications and the CRM identifier graphs written to {GENERATED_SEEDS_DIR}")


@main.command()
@click.option("--seed", default=datagen.DEFAULT_SEED, show_default=True, help="Random seed.")
@click.option("--workdir", type=click.Path(path_type=Path), default=REPO_ROOT / "integration_tests" / "target" / "demo", show_default=True)
def demo(seed: int, workdir: Path) -> None:
    """Generate data, `dbt build` the integration project on DuckDB and summarise it."""
    from .summary import print_summary

    with console.status("generating Faker data"):
        data = write_generated_seeds(seed)
    console.print(f"[bold]1/3[/] generated {len(data.events):,} events, {len(data.identifies):,} identifications and the CRM identifier graphs (seed {seed})")
    console.print("[bold]2/3[/] dbt build on DuckDB (dbt prints each node as it finishes)")
    workspace = DbtWorkspace(target="duckdb", workdir=workdir)
    workspace.invoke("build")
    console.print("[bold]3/3[/] summary")
    print_summary(workspace.duckdb_path, console)


if __name__ == "__main__":
    main()
