"""A built integration project: generate data, build once, query the results."""

from __future__ import annotations

import json
import os
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


# Features a local warehouse cannot run, with why; the build leaves them out (every one of
# their nodes descends from the listed seeds) and the matrix shows the reason.
UNSUPPORTED_FEATURES: dict[str, dict[str, str]] = {
    "spark": {
        "production": "incremental streams and the context cache upsert with Spark's merge, which needs file_format delta, "
        "iceberg or hudi (jars from Maven, out of reach here); the identity source of the feature is still built",
    },
}
FEATURE_ROOTS = {"production": ("prod_events+",)}

# Single models a local warehouse cannot build, with why: the build leaves them and their
# tests out, the rest of their feature is compared, and the matrix shows the reason.
UNSUPPORTED_MODELS: dict[str, dict[str, str]] = {
    "postgres": {
        "cross_db_window_ignore_nulls": "window_ignore_nulls is a compile error on Postgres, which has no null treatment "
        "in window functions (the temporal joins pick by min/max over a sortable key there)",
    },
    # BigQuery offline: compiled and guarded, but not run, where sqlglot's BigQuery-to-DuckDB
    # transpile (not the BigQuery SQL) is wrong.
    "bigquery": {
        "cross_db_json": "not run offline: sqlglot keeps json_type(...) = 'object', DuckDB's json_type says 'OBJECT'",
        "cross_db_json_text": "not run offline: sqlglot writes safe.parse_json as SAFE.JSON(...), which DuckDB lacks",
        "cross_db_json_build": "not run offline: sqlglot keeps json_object(key array, value array), DuckDB's json_object takes pairs",
    },
}


@dataclass
class BuiltProject:
    workspace: DbtWorkspace
    data: integration.GeneratedData
    seed: int
    results: list[Any] = field(default_factory=list)  # dbt's per-node results of the build

    def query(self, sql: str) -> list[dict[str, Any]]:
        return self.workspace.query(sql)

    @property
    def manifest(self) -> dict[str, Any]:
        return json.loads((self.workspace.workdir / "target" / "manifest.json").read_text())


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
    excluded = [root for feature in UNSUPPORTED_FEATURES.get(target, {}) for root in FEATURE_ROOTS[feature]]
    excluded += [f"{model}+" for model in UNSUPPORTED_MODELS.get(target, {})]
    result = workspace.invoke("build", *(["--exclude", *excluded] if excluded else []), check=check)
    if result.exception is not None:  # nothing ran (a parse or connection error): never a silent skip
        raise DbtError(describe_failure(["build"], result))
    return BuiltProject(workspace=workspace, data=data, seed=seed, results=list(getattr(result.result, "results", None) or []))
