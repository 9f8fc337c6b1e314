{{ config(
    materialized='incremental',
    full_refresh=false,
    incremental_strategy=activity_schema.append_incremental_strategy(),
    enabled=activity_schema._erasure_enabled(),
) }}
{#- The suppression list: hashes of erased ids, written by the erase_person operation and
    read by every stream, the identity models and the CRM event log when they take rows
    in. A model only so that it exists and others can ref it; it never selects a row, and
    --full-refresh leaves it as it is. -#}
select
    cast(null as {{ dbt.type_string() }}) as key_hash,
    cast(null as {{ dbt.type_string() }}) as key_kind,
    cast(null as {{ activity_schema.type_timestamp() }}) as suppressed_at
where 1 = 0
