"""Run dbt in-process against the integration project, one isolated workspace per target."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .paths import INTEGRATION_DIR
from .warehouses import PostgresServer, Warehouse, warehouse_of

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")


class DbtError(RuntimeError):
    """A dbt invocation failed; the message lists every failing node and why."""


@dataclass
class DbtWorkspace:
    """One dbt target with its own target/log paths and its own database (DuckDB file,
    Postgres database, fakesnow files or Spark schema), so runs never share partial-parsing
    state or data. What differs per target is its Warehouse's."""

    target: str
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    project_dir: Path = INTEGRATION_DIR
    postgres: PostgresServer | None = None
    log: list[str] = field(default_factory=list, init=False)
    warehouse: Warehouse = field(init=False)
    _manifests: dict[str, Any] = field(default_factory=dict, init=False, repr=False)  # --vars text -> parsed project

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.warehouse = warehouse_of(self.target)
        for name, value in self.warehouse.profile_env(self).items():
            self.env.setdefault(name, value)
        self.warehouse.setup(self)

    @property
    def duckdb_path(self) -> Path:
        return self.workdir / "activity_schema.duckdb"

    def session(self) -> contextlib.AbstractContextManager[None]:
        """What every dbt call and query of this workspace runs inside (fakesnow's patch)."""
        return self.warehouse.session(self)

    def query(self, sql: str) -> list[dict[str, Any]]:
        """Rows of a query against this workspace's database, as dicts with lowercase keys.
        Local warehouses are queried directly, real ones through `dbt show`."""
        return self.warehouse.query(self, sql)

    def execute(self, sql: str) -> None:
        """Run a statement that returns no rows (DDL) against this workspace's database."""
        self.warehouse.execute(self, sql)

    def invoke(self, *args: str, vars: dict[str, Any] | None = None, env: dict[str, str] | None = None, check: bool = True,
               manifest: Any = None) -> Any:
        """Run one dbt command; raise DbtError naming the failures unless check is False.
        `env` holds environment variables for this command only (unlike --vars, a changed
        env_var re-parses only the files that read it). A `manifest` (a parse's result)
        spares the command its own parse. The command's log messages are kept in self.log."""
        from dbt.cli.main import dbtRunner

        command = self.command(*args, vars=vars)
        os.environ.update(self.env)
        saved = {name: os.environ.get(name) for name in env or {}}
        os.environ.update(env or {})
        self.log = []

        def keep(event: Any) -> None:  # dbt's EventMsg, whose info carries the text
            self.log.append(event.info.msg)

        try:
            with self.session():
                result = dbtRunner(manifest=manifest, callbacks=[keep]).invoke(command)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        if check and not result.success:
            raise DbtError(describe_failure(command, result))
        return result

    def compile_inline(self, sql: str, *flags: str, vars: dict[str, Any] | None = None) -> str:
        """The SQL dbt compiles `sql` (Jinja over the project) to; raises DbtError if it fails."""
        result = self.inline_compilation(sql, *flags, vars=vars)
        return str(result.result.results[0].node.compiled_code)

    def parsed(self, vars: dict[str, Any] | None = None) -> Any:
        """The workspace's parse of the project for these vars, made once, for `invoke`'s
        `manifest`. Only for calls whose changes reach no parse: inline SQL, or environment
        variables that only compiled SQL reads (a model's body, not its config or refs),
        since dbt renders that again for each command."""
        key = vars_text(vars) if vars else ""
        if key not in self._manifests:
            self._manifests[key] = self.invoke("parse", vars=vars).result
        return self._manifests[key]

    def inline_compilation(self, sql: str, *flags: str, vars: dict[str, Any] | None = None, check: bool = True) -> Any:
        """`dbt compile --inline sql` on the workspace's parse of the project for these vars:
        a compile that parses again (even partially) takes twice as long."""
        manifest = self.parsed(vars)
        try:
            return self.invoke("compile", "--inline", sql, *flags, vars=vars, check=check, manifest=manifest)
        finally:
            # dbt takes its inline node out of the manifest after a compile that succeeds
            # but not after one that fails, and the next would clash with it.
            for unique_id in [unique_id for unique_id in manifest.nodes if unique_id.startswith("sql_operation.")]:
                del manifest.nodes[unique_id]

    def run_results(self) -> dict[str, dict[str, Any]]:
        """The last build's or run's results (target/run_results.json), by unique_id."""
        results = json.loads((self.workdir / "target" / "run_results.json").read_text())["results"]
        return {result["unique_id"]: result for result in results}

    def command(self, *args: str, vars: dict[str, Any] | None = None) -> list[str]:
        """A dbt command line for this workspace: its project, profile, target and paths."""
        command = [*args, "--project-dir", str(self.project_dir), "--profiles-dir", str(self.project_dir)]
        if args[0] != "deps":  # deps takes no target or paths
            command += ["--target", self.target, "--target-path", str(self.workdir / "target"), "--log-path", str(self.workdir / "logs")]
        if vars:
            command += ["--vars", vars_text(vars)]
        return command


# Runs dbt commands in turn in a process of its own: [[environment, arguments], ...].
_FRESH_PROCESS = """
import json, os, sys
from dbt.cli.main import dbtRunner
for environment, arguments in json.loads(sys.argv[1]):
    os.environ.update(environment)
    if not dbtRunner().invoke(arguments).success:
        sys.exit(f"dbt {' '.join(arguments[:1])} failed")
"""


def invoke_in_time_zone(runs: list[tuple[DbtWorkspace, list[str]]], zone: str) -> None:
    """Run dbt commands (each a workspace and the arguments of its `command`) in turn, in a
    fresh Python process whose time zone, and whose warehouse sessions' zone, is `zone`:
    nothing of this process's zone carries over. Raise DbtError with the output's tail when
    one fails."""
    for workspace, _ in runs:
        if not workspace.warehouse.time_zone_variables:
            raise ValueError(f"{workspace.target}: a fresh process cannot open its sessions")
    plan = [[{**workspace.env, **dict.fromkeys(workspace.warehouse.time_zone_variables, zone)}, arguments] for workspace, arguments in runs]
    completed = subprocess.run([sys.executable, "-c", _FRESH_PROCESS, json.dumps(plan)], env={**os.environ, "TZ": zone},
                               capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise DbtError(f"under time zone {zone}: " + (completed.stdout + completed.stderr)[-3000:])


def vars_text(vars: dict[str, Any]) -> str:
    """--vars as dbt reads them: YAML on one line. (JSON is YAML, but PyYAML reads JSON's
    1e+20 as text and a surrogate pair as two broken characters.)"""
    return str(yaml.safe_dump(vars, default_flow_style=True, allow_unicode=True, width=float("inf"), sort_keys=False)).strip()


def describe_failure(command: list[str], result: Any) -> str:
    lines = [f"dbt {' '.join(command[:1])} failed"]
    if result.exception is not None:
        lines.append(str(result.exception))
    for node_result in getattr(result.result, "results", None) or []:
        if str(node_result.status) not in ("success", "pass"):
            lines.append(f"- {node_result.node.name}: {node_result.status}: {node_result.message}")
    return "\n".join(lines)


def failing_nodes(result: Any) -> dict[str, str]:
    """{node name: message} of the nodes that did not succeed or pass."""
    return {
        node_result.node.name: str(node_result.message)
        for node_result in getattr(result.result, "results", None) or []
        if str(node_result.status) not in ("success", "pass")
    }


def deps() -> None:
    """Install the integration project's packages (the package itself, as `local: ../`)."""
    DbtWorkspace("duckdb", INTEGRATION_DIR / "target" / "deps").invoke("deps")


def stored_failures(result: Any) -> dict[str, str]:
    """{test name: relation holding its failing rows} of a run with --store-failures."""
    return {
        node_result.node.name: node_result.node.relation_name
        for node_result in getattr(result.result, "results", None) or []
        if node_result.node.resource_type == "test" and node_result.node.relation_name
    }
