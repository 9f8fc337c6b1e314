{#- The blocklist entries that apply to one entity: the package seed and the client's
    var entries, each (identifier_type or 'any', match_type 'exact' or 'like', value). -#}
{% macro _headless_crm_blocklist(entity) %}
  {%- set settings = activity_schema._headless_crm_settings() -%}
  {%- set string_type = dbt.type_string() -%}
  {%- set selects = [] -%}
  {%- if settings.use_default_blocklist -%}
    {%- do selects.append("select identifier_type, match_type, identifier_value from " ~ ref('headless_crm_identifier_blocklist') ~ " where entity_type in (" ~ activity_schema.string_literal(entity) ~ ", 'any')") -%}
  {%- endif -%}
  {%- for entry in activity_schema._headless_crm_client_blocklist() if entry.entity_type in (entity, 'any') -%}
    {%- set literals = [] -%}
    {%- for column in ['identifier_type', 'match_type', 'identifier_value'] -%}
      {%- do literals.append("cast(" ~ activity_schema.string_literal(entry[column]) ~ " as " ~ string_type ~ ") as " ~ column) -%}
    {%- endfor -%}
    {%- do selects.append("select " ~ literals | join(", ")) -%}
  {%- endfor -%}
  {%- if not selects -%}
    {%- do selects.append("select cast(null as " ~ string_type ~ ") as identifier_type, cast(null as " ~ string_type ~ ") as match_type, cast(null as " ~ string_type ~ ") as identifier_value where 1 = 0") -%}
  {%- endif -%}
  {{ return(selects | join('\n        union all\n        ')) }}
{% endmacro %}
