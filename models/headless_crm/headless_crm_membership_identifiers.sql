{{ config(
    materialized='incremental',
    incremental_strategy=activity_schema._headless_crm_setting('incremental_strategy'),
    unique_key=['source', 'id'],
    enabled=activity_schema._headless_crm_enabled(),
    tags=['headless_crm', 'headless_crm_event_log'],
) }}
{{ activity_schema._headless_crm_union('membership_identifiers') }}
