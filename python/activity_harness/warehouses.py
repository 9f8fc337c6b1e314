"""The warehouses the harness can run the integration project on, all local.

DuckDB is a file; Postgres is a real server the harness starts on 127.0.0.1; Snowflake is
emulated in-process by fakesnow; BigQuery is compiled offline (see bigquery_offline.py);
Spark is a local pyspark session inside the dbt process (dbt-spark's `method: session`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

LOCAL_TARGETS = ("duckdb", "postgres", "snowflake", "bigquery", "spark")
console = Console(stderr=True)


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
    """Patch the Snowflake connector with fakesnow, persisting to db_path so that every dbt
    connection and every query of one workspace sees the same databases."""
    import fakesnow

    db_path.mkdir(parents=True, exist_ok=True)
    with fakesnow.patch(db_path=str(db_path)):
        yield
