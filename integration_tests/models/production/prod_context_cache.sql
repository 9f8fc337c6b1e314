{{ config(enabled=activity_schema._context_cache_enabled()) }}
-- The package's context cache without updated_at, for the comparison across warehouses.
select customer_id, {{ activity_schema.json_to_string('context') }} as context, version, context_hash
from {{ ref('context_cache') }}
