{{ config(enabled=var('crm_bench', false), materialized='view') }}
-- The benchmark's identifier graph (`activity-harness bench-crm` writes the source table).
select id, event_id, row_id, identifier_type, identifier_value, source, occurred_at, _ingested_at
from {{ source('crm_bench', 'person_identifier_rows') }}
