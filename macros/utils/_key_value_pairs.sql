{#- Key/expression pairs from a mapping {key: expression} or a list of column names (each
    becomes a key holding that column), in order; none gives no pairs. -#}
{% macro _key_value_pairs(pairs) %}
  {%- if pairs is none -%}
    {{ return([]) }}
  {%- elif pairs is mapping -%}
    {{ return(pairs.items() | list) }}
  {%- else -%}
    {%- set result = [] -%}
    {%- for column in pairs -%}{%- do result.append((column, column)) -%}{%- endfor -%}
    {{ return(result) }}
  {%- endif -%}
{% endmacro %}
