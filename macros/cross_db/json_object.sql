{#- A JSON object from key/expression pairs: a mapping {key: expression} or a list of
    column names (each becomes a key holding that column). Keys are data (any text, as a
    string literal); expressions are SQL; a column name is validated and quoted. Null
    values are kept. -#}
{% macro json_object(pairs) %}
  {{ return(adapter.dispatch('json_object', 'activity_schema')(activity_schema._key_value_pairs('json_object', 'pairs', pairs))) }}
{% endmacro %}

{% macro default__json_object(pairs) -%}
  json_object({%- for key, expression in pairs %}{{ activity_schema.string_literal(key) }}, {{ expression }}{{ ", " if not loop.last }}{% endfor -%})
{%- endmacro %}

{% macro postgres__json_object(pairs) -%}
  jsonb_build_object({%- for key, expression in pairs %}{{ activity_schema.string_literal(key) }}, {{ expression }}{{ ", " if not loop.last }}{% endfor -%})
{%- endmacro %}

{#- object_construct drops null values; the _keep_null form keeps them like the others. -#}
{% macro snowflake__json_object(pairs) -%}
  object_construct_keep_null({%- for key, expression in pairs %}{{ activity_schema.string_literal(key) }}, {{ expression }}{{ ", " if not loop.last }}{% endfor -%})
{%- endmacro %}

{#- Spark: JSON text from a struct; to_json drops null fields unless told otherwise. -#}
{% macro spark__json_object(pairs) -%}
  {%- if pairs | length == 0 -%}
  '{}'
  {%- else -%}
  to_json(named_struct({%- for key, expression in pairs %}{{ activity_schema.string_literal(key) }}, {{ expression }}{{ ", " if not loop.last }}{% endfor -%}), map('ignoreNullFields', 'false'))
  {%- endif -%}
{%- endmacro %}
