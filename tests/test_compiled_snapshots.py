"""Compiled SQL of central models per dialect lives in tests/snapshots/, so a reviewer sees
dialect changes in diffs. A change fails until it is accepted with
ACTIVITY_SCHEMA_UPDATE_SNAPSHOTS=1 (then review and commit the new files)."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

import pytest

from activity_harness.bigquery_offline import BigQueryCompile
from activity_harness.dbt import DbtWorkspace
from activity_harness.project import BuiltProject, model_node

SNAPSHOT_DIR = Path(__file__).parent / "snapshots"
# One temporal join, identity stitching (windows and a resolve_identity call).
CENTRAL_MODELS = ("tjd_last_in_between", "identity_time_windows", "stitched_raw_events")
# One round of the headless CRM's connected components: it runs inside a materialization,
# so it is compiled on its own, over named stand-ins for the round's tables.
CRM_ROUND = "{{ activity_schema._connected_components_round_sql('crm_labels_round_n', 'crm_edges') }}"


def compiled_inline(workspace: DbtWorkspace, sql: str, *flags: str) -> str:
    return workspace.compile_inline(sql, *flags).strip() + "\n"


def compiled_code(manifest: dict[str, Any], model: str) -> str:
    return str(model_node(manifest, model)["compiled_code"]).strip() + "\n"


def check_snapshot(dialect: str, model: str, sql: str) -> None:
    path = SNAPSHOT_DIR / dialect / f"{model}.sql"
    if os.environ.get("ACTIVITY_SCHEMA_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sql)
        return
    assert path.exists(), f"no snapshot {path}; create it with ACTIVITY_SCHEMA_UPDATE_SNAPSHOTS=1, review and commit it"
    expected = path.read_text()
    diff = "".join(difflib.unified_diff(expected.splitlines(True), sql.splitlines(True), str(path), "compiled now"))
    assert not diff, f"compiled {dialect} SQL of {model} changed; review, then accept with ACTIVITY_SCHEMA_UPDATE_SNAPSHOTS=1:\n{diff[:4000]}"


@pytest.mark.snowflake
@pytest.mark.parametrize("model", CENTRAL_MODELS)
def test_snowflake_sql_snapshot(snowflake_project: BuiltProject, model: str) -> None:
    check_snapshot("snowflake", model, compiled_code(snowflake_project.manifest, model))


@pytest.mark.bigquery
@pytest.mark.parametrize("model", CENTRAL_MODELS)
def test_bigquery_sql_snapshot(bigquery_compile: BigQueryCompile, model: str) -> None:
    check_snapshot("bigquery", model, compiled_code(bigquery_compile.manifest, model))


@pytest.mark.snowflake
def test_snowflake_crm_round_snapshot(snowflake_project: BuiltProject) -> None:
    check_snapshot("snowflake", "connected_components_round", compiled_inline(snowflake_project.workspace, CRM_ROUND))


@pytest.mark.bigquery
def test_bigquery_crm_round_snapshot(tmp_path: Path) -> None:
    workspace = DbtWorkspace("bigquery", tmp_path)
    check_snapshot("bigquery", "connected_components_round", compiled_inline(workspace, CRM_ROUND, "--no-introspect", "--no-populate-cache"))
