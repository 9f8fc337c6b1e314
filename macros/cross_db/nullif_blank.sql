{#- An id as it takes part in keys: null when it is null, empty or only spaces, the value
    itself otherwise. A blank string is never an id. -#}
{% macro nullif_blank(expression) -%}
  case when {{ activity_schema.id_present(expression) }} then {{ expression }} end
{%- endmacro %}
