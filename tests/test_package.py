"""The package as a client installs it: documented fully, and quiet when not configured."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from activity_harness.dbt import DbtWorkspace
from activity_harness.paths import INTEGRATION_DIR, REPO_ROOT
from activity_harness.project import BuiltProject, typed_seeds

pytestmark = pytest.mark.duckdb


# The package's public macros, and the test project's own (shims and adapter variants aside:
# their comments say why); each with the fewest macros the filter must find.
DOCUMENTED_MACROS = {
    "activity_schema": (lambda name: not name.startswith("_") and "__" not in name, 16),
    "activity_schema_integration_tests": (lambda name: "__" not in name, 6),
}


@pytest.mark.parametrize("package", DOCUMENTED_MACROS)
def test_every_macro_is_documented(duckdb_project: BuiltProject, package: str) -> None:
    wanted, fewest = DOCUMENTED_MACROS[package]
    macros = [m for m in duckdb_project.manifest["macros"].values() if m["package_name"] == package and wanted(m["name"])]
    assert len(macros) >= fewest
    undocumented = sorted(m["name"] for m in macros if not m["description"].strip())
    assert not undocumented, f"{package}: macros without a description in YAML: {undocumented}"


def test_seed_column_types_name_the_seed_columns(duckdb_project: BuiltProject) -> None:
    """A column_types entry for a column the CSV lacks does nothing but make agate warn on
    every load (hundreds of lines in `make demo`)."""
    seeds = typed_seeds(duckdb_project.manifest)
    assert len(seeds) > 20
    stray = {}
    for seed in seeds:
        with (INTEGRATION_DIR / seed["original_file_path"]).open(newline="") as handle:
            header = next(csv.reader(handle))
        if extra := sorted(set(seed["config"]["column_types"]) - set(header)):
            stray[seed["name"]] = extra
    assert not stray, f"column_types for columns the seed does not have: {stray}"


def test_every_package_model_and_column_is_documented(duckdb_project: BuiltProject) -> None:
    nodes = duckdb_project.manifest["nodes"].values()
    models = [n for n in nodes if n["package_name"] == "activity_schema" and n["resource_type"] == "model"]
    assert models
    for model in models:
        assert model["description"].strip(), f"{model['name']} has no description"
        built = [row["column_name"] for row in duckdb_project.query(f"select column_name from information_schema.columns where table_name = '{model['name']}' order by ordinal_position")]
        undocumented = [c for c in built if not model["columns"].get(c, {}).get("description", "").strip()]
        if model["config"].get("meta", {}).get("pivoted_columns"):
            # Data-derived columns (one per identifier type and trait) follow the id column;
            # the model's description explains them. Anything elsewhere must be documented.
            pivoted = built[1 : 1 + len(undocumented)]
            assert pivoted == undocumented, f"{model['name']}: undocumented columns outside the pivot {sorted(set(undocumented) - set(pivoted))}"
            continue
        assert not undocumented, f"{model['name']}: undocumented columns {undocumented}"


def test_package_without_vars_builds_nothing_of_its_own(tmp_path: Path) -> None:
    """A client project that sets none of the package's vars parses and builds; the
    identity and CRM layers stay disabled instead of failing."""
    project = tmp_path / "client"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: client\nversion: '1.0'\nconfig-version: 2\nprofile: client\n")
    (project / "packages.yml").write_text(f"packages:\n  - local: {REPO_ROOT}\n")
    (project / "profiles.yml").write_text(
        f"client:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: {tmp_path / 'client.duckdb'}\n"
    )
    (project / "models" / "hello.sql").write_text("select 1 as answer\n")
    workspace = DbtWorkspace("dev", tmp_path / "work", project_dir=project)
    workspace.invoke("deps")
    result = workspace.invoke("build")
    assert [r.node.name for r in result.result.results] == ["hello"]


@pytest.mark.bigquery
def test_package_model_configs_are_keys_dbt_knows(tmp_path: Path) -> None:
    """dbt checks model configs against its schema on BigQuery and Snowflake targets and warns
    about custom keys (CustomKeyInConfigDeprecation); the package keeps its own in meta."""
    workspace = DbtWorkspace("bigquery", tmp_path)
    workspace.invoke("parse", "--show-all-deprecations")
    assert not [line for line in workspace.log if "CustomKeyInConfigDeprecation" in line]
    nodes = json.loads((tmp_path / "target" / "manifest.json").read_text())["nodes"]
    assert nodes["model.activity_schema.headless_crm_person_components"]["config"]["meta"] == {"max_rounds": 64}
