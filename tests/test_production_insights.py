"""Insight atoms, the context cache and the provenance chain, from the integration
project's declared metric queries: the SQL-side provenance hash equals the Python
reference (Python's hashlib and json, written to the definition's JavaScript semantics)
on awkward parameters, the atoms are the queries' results, expired atoms are hidden, and
misdeclared queries fail at compile time."""

from __future__ import annotations

import datetime
import json
import math
import random
import struct
import time
from typing import Any

import pytest
import yaml

from activity_harness.paths import INTEGRATION_DIR
from activity_harness.project import BuiltProject
from activity_harness.reference.provenance import normalized_template, parameters_json, query_hash

pytestmark = pytest.mark.duckdb


def metric_queries() -> list[dict[str, Any]]:
    """vars.activity_schema.metric_queries, read as dbt reads them (PyYAML)."""
    queries: list[dict[str, Any]] = yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]["activity_schema"]["metric_queries"]
    return queries


def compile_inline(project: BuiltProject, sql: str, check: bool = True) -> str:
    result = project.workspace.inline_compilation(sql, check=check)
    return str(result.result.results[0].node.compiled_code) if result.success else "\n".join(project.workspace.log)


@pytest.mark.parametrize("query", metric_queries(), ids=lambda query: query["name"])
def test_provenance_hash_is_the_references(duckdb_project: BuiltProject, query: dict[str, Any]) -> None:
    (row,) = duckdb_project.query(f"select query_hash, query_text, parameters from provenance_chain where template_name = '{query['name']}'")
    assert row["query_hash"] == query_hash(query["template"], query.get("parameters"))
    assert row["query_text"] == query["template"]
    assert json.loads(row["parameters"]) == json.loads(parameters_json(query.get("parameters") or {}))


def test_awkward_parameters_are_in_the_hashed_query() -> None:
    """The integration project's revenue query carries the awkward inputs: text beyond the
    BMP, numbers JavaScript prints otherwise than Python, nesting the replacer list
    filters, 1e20 that YAML reads as text."""
    (revenue,) = [query for query in metric_queries() if query["name"] == "revenue"]
    text = parameters_json(revenue["parameters"])
    assert '"thresholds":[1,100000000000000000000,1e+21,0.1,1e-7,0,3,12345678901234567000]' in text
    assert '"nested":{"label":{"thresholds":[2.5,{"label":"x"}]}}' in text  # other and count are not top-level keys
    assert '"written_1e20":"1e20"' in text and "😀" in text and text.endswith('"ключ":"значение","！":"full-width"}')


def _random_doubles(count: int) -> list[float]:
    rng = random.Random(7)
    doubles: list[float] = []
    while len(doubles) < count:
        value = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(value):
            doubles.append(value)
    return doubles


def test_jinja_serialiser_equals_the_reference(duckdb_project: BuiltProject) -> None:
    """The payload the warehouse hashes is written by Jinja at compile time; on 1,500
    random doubles, round numbers and awkward text it is the reference's, byte for byte."""
    cases: list[list[Any]] = [["select 1", {"x": value}] for value in _random_doubles(1500)]
    cases += [["select 1", {"x": value}] for value in (1.0, 1e20, 1e21, 0.1, 1e-6, 1e-7, -0.0, 5e-324, 2**53 + 1, True, None)]
    cases += [[" \t select\u00a0\u2028 x \ufeff", {"\U0001F600": {"\U0001F600": [1.5, "\x00\x1f\"\\\u2028é"]}, "\uff01": {}, "a": []}]]
    literal = json.dumps(cases).replace("\\", "\\\\").replace("'", "\\'")
    sql = "{% for case in fromjson('" + literal + "') %}{{ activity_schema._provenance_payload(case[0], case[1]) | tojson }}\n{% endfor %}"
    payloads = [json.loads(line) for line in compile_inline(duckdb_project, sql).strip("\n").split("\n")]
    expected = [normalized_template(template) + parameters_json(parameters) for template, parameters in cases]
    mismatches = [(case, want, got) for case, want, got in zip(cases, expected, payloads) if want != got]
    assert len(payloads) == len(cases) and not mismatches, mismatches[:3]


def test_atoms_are_the_metric_queries_results(duckdb_project: BuiltProject) -> None:
    atoms = {(row["metric"], row["customer_id"], row["subject"]): row["value"] for row in duckdb_project.query("select * from insight_atoms")}
    assert atoms == {
        ("purchase_count", "u1", "made_purchase"): 3, ("purchase_count", "u2", "made_purchase"): 3, ("purchase_count", "u3", "made_purchase"): 1,
        ("revenue", "u1", "revenue"): 60.5, ("revenue", "u2", "revenue"): 149.0, ("revenue", "u3", "revenue"): 20.0,
        ("page_views", "u1", "/home"): 2, ("page_views", "u1", "/pricing"): 1, ("page_views", "u2", "/home"): 1,
        ("page_views", "u2", "/pricing"): 1, ("page_views", "u2", "/signup"): 1, ("page_views", "u3", "/docs"): 1, ("page_views", "u3", "/home"): 1,
    }
    hashes = {row["metric"]: row["provenance_query_hash"] for row in duckdb_project.query("select distinct metric, provenance_query_hash from insight_atoms")}
    assert hashes == {query["name"]: query_hash(query["template"], query.get("parameters")) for query in metric_queries()}


def test_expired_atoms_are_hidden(duckdb_project: BuiltProject) -> None:
    """page_views atoms live one second; the others a day or forever."""
    (computed,) = duckdb_project.query("select max(ts) as ts from insight_atoms")
    now = duckdb_project.query("select cast(current_timestamp at time zone 'UTC' as timestamp) as now")[0]["now"]
    time.sleep(max(0.0, 1.5 - (now - computed["ts"]).total_seconds()))
    live = duckdb_project.query("select metric, count(*) as atoms from insight_atoms_current group by metric order by metric")
    assert live == [{"metric": "purchase_count", "atoms": 3}, {"metric": "revenue", "atoms": 3}]


def test_context_is_the_customers_atoms(duckdb_project: BuiltProject) -> None:
    expected: dict[str, dict[str, dict[str, float]]] = {}
    for atom in duckdb_project.query("select customer_id, metric, subject, value from insight_atoms"):
        expected.setdefault(atom["customer_id"], {}).setdefault(atom["metric"], {})[atom["subject"]] = atom["value"]
    rows = duckdb_project.query("select customer_id, context, version, updated_at from context_cache")
    assert {row["customer_id"]: json.loads(row["context"]) for row in rows} == expected
    assert {row["version"] for row in rows} == {1}
    assert all(isinstance(row["updated_at"], datetime.datetime) for row in rows)


QUERY = "{'name': 'q', 'template': 'select 1 as customer_id, 2 as subject, 3 as value'"
ERRORS = {
    "unknown key": ("_metric_queries([" + QUERY + ", 'params': {}}])", ["unknown key 'params'", "name, template, parameters, ttl"]),
    "bad name": ("_metric_queries([{'name': 'Purchase Count', 'template': 'select 1'}])", ["needs a name of lowercase letters"]),
    "duplicate name": ("_metric_queries([" + QUERY + "}, " + QUERY + "}])", ["the name 'q' is used twice"]),
    "no template": ("_metric_queries([{'name': 'q'}])", ["('q') needs a template"]),
    "bad ttl": ("_metric_queries([" + QUERY + ", 'ttl': 0}])", ["ttl must be a number of seconds > 0"]),
    "same hash": ("_metric_queries([" + QUERY + ", 'parameters': {'p': {'a': 1}}}, {'name': 'r', 'template': 'select  1 as customer_id, 2 as subject, 3 as value', 'parameters': {'p': {'a': 2}}}])",
                  ["('r') would have the provenance hash of 'q'", "keeps a nested key only when it is also a top-level key"]),
    "key not text": ("_provenance_parameters_json({1: 'a'})", ["parameter names must be text"]),
    "unknown placeholder": ("_render_metric_template({'name': 'q', 'template': 'select ${activty}', 'parameters': {'activity': 'x'}})",
                            ["metric query 'q': ${activty} names no parameter value", '{"activity": "x"}']),
    "bad ref": ("_render_metric_template({'name': 'q', 'template': 'select * from ${ref:a b}', 'parameters': {}})", ["must name a model as ${ref:model}"]),
}


@pytest.mark.parametrize("case", ERRORS)
def test_misdeclared_metric_query_fails_at_compile_time(duckdb_project: BuiltProject, case: str) -> None:
    call, fragments = ERRORS[case]
    log = compile_inline(duckdb_project, "{{ activity_schema." + call + " }}", check=False)
    for fragment in fragments:
        assert fragment in log, f"{case}: {fragment!r} not in {log[-800:]}"


def test_placeholders_become_literals_and_relations(duckdb_project: BuiltProject) -> None:
    sql = compile_inline(duckdb_project, "{{ activity_schema._render_metric_template({'name': 'q', 'template': "
                         "\"select * from ${ref:prod_stream} where activity in (${a}) and x = ${n.k} and y = ${t}\", "
                         "'parameters': {'a': ['made_purchase', \"o'brien\"], 'n': {'k': 2.5}, 't': true}}) }}")
    assert sql.endswith("where activity in ('made_purchase', 'o''brien') and x = 2.5 and y = true")
    assert '"prod_stream"' in sql
