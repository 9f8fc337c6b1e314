{#- An activity slot: one name or a non-empty list of names, meaning any of them. Names are
    data (escaped wherever they reach SQL), so any non-blank text is accepted. -#}
{% macro _activity_list(macro_name, argument, value) %}
  {%- set names = [value] if value is string else value -%}
  {%- if names is none or names is mapping or names is not iterable or names | length == 0 -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument " ~ argument ~ " (an activity name or a list of names)") }}
  {%- endif -%}
  {%- for name in names if name is not string or name | trim == '' -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " " ~ (value | tojson) ~ "; give an activity name or a list of names") }}
  {%- endfor -%}
  {{ return(names | unique | list) }}
{% endmacro %}
