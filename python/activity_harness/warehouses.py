"""The warehouses the harness runs the integration project on: one class per dbt target of
integration_tests/profiles.yml, holding all that differs between them.

DuckDB is a file; Postgres is a real server the harness starts on 127.0.0.1; Snowflake is
emulated in-process by fakesnow; BigQuery is compiled offline (see bigquery_offline.py);
Spark is a local pyspark session inside the dbt process (dbt-spark's `method: session`).
Real Snowflake and BigQuery accounts are reached through dbt, with credentials from the
environment.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

if TYPE_CHECKING:
    from .dbt import DbtWorkspace

console = Console(stderr=True)
Rows = list[dict[str, Any]]

# The selectors whose descendants make up a feature that a warehouse may leave out.
FEATURE_ROOTS: Mapping[str, tuple[str, ...]] = {"production": ("prod_events+",)}


class Warehouse:
    """A dbt target and how the harness works with it. This base is a target reached only
    through dbt (a real account, or a client project's own profile): its tables are read
    with `dbt show`."""

    name: str = ""
    # The --target choice that selects it: a real account goes with its local stand-in.
    family: str = ""
    # Runs here without an account.
    local = False
    # The integration project is built on it (BigQuery offline is only compiled).
    builds = True
    # Environment variables its profile needs; without them its tests skip, naming them.
    credentials: tuple[str, ...] = ()
    # sqlglot's name for its SQL dialect.
    dialect = ""
    # Features it cannot run, with why: builds leave them out and the matrix shows the reason.
    unsupported_features: Mapping[str, str] = {}
    # Single models it cannot build, with why: builds leave them and their tests out, the
    # rest of their feature is compared, and the matrix shows the reason.
    unsupported_models: Mapping[str, str] = {}
    # The environment variables that carry a time zone into a fresh process and its
    # warehouse sessions; none where a fresh process cannot open its sessions.
    time_zone_variables: tuple[str, ...] = ()

    def __init__(self, name: str | None = None) -> None:
        self.name = name or self.name
        self.family = self.family or self.name

    def profile_env(self, workspace: DbtWorkspace) -> dict[str, str]:
        """The environment variables its profiles.yml output reads, for this workspace."""
        return {}

    def setup(self, workspace: DbtWorkspace) -> None:
        """Prepare the workspace's own database, once, before any dbt call."""

    def session(self, workspace: DbtWorkspace) -> contextlib.AbstractContextManager[None]:
        """What every dbt call and query of the workspace runs inside."""
        return contextlib.nullcontext()

    def relation(self, model: str) -> str:
        """How a query of `query` names a model's table."""
        return "{{ ref('" + model + "') }}"

    def schema(self, workspace: DbtWorkspace) -> str:
        """The schema the profile builds in."""
        return "main"

    def query(self, workspace: DbtWorkspace, sql: str) -> Rows:
        table = workspace.invoke("show", "--inline", sql, "--limit", "-1").result.results[0].agate_table
        return [{name.lower(): value for name, value in zip(table.column_names, row)} for row in table.rows]

    def execute(self, workspace: DbtWorkspace, sql: str) -> None:
        raise NotImplementedError(f"statements run only on the local warehouses, not on {self.name}")

    def exclude_arguments(self) -> list[str]:
        """The dbt arguments (--exclude and its selectors) that leave out its unsupported
        features and models; none when it supports everything."""
        selectors = [root for feature in self.unsupported_features for root in FEATURE_ROOTS[feature]] + [f"{model}+" for model in self.unsupported_models]
        return ["--exclude", *selectors] if selectors else []

    def missing_credentials(self) -> list[str]:
        return [name for name in self.credentials if not os.environ.get(name)]

    @staticmethod
    def workspace_name(workspace: DbtWorkspace) -> str:
        """A database or schema name of the workspace's own, the same on every run."""
        return "ws_" + hashlib.md5(str(workspace.workdir).encode()).hexdigest()[:12]


class ConnectedWarehouse(Warehouse):
    """A local warehouse queried directly through its DB-API connection."""

    local = True
    autocommits = False

    def connect(self, workspace: DbtWorkspace) -> Any:
        raise NotImplementedError

    def relation(self, model: str) -> str:
        return model

    def query(self, workspace: DbtWorkspace, sql: str) -> Rows:
        with self.session(workspace), contextlib.closing(self.connect(workspace)) as connection:
            cursor = connection.cursor()
            cursor.execute(sql)
            names = [d[0].lower() for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def execute(self, workspace: DbtWorkspace, sql: str) -> None:
        with self.session(workspace), contextlib.closing(self.connect(workspace)) as connection:
            connection.cursor().execute(sql)
            if not self.autocommits:
                connection.commit()


class DuckDB(ConnectedWarehouse):
    """A DuckDB file per workspace (an explicit ACTIVITY_SCHEMA_DUCKDB_PATH wins)."""

    name = "duckdb"
    dialect = "duckdb"
    time_zone_variables = ("TZ",)

    def profile_env(self, workspace: DbtWorkspace) -> dict[str, str]:
        return {"ACTIVITY_SCHEMA_DUCKDB_PATH": str(workspace.duckdb_path)}

    def connect(self, workspace: DbtWorkspace) -> Any:
        import duckdb

        return duckdb.connect(str(workspace.duckdb_path))


class Postgres(ConnectedWarehouse):
    """A database per workspace on the harness's Postgres server."""

    name = "postgres"
    dialect = "postgres"
    autocommits = True
    time_zone_variables = ("TZ", "PGTZ")
    unsupported_models = {
        "cross_db_window_ignore_nulls": "window_ignore_nulls is a compile error on Postgres, which has no null treatment "
        "in window functions (the temporal joins pick by min/max over a sortable key there)",
    }

    def _server(self, workspace: DbtWorkspace) -> PostgresServer:
        if workspace.postgres is None:
            raise ValueError("the postgres target needs a running PostgresServer")
        return workspace.postgres

    def profile_env(self, workspace: DbtWorkspace) -> dict[str, str]:
        return {"ACTIVITY_SCHEMA_PG_PORT": str(self._server(workspace).port), "ACTIVITY_SCHEMA_PG_DATABASE": self.workspace_name(workspace)}

    def setup(self, workspace: DbtWorkspace) -> None:
        self._server(workspace).create_database(self.workspace_name(workspace))

    def connect(self, workspace: DbtWorkspace) -> Any:
        return self._server(workspace).connect(self.workspace_name(workspace), schema=self.schema(workspace))


class SnowflakeEmulator(ConnectedWarehouse):
    """fakesnow: the Snowflake connector patched in-process, persisting to the workspace so
    that every dbt connection and every query of it sees the same databases."""

    name = "snowflake"
    dialect = "snowflake"

    def session(self, workspace: DbtWorkspace) -> contextlib.AbstractContextManager[None]:
        return fakesnow_session(workspace.workdir / "fakesnow")

    def schema(self, workspace: DbtWorkspace) -> str:
        return "ANALYTICS"

    def connect(self, workspace: DbtWorkspace) -> Any:
        import snowflake.connector

        return snowflake.connector.connect(account="fakesnow", user="fake", password="snow", database="ACTIVITY_SCHEMA", schema=self.schema(workspace))


class Spark(Warehouse):
    """A local pyspark session inside the dbt process. One Spark JVM serves the whole Python
    process: the first workspace's directory holds the warehouse, its catalog is in memory; each
    workspace gets its own schema."""

    name = "spark"
    local = True
    dialect = "spark"
    # The profile pins the session zone to this variable (UTC when unset).
    time_zone_variables = ("TZ", "ACTIVITY_SCHEMA_SPARK_TIME_ZONE")
    unsupported_features = {
        "production": "incremental streams and the context cache upsert with Spark's merge, which needs file_format delta, "
        "iceberg or hudi (jars from Maven, out of reach here); the identity source of the feature is still built",
    }

    def profile_env(self, workspace: DbtWorkspace) -> dict[str, str]:
        return {"ACTIVITY_SCHEMA_SPARK_DIR": str(workspace.workdir / "spark"), "ACTIVITY_SCHEMA_SPARK_SCHEMA": self.workspace_name(workspace)}

    def relation(self, model: str) -> str:
        return model

    def schema(self, workspace: DbtWorkspace) -> str:
        return workspace.env["ACTIVITY_SCHEMA_SPARK_SCHEMA"]

    def query(self, workspace: DbtWorkspace, sql: str) -> Rows:
        """Rows in the process's Spark session (the one dbt-spark's session method started,
        or a new one when dbt has not run yet), with the workspace's schema as the current database."""
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.enableHiveSupport().getOrCreate()
        spark.catalog.setCurrentDatabase(self.schema(workspace))
        return [{name.lower(): value for name, value in row.asDict().items()} for row in spark.sql(sql).collect()]

    def execute(self, workspace: DbtWorkspace, sql: str) -> None:
        self.query(workspace, sql)


class BigQueryOffline(Warehouse):
    """BigQuery has no emulator: the project is compiled with a dummy key and checked offline."""

    name = "bigquery"
    local = True
    builds = False
    dialect = "bigquery"
    # Compiled and guarded, but not run, where sqlglot's BigQuery-to-DuckDB transpile (not
    # the BigQuery SQL) is wrong.
    unsupported_models = {
        "cross_db_json": "not run offline: sqlglot keeps json_type(...) = 'object', DuckDB's json_type says 'OBJECT'",
        "cross_db_json_text": "not run offline: sqlglot writes safe.parse_json as SAFE.JSON(...), which DuckDB lacks",
        "cross_db_json_build": "not run offline: sqlglot keeps json_object(key array, value array), DuckDB's json_object takes pairs",
        "context_cache": "not run offline: sqlglot keeps json_object(key array, value array), DuckDB's json_object takes pairs",
    }

    def profile_env(self, workspace: DbtWorkspace) -> dict[str, str]:
        return {"ACTIVITY_SCHEMA_BIGQUERY_KEYFILE": str(write_dummy_keyfile(workspace.workdir))}


class SnowflakeReal(Warehouse):
    name = "snowflake_real"
    family = "snowflake"
    dialect = "snowflake"
    credentials = ("SNOWFLAKE_ACCOUNT", "SNOWFLAKE_USER", "SNOWFLAKE_PASSWORD", "SNOWFLAKE_DATABASE", "SNOWFLAKE_WAREHOUSE")


class BigQueryReal(Warehouse):
    name = "bigquery_real"
    family = "bigquery"
    dialect = "bigquery"
    credentials = ("BIGQUERY_PROJECT", "BIGQUERY_KEYFILE")


WAREHOUSES: Mapping[str, Warehouse] = {w.name: w for w in (DuckDB(), Postgres(), SnowflakeEmulator(), BigQueryOffline(), Spark(), SnowflakeReal(), BigQueryReal())}
LOCAL_TARGETS = tuple(name for name, warehouse in WAREHOUSES.items() if warehouse.local)
BUILT_WAREHOUSES = tuple(name for name, warehouse in WAREHOUSES.items() if warehouse.builds)


def warehouse_of(target: str) -> Warehouse:
    """The warehouse of a target; a target of another project's profile is reached through dbt."""
    return WAREHOUSES.get(target) or Warehouse(target)


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def postgres_bin_dir() -> Path:
    """Where initdb and pg_ctl live; installs Debian's postgresql package when they are missing."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        console.print("[yellow]Postgres server binaries missing: apt-get install postgresql[/]")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("no Postgres server binaries in /usr/lib/postgresql/*/bin; install the Debian 'postgresql' package")
    return Path(found[-1]).parent


@dataclass
class PostgresServer:
    """A throwaway Postgres cluster on 127.0.0.1 with trust auth, fsync off, in its own
    temporary directory (the `postgres` user must reach it, so not under pytest's). A
    statement running over 10 minutes is cancelled, so a bad plan fails its model."""

    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="activity_schema_pg_")))
    port: int = 0

    def _as_owner(self, *command: str) -> list[str]:
        # initdb refuses to run as root.
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)

    def _run(self, *command: str) -> None:
        completed = subprocess.run(self._as_owner(*command), capture_output=True, text=True)
        if completed.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed: {completed.stderr.strip() or completed.stdout.strip()}")

    def start(self) -> PostgresServer:
        bin_dir = postgres_bin_dir()
        data = self.root / "data"
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")
        self.port = free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c statement_timeout=600s"
        self._run(str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(self.root / "server.log"), "-o", options, "start")
        return self

    def stop(self) -> None:
        subprocess.run(self._as_owner(str(postgres_bin_dir() / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast", "stop"), capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def connect(self, database: str = "postgres", schema: str = "public"):  # type: ignore[no-untyped-def]
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database, options=f"-c search_path={schema}")
        connection.autocommit = True
        return connection

    def create_database(self, name: str) -> None:
        """A database with a linguistic collation (ICU en-US, where 'a' < 'B'), as client
        databases usually have, so the matrix catches any result that depends on it."""
        with contextlib.closing(self.connect()) as connection, connection.cursor() as cursor:
            cursor.execute(f'drop database if exists "{name}"')
            cursor.execute(f"create database \"{name}\" template template0 locale_provider icu icu_locale 'en-US'")


@contextlib.contextmanager
def fakesnow_session(db_path: Path) -> Iterator[None]:
    """Patch the Snowflake connector with fakesnow, persisting to db_path."""
    import fakesnow

    db_path.mkdir(parents=True, exist_ok=True)
    with fakesnow.patch(db_path=str(db_path)):
        yield
