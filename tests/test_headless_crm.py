"""The headless CRM layer: golden cases, true connected components against a union-find
reference, exclusions, incremental unions, and clear errors for bad configuration."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from typing import Any

import pytest
import sqlglot
import yaml
from sqlglot.tokens import TokenType

from activity_harness.dbt import DbtWorkspace, failing_nodes
from activity_harness.generate import crm_graphs
from activity_harness.paths import INTEGRATION_DIR
from activity_harness.project import BuiltProject, copy_duckdb_build
from activity_harness.reference import components
from production_scenario import CRM_FIRST_LOAD, UNION_MODELS, incremental_unions

pytestmark = pytest.mark.duckdb


def crm_settings() -> dict[str, Any]:
    """vars.headless_crm of the integration project."""
    return yaml.safe_load((INTEGRATION_DIR / "dbt_project.yml").read_text())["vars"]["headless_crm"]


def graph(project: BuiltProject, entity: str) -> crm_graphs.IdentifierGraph:
    generated = crm_graphs.generate(project.seed)
    return generated.persons if entity == "person" else generated.groups


# ------------------------------------------------------------------ the shared build


def test_golden_cases_match_the_hand_written_expectations(duckdb_project: BuiltProject) -> None:
    golden = [r for r in duckdb_project.results if r.unique_id.startswith("test.") and "crm_golden" in r.unique_id]
    assert len(golden) == 5, sorted(r.unique_id for r in golden)
    assert {r.unique_id: r.status for r in golden if r.status != "pass"} == {}


def test_ids_are_the_md5_of_the_smallest_identifier(duckdb_project: BuiltProject) -> None:
    (alice,) = duckdb_project.query("select distinct person_id from headless_crm_resolved_person_identifiers where identifier_value = 'alice@example.com'")
    assert alice["person_id"] == hashlib.md5(b"email alice.work@acme.test").hexdigest()
    (acme,) = duckdb_project.query("select distinct group_id from headless_crm_resolved_group_identifiers where identifier_value = 'w1'")
    assert acme["group_id"] == hashlib.md5(b"domain acme.test").hexdigest()


@pytest.mark.parametrize(("raw", "normalised"), [
    (" Alice@Example.com ", "alice@example.com"),
    ("(415) 555-0101", "14155550101"),
    ("+1 415 555 0101", "14155550101"),
    ("0044 20 7946 0958", "442079460958"),
    ("+44 20 7946 0958", "442079460958"),
    ("000-000-0000", "10000000000"),
    ("n/a", None),
])
def test_person_identifiers_are_normalised_beside_the_raw_value(duckdb_project: BuiltProject, raw: str, normalised: str | None) -> None:
    rows = duckdb_project.query(f"select distinct identifier_value from headless_crm_person_identifiers where raw_identifier_value = '{raw}'")
    assert rows == [{"identifier_value": normalised}]


@pytest.mark.parametrize(("raw", "normalised"), [
    ("https://www.ACME.test/eu", "acme.test"),
    ("www.acme.test", "acme.test"),
    ("https://initech.test/", "initech.test"),
])
def test_domains_are_normalised(duckdb_project: BuiltProject, raw: str, normalised: str) -> None:
    rows = duckdb_project.query(f"select distinct identifier_value from headless_crm_group_identifiers where raw_identifier_value = '{raw}'")
    assert rows == [{"identifier_value": normalised}]


@pytest.mark.parametrize("entity", ["person", "group"])
def test_components_equal_the_union_find_partition(duckdb_project: BuiltProject, entity: str) -> None:
    """Every generated identifier (chains of 200+ hops, stars, cycles, junk bridges) gets
    the entity of its union-find component, named by that component's smallest identifier."""
    generated = graph(duckdb_project, entity)
    expected, over_linked = components.resolve(generated.normalised_rows(), generated.blocked, crm_settings()["max_linked_identifiers"])
    resolved = duckdb_project.query(
        f"select distinct identifier_type, identifier_value, {entity}_id as entity_id "
        f"from headless_crm_resolved_{entity}_identifiers where source = 'generated'"
    )
    actual = {(row["identifier_type"], row["identifier_value"]): row["entity_id"] for row in resolved}
    assert len(actual) == len(resolved), "an identifier resolved to two entities"
    assert actual.keys() == expected.keys()
    wrong = {identifier: entity_id for identifier, entity_id in actual.items() if entity_id != components.entity_id(expected[identifier])}
    assert not wrong, f"{len(wrong)} identifiers in the wrong component, e.g. {next(iter(wrong.items()))}"

    excluded = duckdb_project.query(
        f"select distinct identifier_type, identifier_value, exclusion_reason from headless_crm_excluded_identifiers where entity_type = '{entity}'"
    )
    reasons = {(row["identifier_type"], row["identifier_value"]): row["exclusion_reason"] for row in excluded}
    assert {identifier for identifier, reason in reasons.items() if reason == "over_linked"} == over_linked
    assert all(reasons[identifier] == "blocklisted" for identifier in generated.blocked)


def test_rounds_grow_with_the_log_of_the_longest_chain(duckdb_project: BuiltProject) -> None:
    longest = graph(duckdb_project, "person").longest_chain
    assert longest >= 200
    (row,) = duckdb_project.query("select max(resolution_rounds) as rounds from headless_crm_person_components")
    assert row["rounds"] <= math.ceil(math.log2(longest)) + 3


@pytest.mark.parametrize("entity", ["person", "group"])
def test_every_identifier_is_resolved_or_reported(duckdb_project: BuiltProject, entity: str) -> None:
    seen = duckdb_project.query(
        f"select identifier_type, raw_identifier_value as raw from headless_crm_{entity}_identifiers "
        f"union select {entity}_identifier_type, raw_{entity}_identifier from headless_crm_membership_identifiers"
    )
    resolved = duckdb_project.query(f"select distinct identifier_type, raw_identifier_value as raw from headless_crm_resolved_{entity}_identifiers")
    excluded = duckdb_project.query(f"select identifier_type, raw_identifier_value as raw from headless_crm_excluded_identifiers where entity_type = '{entity}'")

    def keys(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
        return {(row["identifier_type"], row["raw"]) for row in rows}

    assert keys(resolved).isdisjoint(keys(excluded))
    assert keys(resolved) | keys(excluded) == keys(seen)


def test_shared_identifiers_warn_before_they_are_quarantined(duckdb_project: BuiltProject) -> None:
    """The monitoring test lists every identifier linked to more than warn_linked_identifiers
    others: quarantined past max_linked_identifiers, merged below it (the generated stars)."""
    settings = crm_settings()
    expected = set()
    for entity in ("person", "group"):
        generated = graph(duckdb_project, entity)
        usable = [[identifier for identifier in row if identifier not in generated.blocked] for row in generated.normalised_rows()]
        for (identifier_type, value), count in components.linked_identifier_counts(usable).items():
            if count > settings["warn_linked_identifiers"]:
                expected.add((entity, identifier_type, value, count, "quarantined" if count > settings["max_linked_identifiers"] else "merged"))
    assert {outcome for *_, outcome in expected} == {"quarantined", "merged"}
    [result] = [r for r in duckdb_project.results if "headless_crm_no_over_linked_identifiers" in r.unique_id]
    assert (result.status, result.failures) == ("warn", len(expected))
    rows = duckdb_project.query(f"select * from ({duckdb_project.manifest['nodes'][result.unique_id]['compiled_code']}) as listed")
    assert {tuple(row.values()) for row in rows} == expected


def test_unattributed_traits_raise_a_warning(duckdb_project: BuiltProject) -> None:
    (unattributed,) = [r for r in duckdb_project.results if "headless_crm_traits_have_entity_headless_crm_group_traits" in r.unique_id]
    assert (unattributed.status, unattributed.failures) == ("warn", 1)  # Judy Consulting, only known by gmail.com


def test_blocklist_entries_are_string_literals(duckdb_project: BuiltProject) -> None:
    """A blocklist value with a quote and a backslash reaches the SQL as one literal holding
    it exactly, and blocks contact c6's address (the matrix compares this table on every
    warehouse, where quotes and backslashes are escaped differently)."""
    [value] = [entry for entry in crm_settings()["blocklist"] if isinstance(entry, str) and "'" in entry]
    compiled = duckdb_project.compiled_sql("headless_crm_excluded_identifiers")
    literals = [token.text for token in sqlglot.tokenize(compiled, read="duckdb") if token.token_type == TokenType.STRING]
    assert value in literals
    excluded = duckdb_project.query("select exclusion_reason from headless_crm_excluded_identifiers where raw_identifier_value like 'o''hara%'")
    assert excluded == [{"exclusion_reason": "blocklisted"}]


def test_blank_membership_identifiers_are_listed_not_skipped(duckdb_project: BuiltProject) -> None:
    """Membership m6 has neither a user id nor a workspace id, and contacts c5 and c6 no
    company website: the records are in the event log, resolve to no membership, and each
    missing identifier is listed as excluded (blank) rather than dropped."""
    rows = duckdb_project.query("select count(*) as n from headless_crm_membership_identifiers where person_identifier is null and group_identifier is null")
    assert rows == [{"n": 1}]
    excluded = duckdb_project.query(
        "select entity_type, identifier_type, identifier_value, raw_identifier_value, occurrence_count from headless_crm_excluded_identifiers "
        "where exclusion_reason = 'blank' order by entity_type, identifier_type"
    )
    assert excluded == [
        {"entity_type": "group", "identifier_type": "domain", "identifier_value": None, "raw_identifier_value": None, "occurrence_count": 2},
        {"entity_type": "group", "identifier_type": "workspace_id", "identifier_value": None, "raw_identifier_value": None, "occurrence_count": 1},
        {"entity_type": "person", "identifier_type": "user_id", "identifier_value": None, "raw_identifier_value": None, "occurrence_count": 1},
    ]
    assert duckdb_project.query("select count(*) as n from headless_crm_memberships") == [{"n": 5}]


def test_persons_without_traits_still_appear(duckdb_project: BuiltProject) -> None:
    rows = duckdb_project.query(
        "select count(*) as persons, count(distinct person_id) as ids, "
        "(select count(distinct person_id) from headless_crm_resolved_person_identifiers) as resolved, "
        "(select count(distinct person_id) from headless_crm_resolved_person_traits) as with_traits "
        "from headless_crm_persons"
    )
    assert rows[0]["persons"] == rows[0]["ids"] == rows[0]["resolved"] > rows[0]["with_traits"]


# ------------------------------------------------------------------ a copy of the build, loaded again


def load_in_two_steps(built: BuiltProject) -> DbtWorkspace:
    """A built project's event log loaded again in two steps: refreshed with what was
    ingested before CRM_FIRST_LOAD's cutoff, then an incremental run over all adapter rows.
    The union tables end as the build left them when the increments are right."""
    workspace = built.workspace
    full_build = built.query("select count(*) as n from headless_crm_events")[0]["n"]
    # Both runs on one parse: the cutoff reaches only the adapters' compiled SQL.
    workspace.invoke("run", "--full-refresh", "--select", "+tag:headless_crm_event_log", env=CRM_FIRST_LOAD, manifest=workspace.parsed())
    first_load = workspace.query("select count(*) as n from headless_crm_events")[0]["n"]
    assert 0 < first_load < full_build
    result = workspace.invoke("run", "--select", "+tag:headless_crm_event_log", manifest=workspace.parsed())
    assert incremental_unions(result) == sorted(UNION_MODELS), "the second run was not incremental"
    return workspace


@pytest.fixture(scope="module")
def incremental(duckdb_project: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> DbtWorkspace:
    return load_in_two_steps(copy_duckdb_build(duckdb_project.workspace.workdir, tmp_path_factory.mktemp("crm_incremental"), duckdb_project.seed))


@pytest.mark.parametrize("model", UNION_MODELS)
def test_incremental_history_equals_a_full_refresh(incremental: DbtWorkspace, duckdb_project: BuiltProject, model: str) -> None:
    # The shared build loaded every union model from scratch, as a full refresh does.
    query = f"select * from {model}"
    assert Counter(tuple(row.items()) for row in incremental.query(query)) == Counter(tuple(row.items()) for row in duckdb_project.query(query))


def test_renamed_source_fails_saying_to_run_a_full_refresh(incremental: DbtWorkspace) -> None:
    """storefront renamed shop in the vars: an incremental run would keep storefront's rows
    and load them again as shop's, so it fails and says what to do."""
    settings = crm_settings()
    settings["sources"] = [{**source, "name": "shop"} if source["name"] == "storefront" else source for source in settings["sources"]]
    result = incremental.invoke("run", "--select", "headless_crm_events", vars={"headless_crm": settings}, check=False)
    message = failing_nodes(result)["headless_crm_events"]
    assert 'headless_crm_events holds rows of source(s) "storefront" that var headless_crm.sources no longer lists' in message
    assert "dbt build --full-refresh --select tag:headless_crm_event_log" in message
    assert incremental.query("select count(*) as n from headless_crm_events where source = 'shop'") == [{"n": 0}]


def test_bad_inputs_fail_clearly_and_missing_kinds_are_empty(incremental: DbtWorkspace) -> None:
    """One run: adapters lacking interface columns fail naming source, model and columns; a
    kind nobody provides is an empty typed table; hitting max_resolution_rounds is an error.
    (The models run are independent, so no failure skips another.)"""
    settings = {
        "sources": [{
            "name": "broken",
            "events_model": "ref('crm_app_person_traits')",
            "person_traits_model": "ref('crm_app_membership_identifiers')",
        }],
        "max_resolution_rounds": 2,
    }
    result = incremental.invoke("run", "--full-refresh", "--select", "headless_crm_events", "headless_crm_person_traits",
                                "headless_crm_group_traits", "headless_crm_group_components", vars={"headless_crm": settings}, check=False)
    failures = failing_nodes(result)
    assert set(failures) == {"headless_crm_events", "headless_crm_person_traits", "headless_crm_group_components"}
    assert "headless_crm source 'broken', events_model ref('crm_app_person_traits')" in failures["headless_crm_events"]
    assert "missing required column(s) event_name, event_description, event_type" in failures["headless_crm_events"]
    assert "person_traits_model ref('crm_app_membership_identifiers')" in failures["headless_crm_person_traits"]
    assert "missing required column(s) row_id, trait_name, trait_value" in failures["headless_crm_person_traits"]
    assert "did not converge within max_rounds=2 rounds" in failures["headless_crm_group_components"]

    columns = incremental.query("select column_name, data_type from information_schema.columns where table_name = 'headless_crm_group_traits' order by ordinal_position")
    assert [(c["column_name"], c["data_type"]) for c in columns] == [
        ("id", "VARCHAR"), ("event_id", "VARCHAR"), ("row_id", "VARCHAR"), ("trait_name", "VARCHAR"), ("trait_value", "VARCHAR"),
        ("source", "VARCHAR"), ("occurred_at", "TIMESTAMP"), ("_ingested_at", "TIMESTAMP")]
    assert incremental.query("select count(*) as n from headless_crm_group_traits") == [{"n": 0}]


def test_unknown_model_kind_is_an_error_naming_source_and_key(incremental: DbtWorkspace) -> None:
    settings = {"sources": [{"name": "shop", "events_model": "ref('crm_storefront_events')", "person_identifier_model": "ref('crm_storefront_person_identifiers')"}]}
    result = incremental.invoke("parse", vars={"headless_crm": settings}, check=False)
    assert not result.success
    log = "\n".join(incremental.log)
    assert "headless_crm source 'shop': unknown key 'person_identifier_model'" in log
    assert "person_identifiers_model" in log  # the valid keys are listed


def test_the_layer_is_disabled_without_the_var(incremental: DbtWorkspace) -> None:
    result = incremental.invoke("ls", "--output", "name", "--resource-type", "model", "--resource-type", "seed",
                                "--resource-type", "test", vars={"headless_crm": None})
    listed = set(result.result)
    assert "crm_storefront_events" in listed  # the adapters are plain models of the project
    assert not {name for name in listed if "headless_crm" in name}, "package models, seed or tests left enabled"
    assert not {name for name in listed if name.startswith("crm_golden_") and not name.startswith("crm_golden_expected_")}
