"""build_activity: deterministic ids, features, contract columns and types."""

from __future__ import annotations

import hashlib
import json

import pytest

from activity_harness.project import BuiltProject

pytestmark = pytest.mark.duckdb

CONTRACT_COLUMNS = [
    "activity_id", "ts", "activity", "customer", "anonymous_customer_id", "feature_json",
    "revenue_impact", "link", "activity_occurrence", "activity_repeated_at", "source_key",
]


def documented_key(*parts: str | None) -> str:
    """The README's encoding: each part 'v' + text with pipes doubled ('' for null), joined by '|', md5."""
    encoded = "|".join("" if part is None else "v" + part.replace("|", "||") for part in parts)
    return hashlib.md5(encoded.encode()).hexdigest()


@pytest.mark.parametrize("model", ["stg_web_activity", "customer_stream"])
def test_stream_has_the_contract_columns_in_order(duckdb_project: BuiltProject, model: str) -> None:
    columns = duckdb_project.query(f"select column_name, data_type from information_schema.columns where table_name = '{model}' order by ordinal_position")
    assert [c["column_name"] for c in columns] == CONTRACT_COLUMNS
    types = {c["column_name"]: c["data_type"] for c in columns}
    assert (types["ts"], types["feature_json"], types["revenue_impact"]) == ("TIMESTAMP", "JSON", "DOUBLE")


def test_activity_ids_are_the_documented_hash_and_features_carry_the_columns(duckdb_project: BuiltProject) -> None:
    rows = duckdb_project.query("select activity_id, activity, cast(feature_json as varchar) as features, link, revenue_impact, source_key from stg_web_activity")
    by_id = {row["activity_id"]: row for row in rows}
    assert len(by_id) == len(duckdb_project.data.events)
    for event in duckdb_project.data.events:
        row = by_id[documented_key(str(event["event_type"]), str(event["event_id"]))]
        assert (row["activity"], row["source_key"]) == (event["event_type"], str(event["event_id"]))
        assert json.loads(row["features"]) == {"product_category": event["product_category"], "referrer": event["referrer"]}
        assert (row["link"], row["revenue_impact"]) == (event["page_url"], event["revenue"])


def test_stitching_changes_only_the_customer(duckdb_project: BuiltProject) -> None:
    """customer_stream is stg_web_activity with customers filled in: same ids, same other columns."""
    changed = duckdb_project.query(
        """
        select count(*) as n from stg_web_activity as raw
        join customer_stream as stitched using (activity_id)
        where raw.ts is distinct from stitched.ts or raw.activity is distinct from stitched.activity
           or raw.anonymous_customer_id is distinct from stitched.anonymous_customer_id
           or (raw.customer is not null and raw.customer <> stitched.customer)
        """
    )
    assert changed == [{"n": 0}]
    [counts] = duckdb_project.query("select (select count(*) from stg_web_activity) as raw, (select count(*) from customer_stream) as stitched")
    assert counts["raw"] == counts["stitched"]
