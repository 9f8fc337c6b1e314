"""The bad-input corpus (integration_tests/bad_input) on DuckDB and Postgres: every case's
compile error, warning, violation rows or correct result despite hostile text.

One client project per warehouse holds every case; it is built once, and the calls that
must fail or warn are compiled one by one against the built inputs. Set
ACTIVITY_SCHEMA_PACKAGE_DIR to a checkout of another version of the package to run the
corpus against it (each case must fail on a version without its fix)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from sqlglot.tokens import TokenType

from activity_harness.bad_input import (
    PWNED_TABLE,
    VICTIM_TABLE,
    Case,
    CorpusProject,
    load_cases,
    row_differences,
)
from activity_harness.dbt import DbtWorkspace, failing_nodes, invoke_in_time_zone, stored_failures
from activity_harness.paths import REPO_ROOT
from activity_harness.warehouses import WAREHOUSES, PostgresServer

ALL_CASES = load_cases()
CASES = {case.name: case for case in ALL_CASES if not case.shared}
TARGETS = [pytest.param(target, marks=getattr(pytest.mark, target)) for target in ("duckdb", "postgres")]


@dataclass
class CorpusBuild:
    project: CorpusProject
    workspace: DbtWorkspace
    failures: dict[str, str]
    stored: dict[str, str]
    compiled: dict[str, str]
    postgres: PostgresServer | None

    def rows(self, sql: str) -> list[dict[str, Any]]:
        return self.workspace.query(sql)


def build_corpus(target: str, workdir: Path, postgres: PostgresServer | None) -> CorpusBuild:
    """The corpus project built once on a warehouse (seeds, models and data tests), with a
    victim table created beforehand."""
    package_dir = Path(os.environ.get("ACTIVITY_SCHEMA_PACKAGE_DIR", REPO_ROOT))
    project = CorpusProject(workdir / "project", target, ALL_CASES, package_dir=package_dir)
    project.write()
    workspace = DbtWorkspace(target, workdir / "work", project_dir=project.directory, postgres=postgres)
    workspace.invoke("deps")
    if target == "postgres":
        workspace.execute("create schema if not exists main")
    workspace.execute(f"create table {VICTIM_TABLE} as select 1 as survived")
    result = workspace.invoke("build", "--store-failures", vars=project.vars, check=False)
    if result.exception is not None:
        raise AssertionError(f"the corpus project did not build: {result.exception}")
    compiled = {r.node.name: r.node.compiled_code for r in result.result.results if r.node.resource_type == "model"}
    return CorpusBuild(project, workspace, failing_nodes(result), stored_failures(result), compiled, postgres)


@pytest.fixture(scope="module")
def corpus_duckdb(tmp_path_factory: pytest.TempPathFactory) -> CorpusBuild:
    return build_corpus("duckdb", tmp_path_factory.mktemp("bad_input_duckdb"), None)


@pytest.fixture(scope="module")
def corpus_postgres(tmp_path_factory: pytest.TempPathFactory, postgres_server: PostgresServer) -> CorpusBuild:
    return build_corpus("postgres", tmp_path_factory.mktemp("bad_input_postgres"), postgres_server)


@pytest.fixture
def corpus(request: pytest.FixtureRequest, target: str) -> CorpusBuild:
    build: CorpusBuild = request.getfixturevalue(f"corpus_{target}")
    return build


def compile_inline(build: CorpusBuild, case: Case) -> tuple[bool, str]:
    result = build.workspace.inline_compilation(case.sql(case.spec["model"]), vars=build.project.inline_vars(case), check=False)
    return bool(result.success), "\n".join(build.workspace.log)


def assert_rows(case: Case, kind: str, target: str, actual: list[dict[str, Any]]) -> None:
    expected = case.expected_rows(kind, target)
    assert expected is not None
    missing, unexpected = row_differences(expected, actual)
    assert not missing and not unexpected, f"{case.name} ({kind}): missing {sorted(missing.elements(), key=str)}, unexpected {sorted(unexpected.elements(), key=str)}"


def cases_with(*keys: str) -> list[str]:
    """Cases with one of the keys; those with vars of their own last, since a change of vars
    makes dbt parse the project anew."""
    return sorted((name for name, case in CASES.items() if any(key in case.spec for key in keys)), key=lambda name: ("vars" in CASES[name].spec, name))


def cases_expecting(kind: str) -> list[str]:
    return [name for name, case in CASES.items() if case.built and case.expects(kind)]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case_name", cases_with("expected_error"))
def test_bad_call_is_a_clear_error(corpus: CorpusBuild, case_name: str) -> None:
    case = CASES[case_name]
    success, log = compile_inline(corpus, case)
    assert not success, f"{case_name}: compiled, but must fail with {case.spec['expected_error']}"
    for fragment in case.spec["expected_error"]:
        assert fragment in log, f"{case_name}: {fragment!r} not in the error:\n{log[-3000:]}"


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case_name", cases_with("expected_warning"))
def test_suspicious_call_warns(corpus: CorpusBuild, case_name: str) -> None:
    case = CASES[case_name]
    success, log = compile_inline(corpus, case)
    assert success, f"{case_name}: must compile (with a warning):\n{log[-3000:]}"
    for fragment in case.spec["expected_warning"]:
        assert fragment in log, f"{case_name}: {fragment!r} not in the warning:\n{log[-3000:]}"


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case_name", cases_expecting("expected"))
def test_model_gives_the_expected_rows(corpus: CorpusBuild, case_name: str, target: str) -> None:
    case = CASES[case_name]
    assert case_name not in corpus.failures or "data_test" in case.spec, corpus.failures.get(case_name)
    assert_rows(case, "expected", target, corpus.rows(f"select * from {case_name}"))


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case_name", cases_with("data_test"))
def test_data_test_names_each_bad_row(corpus: CorpusBuild, case_name: str, target: str) -> None:
    case = CASES[case_name]
    [test] = [name for name in corpus.stored if name.endswith(f"_{case_name}") or f"_{case_name}_" in name]
    message = corpus.failures.get(test, "")
    assert "error" not in message.lower() or "Got" in message, f"{case_name}: the data test errored instead of returning rows: {message}"
    assert_rows(case, "expected_violations", target, corpus.rows(f"select * from {corpus.stored[test]}"))


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case_name", cases_with("injection"))
def test_injected_text_stays_a_literal(corpus: CorpusBuild, case_name: str, target: str) -> None:
    case = CASES[case_name]
    value = case.spec["injection"]
    sql = corpus.compiled[case_name]
    statements = [statement for statement in sqlglot.parse(sql, read=WAREHOUSES[target].dialect) if statement is not None]
    assert len(statements) == 1, f"{case_name}: the compiled SQL holds {len(statements)} statements"
    tokens = sqlglot.tokenize(sql, read=WAREHOUSES[target].dialect)
    quoted = [token.text for token in tokens if token.token_type in (TokenType.STRING, TokenType.IDENTIFIER)]
    assert any(value in text for text in quoted), f"{case_name}: {value!r} is in no string literal or quoted identifier of the compiled SQL"
    bare = " ".join(token.text for token in tokens if token.token_type not in (TokenType.STRING, TokenType.IDENTIFIER))
    assert not any(word in bare for word in value.split(";")[1:] if word.strip()), f"{case_name}: part of {value!r} is SQL outside literals"
    assert corpus.rows(f"select survived from {VICTIM_TABLE}") == [{"survived": 1}]
    tables = corpus.rows("select table_name from information_schema.tables where table_schema = 'main'")
    assert PWNED_TABLE not in {row["table_name"] for row in tables}


@pytest.mark.duckdb
@pytest.mark.postgres
@pytest.mark.parametrize("case_name", cases_with("time_zones"))
def test_result_does_not_depend_on_the_process_time_zone(request: pytest.FixtureRequest, case_name: str, tmp_path: Path) -> None:
    """Built by a dbt process of its own under each time zone, its warehouse sessions in
    that zone too, on each selected warehouse, from scratch (the corpus build holds its
    DuckDB file open)."""
    case = CASES[case_name]
    chosen = request.config.getoption("--target")
    targets = [target for target in ("duckdb", "postgres") if chosen in (target, "all")]
    for zone in case.spec["time_zones"]:
        runs = []
        for target in targets:
            build = request.getfixturevalue("corpus_" + target)
            workspace = DbtWorkspace(target, tmp_path / zone.replace("/", "_") / target, project_dir=build.project.directory, postgres=build.postgres)
            runs.append((workspace, workspace.command("build", "--select", f"+{case_name}", vars=build.project.vars)))
        invoke_in_time_zone(runs, zone)
        for workspace, _ in runs:
            assert_rows(case, "expected", workspace.target, workspace.query(f"select * from {case_name}"))
