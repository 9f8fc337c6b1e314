{{ config(materialized='view') }}
-- The event source as it stands after load number env_var ACTIVITY_SCHEMA_TEST_BATCH (all
-- three loads by default): the production history loads it one batch at a time.
select *
from {{ ref('prod_events') }}
where batch <= {{ env_var('ACTIVITY_SCHEMA_TEST_BATCH', '3') | int }}
