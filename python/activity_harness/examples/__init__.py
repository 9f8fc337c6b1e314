"""The example client projects under examples/: each installs the package from this
checkout, reads a generated dataset from its DuckDB file, and is built with dbt in-process.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Console

from ..dbt import DbtWorkspace
from ..generate import DEFAULT_SEED, Generated, generate
from ..paths import REPO_ROOT

EXAMPLES_DIR = REPO_ROOT / "examples"
REPORTS_DIR = REPO_ROOT / "reports" / "examples"


@dataclass(frozen=True)
class Example:
    name: str  # its folder under examples/
    dataset: str  # what `activity-harness generate` loads into it
    scale: float  # size for `make examples` and the committed report
    test_scale: float  # size for the test suite: small, every case still present
    incremental_loads: int = 0  # loads after the first one, each followed by a build

    @property
    def project_dir(self) -> Path:
        return EXAMPLES_DIR / self.name


EXAMPLES: dict[str, Example] = {e.name: e for e in (
    Example("web_activity", "web", scale=4.0, test_scale=0.6),
    Example("sbdk", "sbdk", scale=4.0, test_scale=0.6),
    Example("event_stream", "event_stream", scale=1.0, test_scale=0.2, incremental_loads=2),
    Example("crm", "crm", scale=3.0, test_scale=0.5),
)}


@dataclass
class ExampleBuild:
    """An example's generated database and its dbt workspace, with every dbt run so far."""

    example: Example
    workdir: Path
    seed: int
    scale: float
    workspace: DbtWorkspace
    loads: list[Generated] = field(default_factory=list)
    runs: list[Any] = field(default_factory=list)  # dbt results of each build

    @property
    def database(self) -> Path:
        return self.workdir / f"{self.example.dataset}.duckdb"

    def load(self, mode: str, console: Console | None = None) -> Generated:
        generated = generate(self.example.dataset, self.seed, self.scale, self.workdir, "duckdb", mode, console)
        self.loads.append(generated)
        return generated

    def build(self, *args: str) -> Any:
        """`dbt build` (extra arguments such as --full-refresh); failing nodes are in the result, not raised."""
        result = self.workspace.invoke("build", *args, check=False)
        self.runs.append(result)
        return result

    @contextlib.contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with duckdb.connect(str(self.database)) as connection:
            yield connection

    def query(self, sql: str, parameters: list[object] | None = None) -> list[dict[str, Any]]:
        with self.connection() as connection:
            cursor = connection.execute(sql, parameters or [])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]


def install_packages(example: Example) -> None:
    """`dbt deps` of an example (the package itself, from this checkout), once."""
    if not (example.project_dir / "dbt_packages" / "activity_schema").exists():
        DbtWorkspace("duckdb", example.project_dir / "target" / "deps", project_dir=example.project_dir).invoke("deps")


def start(example: Example, workdir: Path, seed: int = DEFAULT_SEED, scale: float | None = None) -> ExampleBuild:
    """A fresh workdir for an example: its database, dbt target and logs live there."""
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    install_packages(example)
    database = workdir / f"{example.dataset}.duckdb"
    workspace = DbtWorkspace("duckdb", workdir / "dbt", project_dir=example.project_dir, env={"ACTIVITY_SCHEMA_DUCKDB_PATH": str(database)})
    return ExampleBuild(example=example, workdir=workdir, seed=seed, scale=example.scale if scale is None else scale, workspace=workspace)


def build_example(example: Example, workdir: Path, seed: int = DEFAULT_SEED, scale: float | None = None, console: Console | None = None) -> ExampleBuild:
    """Generate the first load and build; then each incremental load and build again."""
    built = start(example, workdir, seed, scale)
    built.load("first", console)
    built.build()
    for _ in range(example.incremental_loads):
        built.load("incremental", console)
        built.build()
    return built


def failures(result: Any, allow_warnings: bool = True) -> dict[str, str]:
    """{node: status and message} of a dbt run's nodes that did not succeed (warnings allowed unless asked)."""
    accepted = {"success", "pass"} | ({"warn"} if allow_warnings else set())
    return {
        r.node.name: f"{r.status}: {r.message}"
        for r in getattr(result.result, "results", None) or []
        if str(r.status) not in accepted
    }
