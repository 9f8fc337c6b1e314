-- The combination of dataset_combination in join configs: admitted x01 -> x04, x05, x06, x07;
-- x09 -> x10, x11.
--   last_pick (nth 1 from last): x01 x07 (on the 2h bound; x08 is outside); x09 x11.
--   second_last (nth 2 from last): x01 x06; x09 x10.
--   third (nth 3): x01 x06; x09 null (two admitted).
--   picks (aggregate_in_between listagg activity_id): x04,x05,x06,x07 and x10,x11.
{%- set conditions = {
    'where': [{'column': 'qty', 'op': '>=', 'value': 2}],
    'match': [{'cohort': 'product', 'target': 'sku'}],
    'within': {'hours': 2},
} %}
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='x_view',
    join_configs=[
        dict(conditions, name='last_pick', target_activity='x_buy', join_type='nth_in_between', nth=1, nth_from_last=true, columns=['activity_id']),
        dict(conditions, name='second_last', target_activity='x_buy', join_type='nth_in_between', nth=2, nth_from_last=true, columns=['activity_id']),
        dict(conditions, name='third', target_activity='x_buy', join_type='nth_in_between', nth=3, columns=['activity_id']),
        dict(conditions, name='picks', target_activity='x_buy', join_type='aggregate_in_between', aggregation='listagg', columns=['activity_id']),
    ],
) }}
