"""The SQL each formulation runs: the package's joins compiled by dbt from a tiny project
that installs this checkout, and the peers' compiled the same way from their checkouts,
each against the warehouse timed. Each project's database is named like the timed one:
it is the catalog every compiled relation names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import REPO_ROOT
from .cases import BASIC_CASES, CASES, MULTI_CASES, Case, multi_model
from .streams import COHORT, PERSON_KEY_SQL, STREAM_ORDER, TARGET

if TYPE_CHECKING:
    from .warehouses import BenchWarehouse

STREAM_COLUMNS = ("activity_id", "ts", "activity", "customer", "anonymous_customer_id", "feature_json",
                  "revenue_impact", "link", "activity_occurrence", "activity_repeated_at")


def _write_project(project: Path, name: str, package: Path, models: dict[str, str], warehouse: BenchWarehouse, extra: str = "") -> None:
    (project / "models").mkdir(parents=True, exist_ok=True)
    (project / "dbt_project.yml").write_text(
        f"name: {name}\nversion: 0.1.0\nconfig-version: 2\nprofile: {name}\nmodel-paths: [models]\n{extra}"
    )
    output = "".join(f"      {line}\n" for line in warehouse.profile_output(project).splitlines())
    (project / "profiles.yml").write_text(f"{name}:\n  target: {warehouse.name}\n  outputs:\n    {warehouse.name}:\n{output}")
    (project / "packages.yml").write_text(f"packages:\n  - local: '{package.resolve()}'\n")
    (project / "models" / "sources.yml").write_text(
        "version: 2\nsources:\n  - name: bench\n    schema: main\n    tables:\n      - name: stream\n      - name: peer_stream\n"
    )
    for model, sql in models.items():
        (project / "models" / f"{model}.sql").write_text(sql)


def _compiled_models(project: Path, name: str, models: list[str]) -> dict[str, str]:
    """`dbt deps` and `dbt compile` of a project, in a child process: the peers are all named
    dbt_activity_schema, and one process's dbt keeps the first package it loaded by a name."""
    dbt = Path(sys.executable).with_name("dbt")
    for command in (["deps"], ["compile", "--quiet"]):
        done = subprocess.run([str(dbt), *command, "--project-dir", str(project), "--profiles-dir", str(project)],
                              cwd=project, env=dict(os.environ, DBT_SEND_ANONYMOUS_USAGE_STATS="false"), capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"dbt {command[0]} of {project} failed:\n{done.stdout}\n{done.stderr}")
    compiled = project / "target" / "compiled" / name / "models"
    return {model: (compiled / f"{model}.sql").read_text() for model in models}


# A model whose compiled text is the package's stream_table_config on the target, as JSON.
STREAM_CONFIG_MODEL = "stream_table_config"


def compile_ours(project: Path, warehouse: BenchWarehouse) -> tuple[dict[str, str], dict[str, Any]]:
    """The package's SQL of every case and of each multi_temporal_analysis call, and its
    stream table options on the warehouse."""
    stream = "source('bench', 'stream')"
    models = {case.name: case.ours(stream) for case in CASES} | {name: multi_model(stream, joins) for name, joins in MULTI_CASES.items()}
    name = "activity_schema_bench"
    _write_project(project, name, REPO_ROOT, models | {STREAM_CONFIG_MODEL: "{{ tojson(activity_schema.stream_table_config()) }}\n"}, warehouse)
    compiled = _compiled_models(project, name, [*models, STREAM_CONFIG_MODEL])
    return {model: compiled[model] for model in models}, json.loads(compiled[STREAM_CONFIG_MODEL])


# bcodell's package refs its stream and each activity's model by name, and needs these vars.
B_VARS = """vars:
  dbt_activity_schema:
    column_configuration:
      included_optional_columns: [revenue_impact, link]
    streams:
      customer_stream:
        customer_id_alias: customer
        anonymous_customer_id_alias: anonymous_customer_id
        model_prefix: customer__
"""


def peer_kind(checkout: Path) -> str:
    """'b' for a checkout of bcodell/dbt-activity-schema, 't' for tnightengale's."""
    if (checkout / "macros" / "aql" / "parse.sql").is_file():
        return "b"
    if (checkout / "macros" / "relationships" / "append_only" / "first_after.sql").is_file():
        return "t"
    raise ValueError(f"{checkout}: not a checkout of bcodell/dbt-activity-schema or tnightengale/dbt-activity-schema")


def _b_model(case: Case) -> str:
    cohort_columns = ",\n    ".join(f"{c} as {c}" for c in STREAM_COLUMNS)
    return (
        "{% set aql %}\nusing customer_stream\n"
        f"select all {COHORT} (\n    {cohort_columns}\n)\n{case.b}\n"
        "{% endset %}\n{{ dbt_activity_schema.dataset(aql) }}\n"
    )


def _t_model(case: Case) -> str:
    return (
        "{{ dbt_activity_schema.dataset(\n    activity_stream=source('bench', 'peer_stream'),\n"
        f"    primary_activity=dbt_activity_schema.activity(dbt_activity_schema.all_ever(), '{COHORT.replace('_', ' ')}', {list(STREAM_COLUMNS)}),\n"
        f"    appended_activities=[{case.t}],\n) }}}}\n"
    )


def compile_peer(checkout: Path, project: Path, warehouse: BenchWarehouse) -> tuple[str, dict[str, str]]:
    """(kind, compiled SQL per case) of a peer checkout, in a project of its own."""
    kind = peer_kind(checkout)
    if kind == "b":
        models = {case.name: _b_model(case) for case in CASES if case.b}
        models["customer_stream"] = "{{ config(materialized='view') }}\nselect * from {{ source('bench', 'peer_stream') }}\n"
        for activity in (COHORT, TARGET):
            models[f"customer__{activity}"] = (
                "{{ config(materialized='view', stream='customer_stream') }}\n"
                f"select * from {{{{ ref('customer_stream') }}}} where activity = '{activity.replace('_', ' ')}'\n"
            )
    else:
        models = {case.name: _t_model(case) for case in CASES if case.t}
    name = f"peer_bench_{kind}"
    _write_project(project, name, checkout, models, warehouse, B_VARS if kind == "b" else "")
    return kind, _compiled_models(project, name, [case.name for case in CASES if (case.b if kind == "b" else case.t)])


# The stream as both peers read it: `customer` is activity_schema's person key (so that T,
# which joins on customer alone, and B, which coalesces, both see its people), rows without
# a person are dropped, activity names are spelled with spaces (B matches the model name
# with '_' turned into ' '), the occurrence columns they trust are recomputed per person, and
# the rows keep the stream's time order: left in the window's output order they would be
# clustered by person, which made the peers' joins up to 2.4x faster than over the same rows
# in time order.
PEER_STREAM_SQL = f"""
create or replace table peer_stream as
select
    activity_id, ts, replace(activity, '_', ' ') as activity, person as customer, anonymous_customer_id,
    feature_json, revenue_impact, link,
    row_number() over (partition by person, activity order by ts, activity_id) as activity_occurrence,
    lead(ts) over (partition by person, activity order by ts, activity_id) as activity_repeated_at
from (
    select *, {PERSON_KEY_SQL} as person
    from stream
) as keyed
where person is not null
order by {STREAM_ORDER};
create or replace view customer_stream as select * from peer_stream;
"""


def peer_columns(case: Case, kind: str) -> dict[str, str]:
    """Our appended column -> the peer's column holding the same value. B's carry the
    aliases given (our names); T names them {relationship}_{activity}_{column}, an
    aggregate after the column it counts, nth_ever as nth_ever_{n}."""
    if kind == "b":
        return {column: column for column in case.appended}
    relationship = case.t.split("dbt_activity_schema.", 2)[2].split("(", 1)[0] if case.t else ""
    if relationship == "nth_ever":
        relationship = f"nth_ever_{case.options['nth']}"
    theirs = f"{relationship}_{TARGET}"
    if case.pick == "aggregate":
        return {case.appended[0]: f"{theirs}_activity_id"}
    return {f"{case.prefix}_{c}": f"{theirs}_{c}" for c in ("ts", "revenue_impact")}


__all__ = ["BASIC_CASES", "compile_ours", "compile_peer", "peer_columns", "PEER_STREAM_SQL"]
