"""BigQuery, checked offline: no emulator exists, so the SQL dbt compiles for BigQuery must
pass three checks instead of a run.

1. sqlglot parses it as BigQuery.
2. Our guards find no construct BigQuery lacks. sqlglot's BigQuery parser is permissive (it
   accepts Postgres `::jsonb ->>`, `ilike` and made-up functions, and quietly rewrites
   some of them), so the guards look at the tokens as written as well as at the tree.
3. Transpiled to DuckDB and run over the seeds of a dbt-duckdb build, each model gives the
   rows dbt-duckdb gave for it (compare with `matrix.row_differences`).

Limits, written down: incremental models are checked in their full-refresh form (the
integration project's emulator shim makes `is_incremental()` false on the offline target);
pivot columns that the CRM discovers by querying the warehouse are pinned to DuckDB's;
the rows check runs on DuckDB, so it proves the BigQuery SQL's logic, not BigQuery's typing
(e.g. comparing TIMESTAMP with DATETIME, or grouping by JSON, fails only on BigQuery).
"""

from __future__ import annotations

import contextlib
import graphlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from unittest import mock

import duckdb
import sqlglot
import yaml
from sqlglot import Token, TokenType, exp
from sqlglot.dialects.bigquery import BigQuery
from sqlglot.errors import ParseError, SqlglotError

from .dbt import DbtWorkspace
from .matrix import Row
from .paths import INTEGRATION_DIR
from .project import BuiltProject, typed_seeds
from .warehouses import WAREHOUSES

# Real BigQuery functions that sqlglot 30.22 leaves as exp.Anonymous (measured over the
# BigQuery function list). Any other anonymous function is reported: BigQuery may not have it.
ANONYMOUS_BIGQUERY_FUNCTIONS = frozenset({"date_bucket", "datetime_bucket", "timestamp_bucket", "ieee_divide"})

# Functions of other warehouses that sqlglot's BigQuery parser turns into typed expressions
# (and so would slip past the anonymous check), plus the ones our other adapters' macros
# emit. Matched against the names as written.
NON_BIGQUERY_FUNCTIONS = frozenset({
    "regexp_full_match", "regexp_like", "regexp_matches", "rlike", "json_extract_string",
    "json_extract_path_text", "jsonb_typeof", "json_typeof", "jsonb_build_object",
    "json_build_object", "object_construct", "object_construct_keep_null", "is_object",
    "listagg", "group_concat", "try_cast", "nvl", "nvl2", "iff", "decode", "datediff",
    "dateadd", "timestampdiff", "to_char", "uuid", "gen_random_uuid", "random", "bool_or",
    "bool_and", "count_if", "array_remove", "array_position", "generate_series", "median",
    "mode", "arg_max", "arg_min", "flatten", "split_part", "len", "charindex", "position",
    "contains", "approx_distinct", "array_size", "array_contains", "string_to_array",
    "first", "last", "list", "variance_pop", "convert_timezone",
})

# The type names BigQuery accepts in a cast (its aliases included), and which take parameters.
BIGQUERY_CAST_TYPES = frozenset({
    "string", "bytes", "int64", "int", "smallint", "integer", "bigint", "tinyint", "byteint",
    "float64", "numeric", "decimal", "bignumeric", "bigdecimal", "bool", "boolean", "date",
    "datetime", "time", "timestamp", "interval", "geography", "array", "struct", "range",
})
PARAMETERISED_TYPES = frozenset({"string", "bytes", "numeric", "decimal", "bignumeric", "bigdecimal"})
# The type names a BigQuery load job's schema accepts (dbt-bigquery loads a seed with one,
# its column_types becoming the schema): fewer than a cast takes, no bigint or varchar.
BIGQUERY_LOAD_TYPES = frozenset({
    "string", "bytes", "integer", "int64", "float", "float64", "numeric", "bignumeric",
    "boolean", "bool", "timestamp", "date", "time", "datetime", "geography", "json", "record", "struct", "range",
})
CAST_FUNCTIONS = frozenset({"cast", "safe_cast", "try_cast"})

# Tokens BigQuery has no use for, whatever sqlglot makes of them.
FOREIGN_TOKENS = {
    TokenType.DCOLON: "`::` cast (Postgres/DuckDB/Snowflake; use cast(x as type))",
    TokenType.ARROW: "`->` JSON operator (use json_query)",
    TokenType.DARROW: "`->>` JSON operator (use json_value)",
    TokenType.ILIKE: "`ilike` (use lower(x) like ...)",
    TokenType.SIMILAR_TO: "`similar to` (use regexp_contains)",
    TokenType.LATERAL: "`lateral` join (use a correlated unnest or a join)",
}

Status = Literal["pass", "bigquery_problem", "execute_error", "skipped"]


@dataclass
class BigQueryCompile:
    """The offline compile: dbt's manifest, and the nodes that failed to compile, with why;
    the workspace and vars it was compiled with, for further offline compiles that reuse
    its parse."""

    manifest: dict[str, Any]
    errors: dict[str, str]
    workspace: DbtWorkspace | None = None
    vars: dict[str, Any] | None = None


@dataclass
class ModelOutcome:
    status: Status
    reason: str = ""
    rows: list[Row] | None = field(default=None, repr=False)


def compile_for_bigquery(workdir: Path, project_dir: Path = INTEGRATION_DIR, vars: dict[str, Any] | None = None) -> BigQueryCompile:
    """Compile every enabled model and data test for the offline `bigquery` target, except
    the integration project's own equal_rowsets tests: they introspect the warehouse, and
    are harness, not package SQL. The generated seeds must have been written (their CSVs
    are nodes of the project)."""
    from dbt.task.compile import CompileTask

    workspace = DbtWorkspace("bigquery", workdir, project_dir=project_dir)
    # dbt compile stops at the first node that fails; every node's outcome is wanted.
    with mock.patch.object(CompileTask, "raise_on_first_error", lambda self: False):
        result = workspace.invoke(
            "compile", "--no-introspect", "--no-populate-cache",
            "--select", "resource_type:model", "resource_type:test", "--exclude", "test_name:equal_rowsets", vars=vars, check=False,
        )
    if result.result is None:
        raise RuntimeError(f"offline BigQuery compile failed before compiling any model: {result.exception}")
    errors = {
        node_result.node.name: _compile_error(node_result.message)
        for node_result in result.result.results
        if str(node_result.status) not in ("success", "pass")
    }
    manifest = json.loads((workdir / "target" / "manifest.json").read_text())
    return BigQueryCompile(manifest=manifest, errors=errors, workspace=workspace, vars=vars)


# Why a model did not compile offline, when it is a limit of compiling offline rather than
# a fault: it queried the warehouse while compiling (dbt's error under --no-introspect is
# "connection never acquired"), or dbt skipped it because such an upstream failed.
INTROSPECTS = "queries the warehouse while compiling, which an offline compile cannot"
UPSTREAM_NOT_COMPILED = "dbt skipped it: an upstream model did not compile"


def pinned_crm_pivots(built: BuiltProject) -> dict[str, Any]:
    """The integration project's headless_crm var with every pivot column list it leaves to
    discovery pinned to the names the DuckDB build found, in the package's (binary) order:
    discovery queries the warehouse while compiling, which an offline compile cannot."""
    settings = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]["headless_crm"]
    for entity in ("person", "group"):
        for kind, name_column in (("identifier", "identifier_type"), ("trait", "trait_name")):
            if settings.get(f"{entity}_{kind}_columns") is None:
                rows = built.query(
                    f"select {name_column} as name from headless_crm_resolved_{entity}_{kind}s"
                    f" where {name_column} is not null group by {name_column} order by {name_column}"
                )
                settings[f"{entity}_{kind}_columns"] = [row["name"] for row in rows]
    return {"headless_crm": settings}


def seed_type_problems(manifest: dict[str, Any]) -> list[str]:
    """The seed column types a BigQuery load job would reject, as 'seed.column: type'."""
    return [
        f"{seed['name']}.{column}: {written}"
        for seed in typed_seeds(manifest)
        for column, written in seed["config"]["column_types"].items()
        if written.lower() not in BIGQUERY_LOAD_TYPES
    ]


def _compile_error(message: str | None) -> str:
    if message is None:
        return UPSTREAM_NOT_COMPILED
    return f"{INTROSPECTS} ({message.strip()})" if "connection never acquired" in message else message


def bigquery_problems(sql: str) -> list[str]:
    """What in this SQL BigQuery would reject, each naming the construct; empty when none."""
    try:
        trees = sqlglot.parse(sql, read="bigquery")
    except ParseError as error:
        where = error.errors[0] if error.errors else {}
        return [f"does not parse as BigQuery: {where.get('description', error)} (line {where.get('line')}, column {where.get('col')})"]
    tokens = BigQuery().tokenize(sql)
    problems = [*_token_problems(sql, tokens), *_cast_type_problems(sql, tokens)]
    for tree in filter(None, trees):
        for function in tree.find_all(exp.Anonymous):
            name = function.name.lower()
            if name not in ANONYMOUS_BIGQUERY_FUNCTIONS and name not in NON_BIGQUERY_FUNCTIONS:
                problems.append(f"function {name}() is not a known BigQuery function")
    return list(dict.fromkeys(problems))


def _token_problems(sql: str, tokens: list[Token]) -> Iterator[str]:
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        word = token.text.lower()
        if token.token_type in FOREIGN_TOKENS:
            yield FOREIGN_TOKENS[token.token_type]
        elif token.token_type == TokenType.STRING and sql[token.start] == '"' and not sql.startswith('"""', token.start):
            yield f'double-quoted "{token.text}" is a string literal in BigQuery, an identifier elsewhere (quote identifiers with backticks)'
        elif following is None:
            continue
        elif following.token_type == TokenType.L_PAREN and word in NON_BIGQUERY_FUNCTIONS and not _is_qualified(tokens, index):
            yield f"function {word}() does not exist in BigQuery"
        elif word in ("ignore", "respect") and following.text.lower() == "nulls" and index + 2 < len(tokens) and tokens[index + 2].token_type == TokenType.OVER:
            yield f"`{word} nulls` after the call (BigQuery wants it inside: f(x {word} nulls) over (...))"
        elif word == "exclude" and index > 0 and tokens[index - 1].token_type == TokenType.STAR:
            yield "`* exclude (...)` (BigQuery writes `* except (...)`)"
        elif word == "within" and following.text.lower() == "group":
            yield "`within group (order by ...)` (BigQuery orders inside the aggregate)"
        elif token.token_type == TokenType.FILTER and following.token_type == TokenType.L_PAREN:
            yield "aggregate `filter (where ...)` (use if()/case inside the aggregate)"
        elif token.token_type == TokenType.IS and following.token_type == TokenType.JSON:
            yield "`is json` predicate (use json_type(...))"
        elif token.token_type == TokenType.DISTINCT and following.token_type == TokenType.ON:
            yield "`distinct on` (use qualify row_number() ... = 1)"


def _is_qualified(tokens: list[Token], index: int) -> bool:
    """A dataset-qualified name (a UDF) is not a built-in, except safe.fn()."""
    return index > 1 and tokens[index - 1].token_type == TokenType.DOT and tokens[index - 2].text.lower() != "safe"


def _cast_type_problems(sql: str, tokens: list[Token]) -> Iterator[str]:
    """The target type of every cast(x as type), as written: sqlglot's tree maps `varchar`,
    `text` and `string` (or `double` and `float64`) to the same type, so it cannot tell."""
    # Per open parenthesis: whether it opens a cast, and where that cast's type starts.
    frames: list[tuple[bool, int | None]] = []
    for index, token in enumerate(tokens):
        if token.token_type == TokenType.L_PAREN:
            frames.append((index > 0 and tokens[index - 1].text.lower() in CAST_FUNCTIONS, None))
        elif token.token_type == TokenType.ALIAS and frames and frames[-1] == (True, None):
            frames[-1] = (True, index + 1)
        elif token.token_type == TokenType.R_PAREN and frames:
            cast, start = frames.pop()
            if cast and start is not None and start < index:
                written = sql[tokens[start].start : tokens[index - 1].end + 1]
                problem = _cast_type_problem(" ".join(written.lower().split()))
                if problem:
                    yield problem


def _cast_type_problem(written: str) -> str | None:
    base = re.split(r"\W", written, maxsplit=1)[0]
    rest = written[len(base):].strip()  # parameters, <element types>, a format clause, or foreign words
    if base == "json":
        return f"cast(... as {written}): BigQuery cannot cast to JSON (use parse_json)"
    if base not in BIGQUERY_CAST_TYPES or (rest and not rest.startswith(("(", "<", "format "))):
        return f"cast(... as {written}): {written} is not a BigQuery type"
    if rest.startswith("(") and base not in PARAMETERISED_TYPES:
        return f"cast(... as {written}): BigQuery's {base} takes no parameters"
    return None


# Columns that record the build itself (when, and as which target user), so that they differ
# between the dbt-duckdb build and the offline run by design.
BUILD_COLUMNS = {
    "insight_atoms": ("ts",),
    "insight_atoms_current": ("ts",),
    "provenance_chain": ("created_at", "created_by"),
    "context_cache": ("updated_at",),
}


def without_build_columns(model: str, rows: list[Row]) -> list[Row]:
    """A model's rows without the columns that record the build itself."""
    dropped = BUILD_COLUMNS.get(model, ())
    if lost := [column for column in dropped if any(column not in row for row in rows)]:
        raise AssertionError(f"{model} lost its build columns {lost}")
    return [{column: value for column, value in row.items() if column not in dropped} for row in rows]


def execute_on_duckdb(compiled: BigQueryCompile, source_duckdb_path: Path, workdir: Path) -> dict[str, ModelOutcome]:
    """Run every enabled model's BigQuery SQL, transpiled to DuckDB, in dependency order
    over the seeds of a dbt-duckdb build. Fresh DuckDB files under workdir are attached
    under the BigQuery project names, with the dataset as schema, so that references
    resolve as compiled. A model whose compile or upstream failed is skipped, saying so.

    The connection is to the build's own database: dbt-duckdb keeps that file open in
    this process, and DuckDB refuses to open it a second time. It is only read, and the
    attached files are detached again."""
    nodes = compiled.manifest["nodes"]
    models = {uid: node for uid, node in nodes.items() if node["resource_type"] == "model"}
    databases = sorted({node["database"] for node in nodes.values() if node["resource_type"] in ("seed", "model")})
    with contextlib.closing(duckdb.connect(str(source_duckdb_path))) as connection:
        run = _OfflineRun(connection, str(connection.execute("select current_database()").fetchall()[0][0]), compiled.errors, models)
        attached = []
        try:
            for database in databases:
                path = workdir / f"bigquery_offline_{database}.duckdb"
                path.unlink(missing_ok=True)
                connection.execute(f"attach '{path}' as \"{database}\"")
                attached.append(database)
            for node in nodes.values():
                if node["resource_type"] == "seed":
                    run.copy_from_build(node)
            order = graphlib.TopologicalSorter({uid: [d for d in node["depends_on"]["nodes"] if d in models] for uid, node in models.items()})
            return {models[uid]["name"]: run.model(models[uid]) for uid in order.static_order()}
        finally:
            for database in attached:
                connection.execute(f"detach \"{database}\"")


# Materializations whose compiled SQL is the model's result. A custom one (the headless CRM's
# connected_components) builds its table at run time from the compiled SQL, so offline only
# that SQL is checked and downstream models read the dbt-duckdb build's table instead.
RESULT_MATERIALIZATIONS = frozenset({"table", "view", "incremental"})


@dataclass
class _OfflineRun:
    connection: duckdb.DuckDBPyConnection
    build_database: str  # the dbt-duckdb build's, which keeps every relation in `main`
    errors: dict[str, str]
    models: dict[str, Any]

    def model(self, node: dict[str, Any]) -> ModelOutcome:
        name, sql, materialized = node["name"], node.get("compiled_code"), node["config"]["materialized"]
        if name in self.errors or sql is None:
            return ModelOutcome("skipped", f"did not compile offline: {self.errors.get(name, 'not compiled')}")
        if reason := WAREHOUSES["bigquery"].unsupported_models.get(name):
            return ModelOutcome("skipped", reason)
        missing = [self.models[uid]["name"] for uid in node["depends_on"]["nodes"] if uid in self.models and not self.exists(self.models[uid])]
        if missing:
            return ModelOutcome("skipped", f"upstream did not run offline: {', '.join(missing)}")
        problems = bigquery_problems(sql)
        try:
            if materialized in RESULT_MATERIALIZATIONS:
                statements = sqlglot.transpile(sql, read="bigquery", write="duckdb")
                if len(statements) != 1:
                    raise ValueError(f"expected one statement, got {len(statements)}")
                self.create_schema(node)
                self.connection.execute(f"create table {_relation(node)} as {statements[0]}")
                rows = _fetch(self.connection, f"select * from {_relation(node)}")
            else:
                self.copy_from_build(node)
        except (duckdb.Error, SqlglotError, ValueError) as error:
            reason = f"failed on DuckDB: {error}"
            return ModelOutcome("bigquery_problem" if problems else "execute_error", "; ".join([*problems, reason]))
        if problems:
            return ModelOutcome("bigquery_problem", "; ".join(problems))
        if materialized not in RESULT_MATERIALIZATIONS:
            return ModelOutcome("skipped", f"materialized='{materialized}' builds its table at run time; only the SQL it starts from was checked")
        return ModelOutcome("pass", rows=rows)

    def exists(self, node: dict[str, Any]) -> bool:
        found = self.connection.execute(
            "select count(*) from duckdb_tables() where database_name = ? and schema_name = ? and table_name = ?",
            [node["database"], node["schema"], node["alias"]],
        ).fetchone()
        return bool(found and found[0])

    def create_schema(self, node: dict[str, Any]) -> None:
        self.connection.execute(f"create schema if not exists \"{node['database']}\".\"{node['schema']}\"")

    def copy_from_build(self, node: dict[str, Any]) -> None:
        self.create_schema(node)
        self.connection.execute(f"create table {_relation(node)} as select * from \"{self.build_database}\".main.\"{node['alias']}\"")


def _relation(node: dict[str, Any]) -> str:
    return f"\"{node['database']}\".\"{node['schema']}\".\"{node['alias']}\""


def _fetch(connection: duckdb.DuckDBPyConnection, sql: str) -> list[Row]:
    cursor = connection.execute(sql)
    names = [d[0].lower() for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
