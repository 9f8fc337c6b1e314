{#- within / at_least: {'minutes' | 'hours' | 'days': N}, N a whole number >= 1. Returns
    the duration in minutes, or none when not given. -#}
{% macro _time_window(macro_name, argument, value) %}
  {%- if value is none -%}{{ return(none) }}{%- endif -%}
  {%- set units = {'minutes': 1, 'hours': 60, 'days': 1440} -%}
  {%- if value is not mapping or value | length != 1 or (value.keys() | list)[0] not in units
        or not activity_schema._is_integer((value.values() | list)[0]) or (value.values() | list)[0] < 1 -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " " ~ (value | tojson) ~ "; give one of {'minutes': N}, {'hours': N}, {'days': N} with a whole number N >= 1") }}
  {%- endif -%}
  {%- set unit = (value.keys() | list)[0] -%}
  {{ return((value[unit] | int) * units[unit]) }}
{% endmacro %}
