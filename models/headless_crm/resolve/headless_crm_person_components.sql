{{ config(
    materialized='connected_components',
    enabled=activity_schema._headless_crm_enabled(),
    meta={'max_rounds': activity_schema._headless_crm_setting('max_resolution_rounds')},
) }}
{{ activity_schema._headless_crm_identity_graph('person') }}
