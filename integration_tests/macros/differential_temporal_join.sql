{#- The differential cases: joins over the generated customer_stream, compared cell by
    cell with the Python reference in tests/test_temporal_joins_differential.py. -#}

{#- One temporal_join per join type: started_session cohorts, made_purchase targets. -#}
{% macro differential_temporal_join(join_type) %}
  {%- set aggregations = {'aggregate_all_ever': ('sum', ['revenue_impact']), 'aggregate_before': ('count', none),
                          'aggregate_after': ('count_distinct', ['product_category']), 'aggregate_in_between': ('max', ['revenue_impact'])} -%}
  {%- set aggregation, columns = aggregations.get(join_type, ('count', ['ts', 'activity_id', 'revenue_impact', 'referrer'])) -%}
  {{ return(activity_schema.temporal_join(stream=ref('customer_stream'), cohort_activity='started_session',
        target_activity='made_purchase', join_type=join_type, cohort_filter='all', columns=columns, aggregation=aggregation)) }}
{% endmacro %}

{#- All the differential join configs, or (relation='before') only the *_before ones: a
    query of before joins alone reads its cohort rows from the before probe. -#}
{% macro differential_multi_temporal_analysis(cohort_filter, relation=none) %}
  {%- set configs = var('activity_schema_integration_tests')['differential_join_configs'] -%}
  {%- if relation -%}
    {%- set configs = configs | selectattr('join_type', 'in', ['first_' ~ relation, 'last_' ~ relation, 'aggregate_' ~ relation]) | list -%}
  {%- endif -%}
  {{ return(activity_schema.multi_temporal_analysis(stream=ref('customer_stream'), primary_cohort_activity='made_purchase',
        join_configs=configs, cohort_filter=cohort_filter)) }}
{% endmacro %}
