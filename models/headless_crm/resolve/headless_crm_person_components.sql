{{ config(
    materialized='connected_components',
    max_rounds=activity_schema._headless_crm_setting('max_resolution_rounds'),
    enabled=activity_schema._headless_crm_enabled(),
) }}
{{ activity_schema._headless_crm_identity_graph('person') }}
