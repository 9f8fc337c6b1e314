{#- A required argument: missing, null or blank is a compile error naming it. -#}
{% macro _require_argument(macro_name, argument, value) %}
  {%- if value is none or (value is string and value | trim == '') -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument " ~ argument) }}
  {%- endif -%}
  {{ return(value) }}
{% endmacro %}
