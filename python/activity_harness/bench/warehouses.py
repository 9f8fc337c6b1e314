"""Where `activity-harness bench` runs: one class per warehouse, holding all that differs
between them (how the stream gets there, how a result is written, timed and interrupted,
the profile dbt compiles against, what the machine line says). The cases, the checks and
the report are the same for every warehouse."""

from __future__ import annotations

import contextlib
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import duckdb

from ..warehouses import PostgresServer
from .streams import COHORT, Shape, StreamStats, generate_stream, stream_stats
from .timing import best_of

BENCH_DATABASE = "bench"  # the DuckDB file's stem / the Postgres database: the catalog every compiled relation names
BENCH_SCHEMA = "main"


class BenchWarehouse(ABC):
    """A warehouse the benchmark times its queries on."""

    name: ClassVar[str]
    how_run: ClassVar[str]  # how the compiled SQL is executed and written, for the report
    in_process: ClassVar[bool]  # whether the queries run in this Python process

    @classmethod
    @abstractmethod
    def open(cls, workdir: Path, server: PostgresServer | None = None) -> contextlib.AbstractContextManager[BenchWarehouse]:
        """The warehouse for one benchmark run, with an empty database; `server`: a running
        Postgres server to use instead of starting one (a Postgres warehouse's only)."""

    @abstractmethod
    def profile_output(self, project: Path) -> str:
        """The profiles.yml output (indented under `outputs:`) dbt compiles the cases against."""

    @abstractmethod
    def load_stream(self, rows: int, seed: int, shape: Shape, history: float, stream_config: dict[str, Any]) -> StreamStats:
        """Create the benchmark's `stream` table with its table options (`stream_config`, the
        package's stream_table_config on this warehouse) and return its figures."""

    @abstractmethod
    def timed(self, table: str, sql: str, timeout: float | None = None) -> float | None:
        """Seconds to write `sql` into `table`; None when it ran past `timeout` and was interrupted."""

    @abstractmethod
    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """The rows of a query."""

    @abstractmethod
    def columns(self, table: str) -> list[str]:
        """A table's column names, in order."""

    @abstractmethod
    def execute(self, sql: str) -> None:
        """Run statements that return no rows."""

    @abstractmethod
    def version_line(self) -> str:
        """The warehouse's version and the settings that bear on the times."""

    def floor_seconds(self, repeat: int) -> float:
        """Best of `repeat` writes of the cohort rows alone, which every result holds."""
        floor = best_of(self, "floor_result", f"select * from stream where activity = '{COHORT}'", repeat)
        assert floor is not None, "run without a timeout"
        return floor


class DuckDBBench(BenchWarehouse):
    """The DuckDB file `bench.duckdb` in the work folder, through the Python API."""

    name = "duckdb"
    how_run = ("executed with the DuckDB Python API, so dbt's overhead is not timed; "
               "every formulation materialises its result with `create or replace table`")
    in_process = True

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection

    @classmethod
    @contextlib.contextmanager
    def open(cls, workdir: Path, server: PostgresServer | None = None) -> Iterator[DuckDBBench]:
        """A new bench.duckdb in `workdir` (DuckDB is embedded: no server)."""
        database = workdir / f"{BENCH_DATABASE}.duckdb"
        database.unlink(missing_ok=True)
        with duckdb.connect(str(database)) as connection:
            yield cls(connection)

    def profile_output(self, project: Path) -> str:
        return f"type: duckdb\npath: '{project / f'{BENCH_DATABASE}.duckdb'}'\nthreads: 1\n"

    def load_stream(self, rows: int, seed: int, shape: Shape, history: float, stream_config: dict[str, Any]) -> StreamStats:
        # Stored in time order, as an append-only stream arrives, rather than in the
        # package's (activity, ts) insertion order: the peers' copy is in time order too.
        generate_stream(self.connection, rows, seed, shape, history)
        return stream_stats(self.connection)

    def timed(self, table: str, sql: str, timeout: float | None = None) -> float | None:
        timer = threading.Timer(timeout, self.connection.interrupt) if timeout else None
        start = time.perf_counter()
        if timer:
            timer.start()
        try:
            self.connection.execute(f"create or replace table {table} as {sql}")
        except duckdb.InterruptException:
            return None
        finally:
            if timer:
                timer.cancel()
        return time.perf_counter() - start

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.connection.execute(sql).fetchall()

    def columns(self, table: str) -> list[str]:
        return [d[0] for d in self.connection.execute(f"select * from {table} limit 0").description]

    def execute(self, sql: str) -> None:
        self.connection.execute(sql)

    def version_line(self) -> str:
        threads, memory_limit = self.rows("select current_setting('threads'), current_setting('memory_limit')")[0]
        return f"DuckDB {duckdb.__version__} (threads {threads}, memory_limit {memory_limit})"

    def floor_seconds(self, repeat: int) -> float:
        # Written without keeping the scan's order: a filtered scan otherwise keeps it, which
        # no join result does, and keeping it took longer than some peers' whole joins.
        self.execute("set preserve_insertion_order = false")
        try:
            return super().floor_seconds(repeat)
        finally:
            self.execute("reset preserve_insertion_order")


# The stream's DuckDB column types as Postgres spells them (feature_json as the package's
# Postgres JSON type).
POSTGRES_TYPES = {"VARCHAR": "text", "TIMESTAMP": "timestamp", "JSON": "jsonb", "DOUBLE": "double precision", "BIGINT": "bigint"}


class PostgresBench(BenchWarehouse):
    """Database `bench` on a Postgres server on 127.0.0.1 (the harness's, started for the
    run unless one is given), with the linguistic collation client databases usually have.
    The stream is generated in DuckDB and copied in, with the index the package gives a
    stream on Postgres, then analyzed, as a built stream would be."""

    name = "postgres"
    how_run = ("executed through psycopg2 on a Postgres server the harness starts on 127.0.0.1 (database collation ICU en-US, "
               "server settings as installed, listed under Machine), so dbt's overhead is not timed; every formulation writes its result "
               "with `create table ... as` after an untimed `drop table`; the stream carries the package's Postgres index and is analyzed")
    in_process = False

    def __init__(self, server: PostgresServer, workdir: Path) -> None:
        self.server = server
        self.workdir = workdir
        self.connection = server.connect(BENCH_DATABASE, schema=BENCH_SCHEMA)
        self.cursor = self.connection.cursor()

    @classmethod
    @contextlib.contextmanager
    def open(cls, workdir: Path, server: PostgresServer | None = None) -> Iterator[PostgresBench]:
        own = server is None
        running = PostgresServer().start() if server is None else server
        try:
            running.create_database(BENCH_DATABASE)
            bench = cls(running, workdir)
            try:
                bench.execute(f"create schema {BENCH_SCHEMA}")
                yield bench
            finally:
                bench.connection.close()
        finally:
            if own:
                running.stop()

    def profile_output(self, project: Path) -> str:
        return (f"type: postgres\nhost: 127.0.0.1\nport: {self.server.port}\nuser: postgres\npassword: ''\n"
                f"dbname: {BENCH_DATABASE}\nschema: {BENCH_SCHEMA}\nthreads: 1\n")

    def load_stream(self, rows: int, seed: int, shape: Shape, history: float, stream_config: dict[str, Any]) -> StreamStats:
        export = self.workdir / "stream.csv"
        with duckdb.connect() as generator:
            generate_stream(generator, rows, seed, shape, history)
            stats = stream_stats(generator)
            described = generator.execute("select * from stream limit 0").description
            generator.execute(f"copy stream to '{export}' (header false)")
        columns = ", ".join(f"{name} {POSTGRES_TYPES[str(kind)]}" for name, kind, *_ in described)
        self.execute(f"drop table if exists stream; create table stream ({columns})")
        with export.open() as data:
            self.cursor.copy_expert("copy stream from stdin with (format csv)", data)
        export.unlink()
        for index in stream_config.get("indexes", []):
            self.execute(f"create index on stream ({', '.join(index['columns'])})")
        self.execute("analyze stream")
        return stats

    def timed(self, table: str, sql: str, timeout: float | None = None) -> float | None:
        import psycopg2.errors

        self.execute(f"drop table if exists {table}; set statement_timeout = {int((timeout or 0) * 1000)}")
        start = time.perf_counter()
        seconds: float | None
        try:
            self.execute(f"create table {table} as {sql}")
            seconds = time.perf_counter() - start
        except psycopg2.errors.QueryCanceled:
            seconds = None
        # A timeout that fires as its statement ends cancels the next statement instead.
        try:
            self.execute("reset statement_timeout")
        except psycopg2.errors.QueryCanceled:
            self.execute("reset statement_timeout")
        return seconds

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        self.cursor.execute(sql)
        return list(self.cursor.fetchall())

    def columns(self, table: str) -> list[str]:
        self.cursor.execute(f"select * from {table} limit 0")
        return [d[0] for d in self.cursor.description]

    def execute(self, sql: str) -> None:
        self.cursor.execute(sql)

    def version_line(self) -> str:
        version, jit, work_mem, workers = self.rows(
            "select current_setting('server_version'), current_setting('jit'), current_setting('work_mem'),"
            " current_setting('max_parallel_workers_per_gather')")[0]
        return f"Postgres {version} (jit {jit}, work_mem {work_mem}, max_parallel_workers_per_gather {workers}) through psycopg2"


BENCH_WAREHOUSES: dict[str, type[BenchWarehouse]] = {"duckdb": DuckDBBench, "postgres": PostgresBench}


__all__ = ["BENCH_WAREHOUSES", "BenchWarehouse", "DuckDBBench", "PostgresBench"]
