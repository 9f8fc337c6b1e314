"""The integration project on every warehouse: each feature's models and tests succeed,
and each table equals DuckDB's, cell for cell, after ordering."""

from __future__ import annotations

import pytest

from activity_harness.bigquery_offline import INTROSPECTS, UPSTREAM_NOT_COMPILED, BigQueryCompile, ModelOutcome, bigquery_problems, without_build_columns
from activity_harness.matrix import FEATURES, feature_models, feature_of, node_failures, row_differences
from activity_harness.project import BuiltProject, build, harness_seed
from activity_harness.warehouses import BUILT_WAREHOUSES, WAREHOUSES


def table_rows(project: BuiltProject, model: str) -> list[dict]:
    return project.query(f"select * from {project.workspace.warehouse.relation(model)}")


_REAL_BUILDS: dict[str, BuiltProject] = {}


def warehouse_project(request: pytest.FixtureRequest, warehouse: str) -> BuiltProject:
    """The session's build on a warehouse; real accounts are built once, only when their
    credentials are in the environment."""
    if WAREHOUSES[warehouse].local:
        return request.getfixturevalue(f"{warehouse}_project")
    if missing := WAREHOUSES[warehouse].missing_credentials():
        pytest.skip(f"needs a real account: set {', '.join(missing)}")
    if warehouse not in _REAL_BUILDS:
        workdir = request.getfixturevalue("tmp_path_factory").mktemp(warehouse)
        _REAL_BUILDS[warehouse] = build(workdir, seed=harness_seed(), target=warehouse, check=False)
    return _REAL_BUILDS[warehouse]


@pytest.mark.parametrize(
    ("warehouse", "feature"),
    [pytest.param(w, f, marks=getattr(pytest.mark, w), id=f"{w}-{f}") for w in BUILT_WAREHOUSES for f in FEATURES],
)
def test_feature_on_warehouse(request: pytest.FixtureRequest, duckdb_project: BuiltProject, warehouse: str, feature: str) -> None:
    if reason := WAREHOUSES[warehouse].unsupported_features.get(feature):
        pytest.skip(f"not built on {warehouse}: {reason}")
    project = warehouse_project(request, warehouse)
    models = feature_models(project.manifest, feature)
    if not models:
        pytest.skip(f"the integration project has no {feature} models")
    if left_out := {model: reason for model, reason in WAREHOUSES[warehouse].unsupported_models.items() if model in models}:
        request.node.user_properties.append(("matrix_note", "not built: " + "; ".join(f"{model} ({reason})" for model, reason in left_out.items())))
        models = [model for model in models if model not in left_out]
    failures = node_failures(project.manifest, project.results, feature)
    assert not failures, f"{warehouse}: {len(failures)} {feature} nodes failed, e.g. {next(iter(failures.items()))}"
    if warehouse == "duckdb":
        return  # the reference side: its own tests passed; the differential tests check it against Python
    differences = {}
    for model in models:
        difference = row_differences(table_rows(duckdb_project, model), table_rows(project, model), limit=1)
        if difference:
            differences[model] = difference[0]
    assert not differences, f"{warehouse} differs from DuckDB in {len(differences)} {feature} tables: {differences}"


@pytest.mark.bigquery
@pytest.mark.parametrize("warehouse", ["bigquery"])
@pytest.mark.parametrize("feature", FEATURES)
def test_feature_on_bigquery_offline(
    request: pytest.FixtureRequest, bigquery_compile: BigQueryCompile, offline_outcomes: dict[str, ModelOutcome], duckdb_project: BuiltProject, warehouse: str, feature: str
) -> None:
    """BigQuery has no emulator: each model's compiled SQL must parse, pass the guards and,
    transpiled to DuckDB, give DuckDB's rows. Models that query the warehouse while
    compiling, or build their table at run time, cannot be checked offline and are named."""
    nodes = [n for n in bigquery_compile.manifest["nodes"].values() if n["resource_type"] == "model" and feature_of(n) == feature]
    if not nodes:
        pytest.skip(f"the integration project has no {feature} models")
    failures, unchecked = {}, {}
    for node in nodes:
        name = node["name"]
        error = bigquery_compile.errors.get(name)
        outcome = offline_outcomes.get(name)
        if error and not error.startswith((INTROSPECTS, UPSTREAM_NOT_COMPILED)):
            failures[name] = f"does not compile: {error}"
        elif problems := bigquery_problems(node.get("compiled_code") or ""):
            failures[name] = "; ".join(problems)
        elif outcome is None or outcome.status == "skipped":
            unchecked[name] = error or (outcome.reason if outcome else "not run")
        elif outcome.status != "pass":
            failures[name] = outcome.reason
        elif difference := row_differences(without_build_columns(name, duckdb_project.query(f'select * from main."{name}"')), without_build_columns(name, outcome.rows or []), limit=1):
            failures[name] = f"rows differ from DuckDB: {difference[0]}"
    assert not failures, f"{len(failures)} {feature} models fail the BigQuery checks: {failures}"
    checked = len(nodes) - len(unchecked)
    assert checked > 0, f"none of the {feature} models could be checked offline: {unchecked}"
    if unchecked:
        request.node.user_properties.append(("matrix_note", f"{checked} of {len(nodes)} models checked; not checkable offline: " + "; ".join(f"{n} ({r[:80]})" for n, r in sorted(unchecked.items()))))
