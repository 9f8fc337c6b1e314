{{ config(materialized='view') }}
-- An identity source, loaded in batches like the events. With env_var
-- ACTIVITY_SCHEMA_TEST_INTERRUPT set the view fails (the interrupted load): the identity
-- models and the stitched stream are skipped.
select
    anonymous_id as anonymous_customer_id,
    user_id as customer,
    identified_at as ts
from {{ ref('prod_identifications') }}
where batch <= {{ env_var('ACTIVITY_SCHEMA_TEST_BATCH', '3') | int }}
{%- if env_var('ACTIVITY_SCHEMA_TEST_INTERRUPT', '') %}
  and cast({{ activity_schema.string_literal('interrupted') }} as integer) = 1
{%- endif %}
