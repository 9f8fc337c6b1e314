"""A production history of the integration project's production feature, replayed on one
warehouse in a workspace of its own, with the tables captured after each step:

1. the first load (batch 1 of the event and identity sources; the CRM's sources as
   ingested before CRM_FIRST_LOAD's cutoff);
2. the second load, interrupted: the identity source fails, so the identity models and the
   stitched stream are skipped while the unstitched stream takes the batch in, and the CRM
   loads the rest of its sources incrementally;
3. the third load, run again as after a fix: a late row, a device identified since
   batch 1 (its first row is outside the lookback), and the stitched stream catching up
   on batches 2 and 3;
4. erase_person for Alice (customer u1, also CRM user u1), twice;
5. the third load once more: the sources still hold Alice;
6. (DuckDB) a full refresh.

The CRM layer runs on its golden sources only (the generated graphs do not involve Alice
and would only add minutes).
"""

from __future__ import annotations

import datetime
import decimal
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from activity_harness.dbt import DbtWorkspace, failing_nodes
from activity_harness.paths import INTEGRATION_DIR

Row = dict[str, Any]
Tables = dict[str, list[Row]]

SELECTION = [
    "--select", "+prod_stream+", "+prod_stream_unstitched+", "erasure_log", "provenance_chain",
    "+tag:headless_crm",
    # The golden expectation (for the tests), not the cross-warehouse copies of the insight
    # tables: they are no part of a client's history.
    "prod_stream_expected", "--exclude", "prod_insight_atoms", "prod_context_cache", "prod_provenance_chain",
]
STREAMS = ("prod_stream", "prod_stream_unstitched")
UNION_MODELS = tuple(f"headless_crm_{kind}" for kind in (
    "events", "person_identifiers", "person_traits", "group_identifiers", "group_traits", "membership_identifiers"))
# The CRM's first load: what its golden adapters' sources ingested before this (the env var
# is their `where`); the next run loads the rest incrementally.
CRM_FIRST_LOAD = {"ACTIVITY_SCHEMA_TEST_CRM_FILTER": "_ingested_at < '2024-02-15'"}
ERASURE_TABLES = ("erasure_log", "erasure_suppressions")

# Alice, as the golden sources know her: stream customer u1 with device dev_a1 and events
# e01-e04, e13, e16 (e03 anonymous on dev_shared, which she shared with Eve, u3), CRM user
# u1, storefront customer sc1 with orders so1 and so2, app memberships m1 and m2, manual
# contact c1. A row is hers when a cell holds one of these tokens (cells split on anything
# but letters, digits, _ @ . +) or raw spellings, or, in the CRM's event table, when it
# is her contact's event.
ALICE_TOKENS = frozenset({
    "u1", "dev_a1", "e01", "e02", "e03", "e04", "e13", "e16", "sc1", "so1", "so2", "m1", "m2",
    "alice@example.com", "Alice@Example.com", "ALICE@example.com",
    "alice.work@acme.test", "14155550101", "Alice", "Alicia", "Archer", "CTO",
    hashlib.md5(b"email alice.work@acme.test").hexdigest(),  # her person_id
})
ALICE_SPELLINGS = ("(415) 555-0101", "+1 415 555 0101", "415.555.0101")
ALICE_RECORDS = {"headless_crm_events": {("manual_list", "c1")}}


def crm_golden_settings() -> dict[str, Any]:
    """vars.headless_crm of the integration project without the generated sources."""
    settings = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]["headless_crm"]
    return {**settings, "sources": [source for source in settings["sources"] if source["name"] != "generated"]}


def incremental_unions(result: Any) -> list[str]:
    """The CRM union models a dbt run compiled incrementally (reading their watermarks)."""
    return sorted(r.node.name for r in result.result.results if r.node.name in UNION_MODELS and "watermarks" in (r.node.compiled_code or ""))


def batch_env(batch: int, interrupted: bool = False) -> dict[str, str]:
    return {"ACTIVITY_SCHEMA_TEST_BATCH": str(batch), "ACTIVITY_SCHEMA_TEST_INTERRUPT": "1" if interrupted else ""}


def cell_text(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(float(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value) if value is not None else ""


def canonical(row: Row) -> str:
    """One row as text, columns in name order: rows compare as multisets of these."""
    return json.dumps({column: cell_text(value) for column, value in sorted(row.items())}, ensure_ascii=False)


def is_alices(table: str, row: Row) -> bool:
    for value in row.values():
        text = cell_text(value)
        if ALICE_TOKENS.intersection(re.split(r"[^\w@.+]+", text)) or any(spelling in text for spelling in ALICE_SPELLINGS):
            return True
    return (row.get("source"), row.get("id")) in ALICE_RECORDS.get(table, set())


def multiset(rows: list[Row]) -> Counter[str]:
    return Counter(canonical(row) for row in rows)


@dataclass
class Scenario:
    warehouse: str
    workspace: DbtWorkspace
    first_load: Tables = field(default_factory=dict)
    interrupted_failures: dict[str, str] = field(default_factory=dict)
    interrupted_crm_increments: list[str] = field(default_factory=list)  # incremental_unions of the interrupted load
    # DuckDB: the stitched stream's increment for the third load, computed before it ran,
    # and the same increment's SQL run again afterwards (the load once more: nothing).
    increment: list[Row] = field(default_factory=list)
    increment_again: list[Row] = field(default_factory=list)
    loaded: Tables = field(default_factory=dict)
    before_erasure: Tables = field(default_factory=dict)
    after_erasure: Tables = field(default_factory=dict)
    erasure_messages: list[list[str]] = field(default_factory=list)  # erase_person's report, per call
    # DuckDB: dry runs of the erasure by other ids of Alice's, and the refused one by the
    # device she shared with Eve.
    dry_runs: dict[str, list[str]] = field(default_factory=dict)
    shared_device_refusal: str = ""
    reloaded: Tables = field(default_factory=dict)
    refreshed: Tables = field(default_factory=dict)

    def invoke(self, *args: str, env: dict[str, str], check: bool = True) -> Any:
        # Every step runs on one parse: the steps' environment variables reach only compiled SQL.
        vars = {"headless_crm": crm_golden_settings()}
        return self.workspace.invoke(*args, vars=vars, env=env, check=check, manifest=self.workspace.parsed(vars))

    def tables(self) -> Tables:
        """Every table of the workspace's schema but the seeds, with all its rows."""
        seeds = {node["name"] for node in json.loads((self.workspace.workdir / "target" / "manifest.json").read_text())["nodes"].values()
                 if node["resource_type"] == "seed"}
        schema = self.workspace.warehouse.schema(self.workspace)
        names = [row["table_name"] for row in self.workspace.query(
            f"select table_name from information_schema.tables where table_schema = '{schema}' and table_type = 'BASE TABLE'")]
        return {name.lower(): self.workspace.query(f"select * from {name}") for name in names if name.lower() not in seeds}


def replay(workspace: DbtWorkspace, full: bool) -> Scenario:
    """The history above; `full` adds the DuckDB-only steps (the increment computed before
    the third load, the full refresh)."""
    scenario = Scenario(workspace.target, workspace)
    scenario.invoke("build", *SELECTION, "--exclude-resource-type", "test", env={**batch_env(1), **CRM_FIRST_LOAD})
    scenario.first_load = scenario.tables()
    interrupted = scenario.invoke("run", *SELECTION, env=batch_env(2, interrupted=True), check=False)
    scenario.interrupted_failures = failing_nodes(interrupted)
    scenario.interrupted_crm_increments = incremental_unions(interrupted)
    if full:
        # Everything the stitched stream reads, at the third load; then its increment.
        scenario.invoke("run", "--select", "+prod_stream", "--exclude", "prod_stream", env=batch_env(3))
        compiled = scenario.invoke("compile", "--select", "prod_stream", "--indirect-selection", "empty", env=batch_env(3))
        increment_sql = compiled.result.results[0].node.compiled_code
        scenario.increment = workspace.query(increment_sql)
    scenario.invoke("run", *SELECTION, env=batch_env(3))
    if full:
        scenario.increment_again = workspace.query(increment_sql)
    scenario.loaded = scenario.tables()
    if full:
        for key in ({"identifier_type": "email", "identifier": " Alice@Example.com "}, {"anonymous_customer_id": "dev_a1"}):
            scenario.invoke("run-operation", "activity_schema.erase_person", "--args", json.dumps({**key, "dry_run": True}), env=batch_env(3))
            scenario.dry_runs[json.dumps(key)] = [line for line in workspace.log if line.startswith("erase_person:")]
        refused = scenario.invoke("run-operation", "activity_schema.erase_person", "--args", json.dumps({"anonymous_customer_id": "dev_shared"}), env=batch_env(3), check=False)
        scenario.shared_device_refusal = "" if refused.success else "\n".join(workspace.log)
    scenario.before_erasure = scenario.tables()
    for _ in range(2):
        scenario.invoke("run-operation", "activity_schema.erase_person", "--args", json.dumps({"customer": "u1", "erased_by": "privacy-team"}), env=batch_env(3))
        scenario.erasure_messages.append([line for line in workspace.log if line.startswith("erase_person:")])
        scenario.after_erasure = scenario.after_erasure or scenario.tables()
    scenario.invoke("run", *SELECTION, env=batch_env(3))
    scenario.reloaded = scenario.tables()
    if full:
        scenario.invoke("build", *SELECTION, "--exclude-resource-type", "test", "--full-refresh", env=batch_env(3))
        scenario.refreshed = scenario.tables()
    return scenario
