{#- The query of temporal_join, multi_temporal_analysis or period_dataset from its checked
    arguments. dbt renders every model once while it parses the project, to find its refs
    and configs (the stream's ref is taken before this): the activity names are checked and
    the query planned only when dbt compiles or runs the model, which keeps parsing a
    project of many joins fast. -#}
{% macro _temporal_join_query(macro_name, stream, cohort, specs) %}
  {%- if not execute -%}{{ return('') }}{%- endif -%}
  {%- do activity_schema._check_activity_names(macro_name, stream, cohort, specs) -%}
  {{ return(activity_schema._temporal_join_sql(activity_schema._dataset_plan(stream, cohort, specs))) }}
{% endmacro %}
