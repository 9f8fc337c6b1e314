{#- True when the whole string matches the pattern (patterns here are anchored anyway). -#}
{% macro regexp_full_match(expression, pattern) %}
  {{ return(adapter.dispatch('regexp_full_match', 'activity_schema')(expression, pattern)) }}
{% endmacro %}

{% macro default__regexp_full_match(expression, pattern) -%}
  regexp_like({{ expression }}, {{ activity_schema.string_literal(pattern) }})
{%- endmacro %}

{% macro duckdb__regexp_full_match(expression, pattern) -%}
  regexp_full_match({{ expression }}, {{ activity_schema.string_literal(pattern) }})
{%- endmacro %}

{% macro postgres__regexp_full_match(expression, pattern) -%}
  ({{ expression }} ~ {{ activity_schema.string_literal(pattern) }})
{%- endmacro %}

{#- regexp_contains finds a match anywhere; the patterns here are anchored. -#}
{% macro bigquery__regexp_full_match(expression, pattern) -%}
  regexp_contains({{ expression }}, {{ activity_schema.string_literal(pattern) }})
{%- endmacro %}

{#- Spark: rlike finds a match anywhere; the patterns here are anchored. -#}
{% macro spark__regexp_full_match(expression, pattern) -%}
  ({{ expression }} rlike {{ activity_schema.string_literal(pattern) }})
{%- endmacro %}
