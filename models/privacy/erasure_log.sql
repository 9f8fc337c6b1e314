{{ config(
    materialized='incremental',
    full_refresh=false,
    incremental_strategy=activity_schema.append_incremental_strategy(),
    enabled=activity_schema._erasure_enabled(),
) }}
{#- One row per erase_person call: when, by whom, a hash of the key it was called with
    (never the key) and how many rows it deleted from each table. Written by the
    operation; the model never selects a row, and --full-refresh leaves it as it is. -#}
select
    cast(null as {{ dbt.type_string() }}) as erasure_id,
    cast(null as {{ activity_schema.type_timestamp() }}) as erased_at,
    cast(null as {{ dbt.type_string() }}) as erased_by,
    cast(null as {{ dbt.type_string() }}) as key_kind,
    cast(null as {{ dbt.type_string() }}) as key_hash,
    cast(null as {{ dbt.type_bigint() }}) as rows_deleted,
    cast(null as {{ dbt.type_string() }}) as rows_deleted_per_table,
    cast(null as {{ dbt.type_bigint() }}) as keys_suppressed
where 1 = 0
