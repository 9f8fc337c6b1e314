{#- For non-null text: true when it spells a JSON object, false for anything else,
    malformed JSON included (never an error). -#}
{% macro json_text_is_object(text_expression) %}
  {{ return(adapter.dispatch('json_text_is_object', 'activity_schema')(text_expression)) }}
{% endmacro %}

{#- SQL:2016's IS JSON predicate, which does not raise on malformed text. -#}
{% macro default__json_text_is_object(text_expression) -%}
  ({{ text_expression }} is json object)
{%- endmacro %}

{#- json_type raises on malformed text: only valid text is parsed. -#}
{% macro duckdb__json_text_is_object(text_expression) -%}
  case when json_valid({{ text_expression }}) then json_type({{ text_expression }}) = 'OBJECT' else false end
{%- endmacro %}

{#- Postgres 15 has no way to parse text without risking an error (IS JSON came in 16), so
    text counts as an object when it is shaped like one, in braces; a malformed object
    inside them is caught only by the feature_json_type rule (the column should be jsonb). -#}
{% macro postgres__json_text_is_object(text_expression) -%}
  ({{ text_expression }} ~ '^\s*[{].*[}]\s*$')
{%- endmacro %}

{% macro snowflake__json_text_is_object(text_expression) -%}
  coalesce(is_object(try_parse_json({{ text_expression }})), false)
{%- endmacro %}

{% macro bigquery__json_text_is_object(text_expression) -%}
  coalesce(json_type(safe.parse_json({{ text_expression }})) = 'object', false)
{%- endmacro %}

{#- Spark: json_object_keys is null for anything but an object's text, malformed included. -#}
{% macro spark__json_text_is_object(text_expression) -%}
  (json_object_keys({{ text_expression }}) is not null)
{%- endmacro %}
