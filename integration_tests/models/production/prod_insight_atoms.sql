{{ config(enabled=activity_schema._insights_enabled()) }}
-- The package's insight atoms without the time they were computed (which differs per
-- build), so that every warehouse's atoms compare with DuckDB's.
select atom_id, customer_id, subject, metric, value, provenance_query_hash, ttl
from {{ ref('insight_atoms') }}
