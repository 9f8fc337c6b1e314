{#- max_linked_identifiers is one number for both entities or {person: n, group: m}. -#}
{% macro _headless_crm_max_linked_identifiers(entity) %}
  {%- set setting = activity_schema._headless_crm_setting('max_linked_identifiers') -%}
  {%- set limit = setting.get(entity) if setting is mapping else setting -%}
  {%- if not (limit is number and limit > 0) -%}
    {{ exceptions.raise_compiler_error("var headless_crm.max_linked_identifiers must be a positive number or {person: n, group: m}; got " ~ (setting | tojson) ~ " for " ~ entity) }}
  {%- endif -%}
  {{ return(limit) }}
{% endmacro %}
