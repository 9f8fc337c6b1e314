{#- Output column names. A name derived from caller text (an activity, a feature key) has
    every character outside [A-Za-z0-9_] replaced by '_'; a name the caller gives (a join
    name, an alias) must already be one. -#}
{% macro _sanitized_name(text) %}
  {{ return(modules.re.sub('[^A-Za-z0-9_]', '_', text | string)) }}
{% endmacro %}

{% macro _require_identifier(macro_name, argument, name) %}
  {%- if name is not string or not modules.re.match('^[A-Za-z_][A-Za-z0-9_]*$', name) -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " " ~ (name | tojson) ~ "; a column name must be letters, digits and underscores, not starting with a digit") }}
  {%- endif -%}
  {{ return(name) }}
{% endmacro %}

{#- Every output column is distinct from the stream's columns and from every other, as the
    warehouse compares names (without regard to case): a collision is a compile error
    naming where each name comes from. `named` is [[name, where it comes from], ...]. -#}
{% macro _require_distinct_names(macro_name, named, base_columns) %}
  {%- set seen = {} -%}
  {%- for column in base_columns -%}
    {%- do seen.update({column: 'the column ' ~ column}) -%}
  {%- endfor -%}
  {%- for name, origin in named -%}
    {%- if name | lower in seen -%}
      {{ exceptions.raise_compiler_error(macro_name ~ ": output column " ~ (name | tojson) ~ " of " ~ origin ~ " collides with " ~ seen[name | lower] ~ "; rename the join (name=...) or give an alias ({alias: column})") }}
    {%- endif -%}
    {%- do seen.update({name | lower: origin}) -%}
  {%- endfor -%}
{% endmacro %}

{#- `columns` as [[output name, column], ...]: a list (names derived as prefix_column) or
    a mapping {alias: column} (the alias is the whole name). -#}
{% macro _named_columns(macro_name, argument, columns, prefix) %}
  {%- set named = [] -%}
  {%- if columns is mapping -%}
    {%- for alias, column in columns.items() -%}
      {%- do named.append([activity_schema._require_identifier(macro_name, argument ~ ' alias', alias), activity_schema._require_column_name(macro_name, argument, column)]) -%}
    {%- endfor -%}
  {%- else -%}
    {%- for column in ([columns] if columns is string else columns) -%}
      {%- set column = activity_schema._require_column_name(macro_name, argument, column) -%}
      {%- do named.append([(prefix ~ '_' if prefix else '') ~ activity_schema._sanitized_name(column), column]) -%}
    {%- endfor -%}
  {%- endif -%}
  {{ return(named) }}
{% endmacro %}
