-- The README's worked example: every join type on its six-row stream.
{%- set configs = [] %}
{%- for join_type in ['first_ever', 'last_ever', 'aggregate_all_ever', 'first_before', 'last_before', 'aggregate_before',
                      'first_after', 'last_after', 'aggregate_after', 'first_in_between', 'last_in_between', 'aggregate_in_between'] %}
{%- do configs.append({'name': join_type, 'target_activity': 'made_purchase', 'join_type': join_type}) %}
{%- if not join_type.startswith('aggregate') %}{%- do configs[-1].update({'columns': ['activity_id']}) %}{%- endif %}
{%- endfor %}
{{ activity_schema.multi_temporal_analysis(
    stream=ref('readme_example_stream'),
    primary_cohort_activity='started_session',
    join_configs=configs) }}
