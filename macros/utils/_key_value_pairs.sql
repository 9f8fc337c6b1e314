{#- [(key, SQL expression), ...] from a mapping {key: SQL expression}, a list of column
    names or one column name. A column name must be letters, digits and underscores (it is
    quoted as an identifier); a key is any non-empty text; anything else is a compile error
    naming the argument. -#}
{% macro _key_value_pairs(macro_name, argument, pairs) %}
  {%- set usage = "; give a list of column names such as ['referrer'] or a mapping {'key': 'SQL expression'}" -%}
  {%- if pairs is none -%}
    {{ return([]) }}
  {%- elif pairs is mapping -%}
    {%- for key, expression in pairs.items() if key is not string or key == '' or expression is not string or expression | trim == '' -%}
      {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " entry " ~ ({key: expression} | tojson) ~ "; a key is non-empty text and its value a SQL expression (text)" ~ usage) }}
    {%- endfor -%}
    {{ return(pairs.items() | list) }}
  {%- elif pairs is string or (pairs is iterable and pairs is not mapping) -%}
    {%- set result = [] -%}
    {%- for column in ([pairs] if pairs is string else pairs) -%}
      {%- if column is not string or not modules.re.match('^[A-Za-z_][A-Za-z0-9_]*$', column) -%}
        {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " entry " ~ (column | tojson) ~ "; a list entry is a column name (letters, digits and underscores); for any other key or an expression use the mapping form {'key': 'SQL expression'}") }}
      {%- endif -%}
      {%- do result.append((column, activity_schema.quote_column(column))) -%}
    {%- endfor -%}
    {{ return(result) }}
  {%- endif -%}
  {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " " ~ (pairs | tojson) ~ usage) }}
{% endmacro %}
