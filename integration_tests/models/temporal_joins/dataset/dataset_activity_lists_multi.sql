-- Lists in multi_temporal_analysis: primary cohort l_signup or l_visit (l01, l02, l05), targets
-- l_refund or l_buy (l03 09:20, l04 09:30, l06 09:50).
--   actions (aggregate_in_between count): l01 (09:00, 09:10] 0; l02 (09:10, 09:40] 2; l05 open 1.
--   money_after (aggregate_after listagg activity_id): l01 and l02 'l03,l04,l06'; l05 'l06'.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity=['l_signup', 'l_visit'],
    join_configs=[
        {'name': 'actions', 'target_activity': ['l_buy', 'l_refund'], 'join_type': 'aggregate_in_between'},
        {'name': 'money_after', 'target_activity': ['l_refund', 'l_buy'], 'join_type': 'aggregate_after', 'aggregation': 'listagg', 'columns': ['activity_id']},
    ],
) }}
