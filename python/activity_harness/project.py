"""A built integration project: generate data, build once, query the results."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dbt import DbtError, DbtWorkspace, describe_failure
from .generate import DEFAULT_SEED, integration
from .paths import GENERATED_SEEDS_DIR
from .warehouses import PostgresServer


def harness_seed() -> int:
    """The data seed: fixed in CI, overridable with ACTIVITY_HARNESS_SEED for a fresh random run."""
    return int(os.environ.get("ACTIVITY_HARNESS_SEED", DEFAULT_SEED))


@dataclass(frozen=True)
class NodeResult:
    """One node's outcome in a build, as dbt's run_results.json records it."""

    unique_id: str
    status: str  # success, error, skipped; pass, fail, warn for tests
    message: str | None
    failures: int | None  # the rows a data test returned


@dataclass
class BuiltProject:
    workspace: DbtWorkspace
    data: integration.GeneratedData
    seed: int
    # The build's node results, read once like the manifest: a later dbt call rewrites
    # target/run_results.json.
    results: list[NodeResult] = field(default_factory=list)
    # The build's manifest, read once: a later dbt call in the workspace (a `compile --inline`)
    # rewrites target/manifest.json.
    manifest: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, workspace: DbtWorkspace, data: integration.GeneratedData, seed: int) -> BuiltProject:
        """The project a workspace's last `dbt build` left: its manifest and node results."""
        manifest = json.loads((workspace.workdir / "target" / "manifest.json").read_text())
        results = [NodeResult(r["unique_id"], str(r["status"]), r.get("message"), r.get("failures")) for r in workspace.run_results().values()]
        return cls(workspace=workspace, data=data, seed=seed, results=results, manifest=manifest)

    def query(self, sql: str) -> list[dict[str, Any]]:
        return self.workspace.query(sql)

    def compiled_sql(self, model: str) -> str:
        """The SQL the build ran for a model of the project."""
        return str(model_node(self.manifest, model)["compiled_code"])

    def relation(self, model: str) -> str:
        """A model's table, as the warehouse's SQL names it."""
        return str(model_node(self.manifest, model)["relation_name"])


def model_node(manifest: dict[str, Any], name: str) -> dict[str, Any]:
    """The one model called `name` in a manifest (of the project or a package it installs)."""
    [node] = [n for n in manifest["nodes"].values() if n["resource_type"] == "model" and n["name"] == name]
    return dict(node)


def typed_seeds(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The manifest's seed nodes that set column_types."""
    return [node for node in manifest["nodes"].values() if node["resource_type"] == "seed" and node["config"].get("column_types")]


def write_generated_seeds(seed: int) -> integration.GeneratedData:
    """Write every generated seed of the integration project: the web product's events and
    identifications, and the headless CRM identifier graphs."""
    return integration.write_seeds(seed, GENERATED_SEEDS_DIR)


def build(workdir: Path, seed: int, target: str = "duckdb", postgres: PostgresServer | None = None, check: bool = True) -> BuiltProject:
    """Generate the data and `dbt build` the integration project once on a target. With
    check=False a failing node does not raise: the results say what failed."""
    data = write_generated_seeds(seed)
    workspace = DbtWorkspace(target=target, workdir=workdir, postgres=postgres)
    result = workspace.invoke("build", *workspace.warehouse.exclude_arguments(), check=check)
    if result.exception is not None:  # nothing ran (a parse or connection error): never a silent skip
        raise DbtError(describe_failure(["build"], result))
    return BuiltProject.read(workspace, data, seed)


def copy_duckdb_build(built: Path, workdir: Path, seed: int) -> BuiltProject:
    """A DuckDB build of the project (the workdir `build` was given) copied into a workspace of
    its own: database file, manifest, results and partial-parse state. Its queries and later
    dbt calls touch the copy alone."""
    shutil.copytree(built, workdir, dirs_exist_ok=True)
    return BuiltProject.read(DbtWorkspace(target="duckdb", workdir=workdir), write_generated_seeds(seed), seed)
