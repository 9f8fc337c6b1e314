{#- The cohort of a query: its activities, the conditions its rows pass (a filtered
    activity is a subclass: occurrences and in-between bounds count only these rows), which
    occurrences are kept, and the cohort row's own columns to output. -#}
{% macro _cohort_spec(macro_name, argument, activities, cohort_where, cohort_filter, cohort_columns) %}
  {{ return({'activities': activity_schema._activity_list(macro_name, argument, activities),
             'where': activity_schema._conditions_sql(macro_name, 'cohort_where', cohort_where),
             'where_columns': activity_schema._condition_columns(cohort_where),
             'filter': activity_schema._cohort_filter(macro_name, cohort_filter),
             'columns': activity_schema._named_columns(macro_name, 'cohort_columns', cohort_columns or [], none),
             'periods': none}) }}
{% endmacro %}

{#- No two output columns of a query share a name (see _require_distinct_names). -#}
{% macro _require_distinct_outputs(macro_name, cohort, specs) %}
  {%- set named = [] -%}
  {%- for output, column in cohort.columns -%}
    {%- do named.append([output, 'cohort_columns ' ~ (column | tojson)]) -%}
  {%- endfor -%}
  {%- for spec in specs -%}
    {%- for output in spec.outputs -%}
      {%- do named.append([output, 'join ' ~ (spec.name | tojson)]) -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- do activity_schema._require_distinct_names(macro_name, named, activity_schema._base_columns(cohort)) -%}
{% endmacro %}

{#- The columns every output row starts with: the cohort row's stream columns, or a
    period's person and bounds. -#}
{% macro _base_columns(cohort) %}
  {{ return(['customer', 'anonymous_customer_id', 'period_start', 'period_end'] if cohort.periods else activity_schema._stream_columns()) }}
{% endmacro %}
