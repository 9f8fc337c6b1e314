"""Run dbt in-process against the integration project, one isolated workspace per target."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .paths import INTEGRATION_DIR
from .warehouses import PostgresServer, fakesnow_session

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")


class DbtError(RuntimeError):
    """A dbt invocation failed; the message lists every failing node and why."""


@dataclass
class DbtWorkspace:
    """One warehouse target with its own target/log paths and its own database (DuckDB
    file, Postgres database or fakesnow files), so runs never share partial-parsing state
    or data."""

    target: str
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    project_dir: Path = INTEGRATION_DIR
    postgres: PostgresServer | None = None
    log: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.target == "duckdb":
            self.env.setdefault("ACTIVITY_SCHEMA_DUCKDB_PATH", str(self.duckdb_path))
        elif self.target == "postgres":
            if self.postgres is None:
                raise ValueError("the postgres target needs a running PostgresServer")
            self.env["ACTIVITY_SCHEMA_PG_PORT"] = str(self.postgres.port)
            self.env["ACTIVITY_SCHEMA_PG_DATABASE"] = self.postgres_database
            self.postgres.create_database(self.postgres_database)
        elif self.target == "bigquery":
            self.env.setdefault("ACTIVITY_SCHEMA_BIGQUERY_KEYFILE", str(write_dummy_keyfile(self.workdir)))
        elif self.target == "spark":
            # One Spark JVM serves the whole Python process: the first workspace's directory
            # holds the warehouse and Derby metastore; each workspace gets its own schema.
            self.env.setdefault("ACTIVITY_SCHEMA_SPARK_DIR", str(self.workdir / "spark"))
            self.env.setdefault("ACTIVITY_SCHEMA_SPARK_SCHEMA", self.spark_schema)

    @property
    def duckdb_path(self) -> Path:
        return self.workdir / "activity_schema.duckdb"

    @property
    def postgres_database(self) -> str:
        return "ws_" + hashlib.md5(str(self.workdir).encode()).hexdigest()[:12]

    @property
    def spark_schema(self) -> str:
        return "ws_" + hashlib.md5(str(self.workdir).encode()).hexdigest()[:12]

    def session(self) -> contextlib.AbstractContextManager[None]:
        """What every dbt call and query of this workspace runs inside (fakesnow's patch)."""
        return fakesnow_session(self.workdir / "fakesnow") if self.target == "snowflake" else contextlib.nullcontext()

    def query(self, sql: str) -> list[dict[str, Any]]:
        """Rows of a query against this workspace's database, as dicts with lowercase keys.
        Local warehouses are queried directly, real ones through `dbt show`."""
        if self.target == "spark":
            return spark_query(self.env["ACTIVITY_SCHEMA_SPARK_SCHEMA"], sql)
        if self.target not in ("duckdb", "postgres", "snowflake"):
            table = self.invoke("show", "--inline", sql, "--limit", "-1").result.results[0].agate_table
            return [{name.lower(): value for name, value in zip(table.column_names, row)} for row in table.rows]
        with self.session(), contextlib.closing(self._connect()) as connection:
            cursor = connection.cursor()
            cursor.execute(sql)
            names = [d[0].lower() for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def execute(self, sql: str) -> None:
        """Run a statement that returns no rows (DDL) against this workspace's database."""
        if self.target == "spark":
            spark_query(self.env["ACTIVITY_SCHEMA_SPARK_SCHEMA"], sql)
            return
        with self.session(), contextlib.closing(self._connect()) as connection:
            connection.cursor().execute(sql)
            if self.target != "postgres":  # Postgres connections autocommit
                connection.commit()

    def _connect(self) -> Any:
        if self.target == "duckdb":
            import duckdb

            return duckdb.connect(str(self.duckdb_path))
        if self.target == "postgres":
            assert self.postgres is not None
            return self.postgres.connect(self.postgres_database, schema="main")  # the profile's schema
        import snowflake.connector

        return snowflake.connector.connect(account="fakesnow", user="fake", password="snow", database="ACTIVITY_SCHEMA", schema="ANALYTICS")

    def invoke(self, *args: str, vars: dict[str, Any] | None = None, env: dict[str, str] | None = None, check: bool = True) -> Any:
        """Run one dbt command; raise DbtError naming the failures unless check is False.
        `env` holds environment variables for this command only (unlike --vars, a changed
        env_var re-parses only the files that read it). The command's log messages are
        kept in self.log."""
        from dbt.cli.main import dbtRunner

        command = [*args, "--project-dir", str(self.project_dir), "--profiles-dir", str(self.project_dir)]
        if args[0] != "deps":  # deps takes no target or paths
            command += ["--target", self.target, "--target-path", str(self.workdir / "target"), "--log-path", str(self.workdir / "logs")]
        if vars:
            command += ["--vars", vars_text(vars)]
        os.environ.update(self.env)
        saved = {name: os.environ.get(name) for name in env or {}}
        os.environ.update(env or {})
        self.log = []
        try:
            with self.session():
                result = dbtRunner(callbacks=[lambda event: self.log.append(event.info.msg)]).invoke(command)
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        if check and not result.success:
            raise DbtError(describe_failure(command, result))
        return result


def vars_text(vars: dict[str, Any]) -> str:
    """--vars as dbt reads them: YAML on one line. (JSON is YAML, but PyYAML reads JSON's
    1e+20 as text and a surrogate pair as two broken characters.)"""
    return str(yaml.safe_dump(vars, default_flow_style=True, allow_unicode=True, width=float("inf"), sort_keys=False)).strip()


def spark_query(schema: str, sql: str) -> list[dict[str, Any]]:
    """Rows of a query in the process's Spark session (the one dbt-spark's session method
    started, or a new one when dbt has not run yet), with `schema` as the current database."""
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.enableHiveSupport().getOrCreate()
    spark.catalog.setCurrentDatabase(schema)
    return [{name.lower(): value for name, value in row.asDict().items()} for row in spark.sql(sql).collect()]


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


def write_dummy_keyfile(directory: Path) -> Path:
    """A service-account keyfile with a freshly generated RSA key: enough for dbt-bigquery
    to compile offline, useless for reaching Google."""
    path = directory / "dummy-keyfile.json"
    if not path.exists():
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
        path.write_text(json.dumps({
            "type": "service_account", "project_id": "activity-schema-offline", "private_key_id": "offline",
            "private_key": pem, "client_email": "offline@activity-schema-offline.iam.gserviceaccount.com",
            "client_id": "0", "token_uri": "https://oauth2.googleapis.com/token",
        }))
    return path
