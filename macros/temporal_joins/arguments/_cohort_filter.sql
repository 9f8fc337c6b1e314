{#- 'all', 'first', 'last' or an occurrence number n >= 1. -#}
{% macro _cohort_filter(macro_name, cohort_filter) %}
  {%- if cohort_filter in ['all', 'first', 'last'] -%}{{ return(cohort_filter) }}{%- endif -%}
  {%- if activity_schema._is_integer(cohort_filter) and cohort_filter >= 1 -%}
    {{ return(cohort_filter | int) }}
  {%- endif -%}
  {{ exceptions.raise_compiler_error(macro_name ~ ": invalid cohort_filter " ~ (cohort_filter | tojson) ~ "; valid values are: all, first, last, or an integer n >= 1 (the nth occurrence)") }}
{% endmacro %}

{#- A whole number that is not a boolean (true is a number in Jinja). -#}
{% macro _is_integer(value) %}
  {{ return(value is number and value is not sameas true and value is not sameas false and value == value | int) }}
{% endmacro %}
