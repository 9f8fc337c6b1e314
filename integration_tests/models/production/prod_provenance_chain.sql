{{ config(enabled=activity_schema._insights_enabled()) }}
-- The package's provenance chain without created_at / created_by, for the comparison
-- across warehouses.
select query_hash, template_name, query_text, {{ activity_schema.json_to_string('parameters') }} as parameters
from {{ ref('provenance_chain') }}
