"""The examples' commands: `examples` (generate, build, report) and `report`."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from ..generate import DEFAULT_SEED
from . import EXAMPLES, REPORTS_DIR, build_example, failures
from .reports import write_report

console = Console()


@click.command("examples")
@click.option("--only", type=click.Choice(list(EXAMPLES)), multiple=True, help="Build only this example (repeatable).")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, help="Random seed of the generated data.")
def examples_command(only: tuple[str, ...], seed: int) -> None:
    """Build the example projects on DuckDB: generate each one's data into examples/NAME/data,
    `dbt build` it (every load, for event_stream), then write reports/examples/NAME.html."""
    for name in only or tuple(EXAMPLES):
        example = EXAMPLES[name]
        console.rule(f"[bold]{name}[/] (dataset {example.dataset}, scale {example.scale:g})")
        built = build_example(example, example.project_dir / "data", seed, console=console)
        problems = {node: message for run in built.runs for node, message in failures(run).items()}
        if problems:
            raise click.ClickException(f"{name}: " + "; ".join(f"{node}: {message}" for node, message in sorted(problems.items())))
        page = write_report(name, built.database, REPORTS_DIR)
        console.print(f"[green]{name}[/]: {len(built.runs)} dbt build(s) passed; report: {page}")


@click.command("report")
@click.argument("name", type=click.Choice(list(EXAMPLES)))
@click.option("--database", type=click.Path(path_type=Path), default=None, help="The built example's DuckDB file (default: where `examples` builds it).")
@click.option("--out", type=click.Path(path_type=Path), default=REPORTS_DIR, show_default=True)
def report_command(name: str, database: Path | None, out: Path) -> None:
    """Write an example's report (HTML and PNG charts) from its built database."""
    example = EXAMPLES[name]
    try:
        page = write_report(name, database or example.project_dir / "data" / f"{example.dataset}.duckdb", out)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from error
    console.print(f"report: {page}")
