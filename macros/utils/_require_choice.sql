{#- Compile-time check of an enumerated macro argument. -#}
{% macro _require_choice(macro_name, argument, value, valid) %}
  {%- if value not in valid -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " " ~ (value | tojson) ~ "; valid values are: " ~ valid | join(', ')) }}
  {%- endif -%}
{% endmacro %}
