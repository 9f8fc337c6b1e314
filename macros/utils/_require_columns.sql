{#- Compile-time check that a relation has the columns an interface requires.
    `what` says which configured input it is, for the error message. Skipped while
    parsing and under `dbt compile --no-introspect`, where no connection is opened. -#}
{% macro _require_columns(relation, required, what) %}
  {%- if not execute or not flags.INTROSPECT -%}{{ return(none) }}{%- endif -%}
  {%- set present = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
  {%- if present | length == 0 -%}
    {{ exceptions.raise_compiler_error(what ~ ": relation " ~ relation ~ " does not exist or has no columns; it must have " ~ required | join(', ')) }}
  {%- endif -%}
  {%- set missing = [] -%}
  {%- for column in required if column | lower not in present -%}{%- do missing.append(column) -%}{%- endfor -%}
  {%- if missing -%}
    {{ exceptions.raise_compiler_error(what ~ ": relation " ~ relation ~ " is missing required column(s) " ~ missing | join(', ') ~ " (it must have " ~ required | join(', ') ~ "; it has " ~ present | join(', ') ~ ")") }}
  {%- endif -%}
{% endmacro %}
