{#- Shared by the identifier and trait unpivots: one select per (name, expression) pair,
    skipping null values (and blank ones when skip_blank: a blank identifier column is
    an absent identifier, not an invalid one). -#}
{% macro _headless_crm_unpivot(source_name, relation, pairs, row_id, event_id, occurred_at, ingested_at, where, name_column, value_column, skip_blank) %}
  {%- set string_type = dbt.type_string() -%}
  {%- set pairs = activity_schema._key_value_pairs('headless_crm unpivot for source ' ~ (source_name | tojson), 'identifiers' if name_column == 'identifier_type' else 'traits', pairs) -%}
  {%- if not pairs -%}
    {{ exceptions.raise_compiler_error("headless_crm unpivot for source '" ~ source_name ~ "' (" ~ relation ~ "): give at least one " ~ name_column ~ " and its column") }}
  {%- endif -%}
  {%- for name, expression in pairs %}
    {%- set value = 'cast(' ~ expression ~ ' as ' ~ string_type ~ ')' %}
    {%- set name_literal = activity_schema.string_literal(name) %}
    select
        {{ activity_schema.surrogate_key([event_id, row_id, name_literal]) }} as id,
        cast({{ event_id }} as {{ string_type }}) as event_id,
        cast({{ row_id }} as {{ string_type }}) as row_id,
        cast({{ name_literal }} as {{ string_type }}) as {{ name_column }},
        {{ value }} as {{ value_column }},
        {{ activity_schema._headless_crm_adapter_source_and_ingested_at(source_name, ingested_at) }},
        cast({{ occurred_at }} as {{ activity_schema.type_timestamp() }}) as occurred_at
    from {{ relation }}
    where {{ activity_schema.id_present(value) if skip_blank else value ~ ' is not null' }}
      {%- if where %} and ({{ where }}){% endif %}
    {% if not loop.last %}union all{% endif %}
  {%- endfor %}
{% endmacro %}
