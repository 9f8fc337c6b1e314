"""`activity-harness`: set up, generate data, build the integration project, benchmark."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from .bench.crm import bench_crm
from .bench.run import bench
from .dbt import DbtWorkspace, deps as dbt_deps
from .examples.commands import examples_command, report_command
from .generate import DEFAULT_SEED
from .generate.commands import bench_generate, generate_command
from .matrix import publish_latest
from .paths import REPO_ROOT
from .project import write_generated_seeds

console = Console()


@click.group()
def main() -> None:
    """Harness for the activity_schema dbt package."""


main.add_command(bench)
main.add_command(bench_crm)
main.add_command(generate_command)
main.add_command(bench_generate)
main.add_command(examples_command)
main.add_command(report_command)


@main.command()
def deps() -> None:
    """Install the integration project's dbt packages."""
    with console.status("dbt deps"):
        dbt_deps()
    console.print("[green]dbt deps done[/]")


@main.command("matrix-report")
def matrix_report() -> None:
    """Publish the last full test run's warehouse matrix (reports/latest/) as the committed
    reports/warehouse_matrix.md and .html and README.md's matrix table."""
    try:
        published = publish_latest()
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from error
    console.print(f"[green]warehouse matrix published[/]: {published} and README.md")


@main.command()
@click.option("--seed", default=DEFAULT_SEED, show_default=True, help="Random seed.")
@click.option("--workdir", type=click.Path(path_type=Path), default=REPO_ROOT / "integration_tests" / "target" / "demo", show_default=True)
def demo(seed: int, workdir: Path) -> None:
    """Generate data, `dbt build` the integration project on DuckDB and summarise it."""
    from .summary import print_summary

    with console.status("generating the integration data"):
        data = write_generated_seeds(seed)
    console.print(f"[bold]1/3[/] generated {len(data.events):,} events, {len(data.identifies):,} identifications and the CRM identifier graphs (seed {seed})")
    console.print("[bold]2/3[/] dbt build on DuckDB (dbt prints each node as it finishes)")
    workspace = DbtWorkspace(target="duckdb", workdir=workdir)
    workspace.invoke("build")
    console.print("[bold]3/3[/] summary")
    print_summary(workspace.duckdb_path, console)
    console.print(
        "\n[bold]Next[/]: the example client projects in examples/ (web_activity, sbdk, event_stream, crm) use the "
        "package end to end; `make examples` builds them all and writes reports/examples/*.html "
        "(see reports/examples/web_activity.html)."
    )


if __name__ == "__main__":
    main()
