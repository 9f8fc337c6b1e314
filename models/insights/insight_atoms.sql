{{ config(enabled=activity_schema._insights_enabled()) }}
{#- One atom per row each declared metric query returns: (customer_id, subject, value),
    with the query's provenance hash. Rebuilt on every run: ts is when it was computed. -#}
{%- set string_type = dbt.type_string() -%}
{%- for query in activity_schema._metric_queries() %}
{%- set query_hash = activity_schema.provenance_query_hash(query.template, query.parameters) %}
select
    {{ activity_schema.surrogate_key([query_hash, 'metric_query.customer_id', 'metric_query.subject']) }} as atom_id,
    cast(metric_query.customer_id as {{ string_type }}) as customer_id,
    cast(metric_query.subject as {{ string_type }}) as subject,
    cast({{ activity_schema.string_literal(query.name) }} as {{ string_type }}) as metric,
    cast(metric_query.value as {{ activity_schema.type_float() }}) as value,
    {{ query_hash }} as provenance_query_hash,
    {{ activity_schema.current_utc_timestamp() }} as ts,
    cast({{ query.ttl if query.ttl is not none else 'null' }} as {{ dbt.type_bigint() }}) as ttl
from (
    {{ activity_schema._render_metric_template(query) }}
) as metric_query
{% if not loop.last %}union all{% endif %}
{%- endfor %}
