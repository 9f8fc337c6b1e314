{#- The file a seed is loaded from, when every one of its columns has a column type: only
    then may a warehouse's own CSV reader load it, with nothing left for dbt to infer. -#}
{% macro typed_seed_csv_path(model, agate_table) %}
  {%- set column_types = model['config'].get('column_types') or {} -%}
  {%- if agate_table.column_names | reject('in', column_types) | list -%}
    {{ return(none) }}
  {%- endif -%}
  {{ return(model['root_path'] ~ '/' ~ model['original_file_path']) }}
{% endmacro %}
