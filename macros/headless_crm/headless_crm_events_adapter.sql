{#- A complete events adapter model (document 003's interface) in one call:
      {{ activity_schema.headless_crm_events_adapter('storefront', ref('orders'),
             id='order_id', occurred_at='ordered_at', event_name="'placed_order'", event_type="'commerce'") }}
    Every argument but source_name and relation is an SQL expression over the relation.
    ingested_at defaults to the current timestamp; `where` filters the relation. -#}
{% macro headless_crm_events_adapter(source_name, relation, id, occurred_at, event_name, event_type, event_description=none,
                                     value=none, value_unit=none, ingested_at=none, where=none) %}
  {{ return(adapter.dispatch('headless_crm_events_adapter', 'activity_schema')(
      source_name, relation, id, occurred_at, event_name, event_type, event_description, value, value_unit, ingested_at, where)) }}
{% endmacro %}

{% macro default__headless_crm_events_adapter(source_name, relation, id, occurred_at, event_name, event_type, event_description,
                                              value, value_unit, ingested_at, where) %}
  {%- set string_type = dbt.type_string() -%}
    select
        cast({{ id }} as {{ string_type }}) as id,
        cast({{ occurred_at }} as {{ activity_schema.type_timestamp() }}) as occurred_at,
        cast({{ event_name }} as {{ string_type }}) as event_name,
        cast({{ event_description if event_description is not none else 'null' }} as {{ string_type }}) as event_description,
        cast({{ value if value is not none else 'null' }} as {{ activity_schema.type_float() }}) as value,
        cast({{ value_unit if value_unit is not none else 'null' }} as {{ string_type }}) as value_unit,
        cast({{ event_type }} as {{ string_type }}) as event_type,
        {{ activity_schema._headless_crm_adapter_source_and_ingested_at(source_name, ingested_at) }}
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
{% endmacro %}

{#- The two columns every adapter ends with. -#}
{% macro _headless_crm_adapter_source_and_ingested_at(source_name, ingested_at) -%}
  cast({{ activity_schema.string_literal(source_name) }} as {{ dbt.type_string() }}) as source,
        cast({{ ingested_at if ingested_at is not none else dbt.current_timestamp() }} as {{ activity_schema.type_timestamp() }}) as _ingested_at
{%- endmacro %}
