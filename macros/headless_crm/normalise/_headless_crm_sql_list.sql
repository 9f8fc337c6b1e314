{#- Strings as a quoted SQL list for `in (...)`; null when empty, which matches nothing. -#}
{% macro _headless_crm_sql_list(values) -%}
  {%- set quoted = [] -%}
  {%- for value in values -%}{%- do quoted.append(activity_schema.string_literal(value)) -%}{%- endfor -%}
  {{ quoted | join(', ') if quoted else 'null' }}
{%- endmacro %}
