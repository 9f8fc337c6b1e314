{#- A differential case: the call var differential_cases names for this model, over the
    generated customer_stream. The Python reference gets the same arguments. -#}
{% macro differential_case() %}
  {%- set settings = var('activity_schema_integration_tests') -%}
  {%- set case = settings['differential_cases'][this.name] -%}
  {%- set arguments = {} -%}
  {%- for key, value in case.items() if key not in ['macro', 'only_relation'] -%}
    {%- do arguments.update({key: value}) -%}
  {%- endfor -%}
  {%- if case.get('only_relation') -%}
    {%- do arguments.update({'join_configs': case.join_configs | selectattr('join_type', 'in', ['first_' ~ case.only_relation, 'last_' ~ case.only_relation, 'aggregate_' ~ case.only_relation]) | list}) -%}
  {%- endif -%}
  {%- set macros = {'temporal_join': activity_schema.temporal_join, 'multi_temporal_analysis': activity_schema.multi_temporal_analysis,
                    'period_dataset': activity_schema.period_dataset} -%}
  {{ return(macros[case.macro](stream=ref('customer_stream'), **arguments)) }}
{% endmacro %}
