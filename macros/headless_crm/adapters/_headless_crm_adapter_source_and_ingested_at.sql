{#- The two columns every adapter ends with. -#}
{% macro _headless_crm_adapter_source_and_ingested_at(source_name, ingested_at) -%}
  cast({{ activity_schema.string_literal(source_name) }} as {{ dbt.type_string() }}) as source,
        cast({{ ingested_at if ingested_at is not none else dbt.current_timestamp() }} as {{ activity_schema.type_timestamp() }}) as _ingested_at
{%- endmacro %}
