{{ config(
    materialized='incremental',
    incremental_strategy=activity_schema.append_incremental_strategy(),
    enabled=activity_schema._insights_enabled(),
) }}
{#- One row per declared metric query, recorded the first time its hash is seen: a changed
    template or parameter is a new hash and a new row; the old row stays, so the atoms a
    hash produced can always be traced to the query text. -#}
{%- set string_type = dbt.type_string() -%}
with declared as (
{%- for query in activity_schema._metric_queries() %}
    select
        {{ activity_schema.provenance_query_hash(query.template, query.parameters) }} as query_hash,
        cast({{ activity_schema.string_literal(query.name) }} as {{ string_type }}) as template_name,
        cast({{ activity_schema.string_literal(query.template) }} as {{ string_type }}) as query_text,
        {{ activity_schema.json_from_string(activity_schema.string_literal(activity_schema._provenance_parameters_json(query.parameters))) }} as parameters,
        {{ activity_schema.current_utc_timestamp() }} as created_at,
        cast({{ activity_schema.string_literal(target.get('user') or target.name) }} as {{ string_type }}) as created_by
    {% if not loop.last %}union all{% endif %}
{%- endfor %}
)

select *
from declared
{%- if is_incremental() %}
where query_hash not in (select query_hash from {{ this }})
{%- endif %}
