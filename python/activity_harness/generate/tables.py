"""From simulated columns to files and databases: staging, load cuts, formats and modes.

A simulation returns frames (column name -> NumPy array); they are staged in an in-memory
DuckDB, where a dataset may derive its published tables in SQL. A load then takes what
had arrived before its cut: append-only tables by their `_loaded_at`, state tables (a row
per entity, changed in place by the source) as the latest version of each entity. Rows
are written in a total order, so the same seed and scale give the same bytes.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import numpy.typing as npt

from . import calendar
from .seeding import U64

Bools = npt.NDArray[np.bool_]
FORMATS = ("csv", "parquet", "duckdb")
MODES = ("first", "incremental", "full-refresh")
RAW_SCHEMA = "raw"
LOADS_TABLE = "_generator_loads"
MANIFEST = "_generator.json"


@dataclass(frozen=True)
class Ids:
    """Opaque text ids (prefix and the key's 16 hex digits), formatted when staged; null where not present."""

    prefix: str
    keys: U64
    present: Bools | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, index: npt.NDArray[Any]) -> Ids:
        return Ids(self.prefix, self.keys[index], None if self.present is None else self.present[index])

    def where(self, mask: Bools) -> Ids:
        present = mask if self.present is None else self.present & mask
        return Ids(self.prefix, self.keys, present)

    @staticmethod
    def concat(*parts: Ids) -> Ids:
        if len({p.prefix for p in parts}) != 1:
            raise ValueError(f"the ids of one column share a prefix, got {sorted({p.prefix for p in parts})}")
        presents = [np.ones(len(p), dtype=bool) if p.present is None else p.present for p in parts]
        return Ids(parts[0].prefix, np.concatenate([p.keys for p in parts]), np.concatenate(presents))


@dataclass(frozen=True)
class Labels:
    """Texts from a small pool (URLs, names), held as codes into it (-1: null) and looked up
    when staged: DuckDB joins a pool faster than it reads millions of Python strings."""

    pool: npt.NDArray[np.object_]
    codes: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, index: npt.NDArray[Any]) -> Labels:
        return Labels(self.pool, self.codes[index])


Column = npt.NDArray[Any] | Ids | Labels
Frame = dict[str, Column]


def concat(first: Column, second: Column) -> Column:
    """Two parts of one column, one after the other."""
    if isinstance(first, Ids) and isinstance(second, Ids):
        return Ids.concat(first, second)
    if isinstance(first, Labels) and isinstance(second, Labels) and first.pool is second.pool:
        return Labels(first.pool, np.concatenate((first.codes, second.codes)))
    if isinstance(first, (Ids, Labels)) or isinstance(second, (Ids, Labels)):
        raise TypeError("a column's parts are all arrays, all Ids, or all Labels of one pool")
    return np.concatenate((first, second))


def present_where(mask: Bools, values: npt.NDArray[Any]) -> npt.NDArray[np.object_]:
    """The values where mask is set, null elsewhere."""
    out = values.astype(object)
    out[~mask] = None
    return out


def id_sql(prefix: str, key: str) -> str:
    """SQL of the text id of a uint64 key column: the prefix and 16 hex digits (as Ids)."""
    return f"printf('{prefix}%016x', {key})"




@dataclass(frozen=True)
class TableSpec:
    """A published table: its total row order and how a load cuts it.

    Append-only tables are cut by `loaded_at`. A state table (`key` set) has one staged row
    per version of an entity, stamped `loaded_at`; a load publishes each entity's latest
    version that had arrived, and an incremental load replaces the entities that changed.
    """

    name: str
    order_by: tuple[str, ...]
    loaded_at: str
    key: tuple[str, ...] = ()
    publish_loaded_at: bool = True  # False: the load timestamp only cuts loads, it is not a column


def _connect() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(config={"threads": 2})
    connection.execute("set enable_progress_bar = false")
    return connection


@dataclass
class Stage:
    """Simulated rows of every table, in an in-memory DuckDB."""

    connection: duckdb.DuckDBPyConnection = field(default_factory=lambda: _connect())
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, frames: dict[str, Frame]) -> None:
        for name, frame in frames.items():
            arrays: dict[str, npt.NDArray[np.generic]] = {}
            selects = []
            pools: dict[str, dict[str, npt.NDArray[Any]]] = {}
            for column, values in frame.items():
                if isinstance(values, Labels):
                    arrays[column] = values.codes
                    pools[column] = {"code": np.arange(len(values.pool)), "label": values.pool}
                    selects.append(f'"pool_{column}".label as "{column}"')
                elif isinstance(values, Ids):
                    arrays[column] = values.keys
                    text = id_sql(values.prefix, f'"{column}"')
                    if values.present is not None:
                        arrays[f"{column}__present"] = values.present
                        text = f'case when "{column}__present" then {text} end'
                    selects.append(f'{text} as "{column}"')
                else:
                    arrays[column] = values
                    cast = "timestamp" if np.issubdtype(values.dtype, np.datetime64) else "varchar" if values.dtype == object else None
                    selects.append(f'cast("{column}" as {cast}) as "{column}"' if cast else f'"{column}"')
            frame_view = f"frame_{name}"
            self.connection.register(frame_view, arrays)
            joins = ""
            for column, pool in pools.items():
                self.connection.register(f"pool_{column}", pool)
                joins += f' left join "pool_{column}" on "pool_{column}".code = {frame_view}."{column}"'
            statement = "insert into" if name in self.rows else "create table"
            self.connection.execute(f'{statement} "stage_{name}" {"by name " if name in self.rows else "as "}select {", ".join(selects)} from {frame_view}{joins}')
            for view in (frame_view, *(f"pool_{column}" for column in pools)):
                self.connection.unregister(view)
            self.rows[name] = self.rows.get(name, 0) + len(next(iter(frame.values())))

    def derive(self, name: str, sql: str) -> None:
        """A published table computed from staged ones (sql reads them as stage_<name>)."""
        self.connection.execute(f'create or replace table "stage_{name}" as {sql}')


@dataclass(frozen=True)
class Dataset:
    name: str
    description: str
    tables: tuple[TableSpec, ...]
    # (seed, scale, arrival days of this chunk, days simulated in all) -> staged frames
    simulate: Callable[[int, float, range, int], dict[str, Frame]]
    people_per_scale: float  # people arriving during the first load per unit of scale
    derive: Callable[[Stage], None] | None = None  # published tables computed from the staged ones
    activity_tables: tuple[str, ...] = ()  # tables whose rows become activities (counted by bench-generate)



def _cut_literal(batch: int) -> str:
    seconds = calendar.cut(batch)
    return f"(timestamp '{calendar.START}' + to_seconds({seconds}::bigint))"


def load_query(spec: TableSpec, batch: int, since_batch: int | None = None) -> str:
    """Rows of `spec` published by the loads up to `batch` (only those that arrived after
    `since_batch`'s cut, for an incremental load)."""
    until = f'"{spec.loaded_at}" < {_cut_literal(batch)}'
    since = f' and "{spec.loaded_at}" >= {_cut_literal(since_batch)}' if since_batch is not None else ""
    order = ", ".join(f'"{c}"' for c in spec.order_by)
    columns = "*" if spec.publish_loaded_at else f'* exclude ("{spec.loaded_at}")'
    if not spec.key:
        return f'select {columns} from "stage_{spec.name}" where {until}{since} order by {order}'
    key = ", ".join(f'"{c}"' for c in spec.key)
    latest = f'select * from "stage_{spec.name}" where {until} qualify row_number() over (partition by {key} order by "{spec.loaded_at}" desc) = 1'
    return f"select {columns} from ({latest}) where true{since} order by {order}"


@dataclass(frozen=True)
class LoadResult:
    batch: int
    rows: dict[str, int]
    paths: list[Path]


def write(stage: Stage, specs: tuple[TableSpec, ...], out: Path, output_format: str, batch: int, mode: str, database_name: str, metadata: dict[str, object]) -> LoadResult:
    """Publish the loads up to `batch`: files (csv, parquet) or the raw schema of a DuckDB file."""
    out.mkdir(parents=True, exist_ok=True)
    connection = stage.connection
    rows: dict[str, int] = {}
    paths: list[Path] = []
    if output_format in ("csv", "parquet"):
        for spec in specs:
            path = out / f"{spec.name}.{output_format}"
            options = "(header, timestampformat '%Y-%m-%d %H:%M:%S')" if output_format == "csv" else "(format parquet)"
            connection.execute(f"copy ({load_query(spec, batch)}) to '{path}' {options}")
            rows[spec.name] = _count(connection.execute, f"select count(*) from ({load_query(spec, batch)})")
            paths.append(path)
        (out / MANIFEST).write_text(json.dumps({**metadata, "batch": batch, "rows": rows}, indent=2, sort_keys=True) + "\n")
        return LoadResult(batch, rows, [*paths, out / MANIFEST])

    path = out / f"{database_name}.duckdb"
    with _database(connection, path) as (execute, schema, rows_of):
        if mode in ("first", "full-refresh"):
            execute(f"drop schema if exists {schema} cascade")
            execute(f"create schema {schema}")
            for spec in specs:
                execute(f'create table {schema}."{spec.name}" as {rows_of(load_query(spec, batch), spec.name)}')
                rows[spec.name] = _count(execute, f'select count(*) from {schema}."{spec.name}"')
            execute(f'create table {schema}."{LOADS_TABLE}" (batch integer, loaded_until timestamp, mode varchar, settings varchar)')
        else:
            for spec in specs:
                increment = rows_of(load_query(spec, batch, since_batch=batch - 1), spec.name)
                if spec.key:
                    keys = " and ".join(f'published."{c}" = increment."{c}"' for c in spec.key)
                    execute(f'delete from {schema}."{spec.name}" as published where exists (select 1 from ({increment}) as increment where {keys})')
                execute(f'insert into {schema}."{spec.name}" {increment}')
                rows[spec.name] = _count(execute, f"select count(*) from ({increment})")
        settings = json.dumps(metadata, sort_keys=True)
        execute(f"insert into {schema}.\"{LOADS_TABLE}\" values ({batch}, {_cut_literal(batch)}, '{mode}', {_text_literal(settings)})")
    return LoadResult(batch, rows, [path])


Execute = Callable[[str], duckdb.DuckDBPyConnection]


@contextlib.contextmanager
def _database(connection: duckdb.DuckDBPyConnection, path: Path) -> Iterator[tuple[Execute, str, Callable[[str, str], str]]]:
    """Where a load's statements run, the raw schema's name there, and how a staged query's
    rows get there. The file is attached to the staging database when it can be; when dbt
    holds it open in this process (a file cannot be attached twice), a connection to it
    reads the rows from Parquet files."""
    schema = f'"{RAW_SCHEMA}"'
    try:
        connection.execute(f"attach '{path}' as target")
    except duckdb.Error:
        with tempfile.TemporaryDirectory(prefix="activity_harness_load_") as transfer, duckdb.connect(str(path)) as target:
            def through_parquet(query: str, name: str) -> str:
                file = Path(transfer) / f"{name}.parquet"
                connection.execute(f"copy ({query}) to '{file}' (format parquet)")
                return f"select * from read_parquet('{file}')"

            yield target.execute, schema, through_parquet
        return
    try:
        yield connection.execute, f"target.{schema}", lambda query, _: query
    finally:
        connection.execute("detach target")


def _text_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def loaded_batches(path: Path) -> tuple[int, dict[str, object]] | None:
    """The last batch loaded into a DuckDB file by the generator, with its settings (None: never loaded)."""
    if not path.exists():
        return None
    with duckdb.connect(str(path)) as connection:
        found = connection.execute(
            "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [RAW_SCHEMA, LOADS_TABLE]
        ).fetchone()
        if not found or not found[0]:
            return None
        last = connection.execute(f'select batch, settings from "{RAW_SCHEMA}"."{LOADS_TABLE}" order by batch desc limit 1').fetchone()
    if last is None:
        return None
    return int(last[0]), json.loads(last[1])


def _count(execute: Execute, sql: str) -> int:
    found = execute(sql).fetchone()
    return int(found[0]) if found else 0
