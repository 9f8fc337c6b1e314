-- Person key. kim's rows: k01 visit (customer kim), k04 visit (customer '', anonymous kim: the
-- anonymous person kim), k02 buy (anonymous kim), k03 buy (customer kim), k09 buy (customer kim,
-- anonymous ''). k05, k06, k07, k08 carry only blank ids ('' or '  '): no person, so k06 and k08
-- are no cohort rows and k05, k07 nobody's targets.
--   k01 (customer kim, 09:00): buys k03 (11:00), k09 (14:00) -> count 2, next k03, last k09.
--   k04 (anonymous kim, 09:30): buy k02 (10:00) only, not customer kim's -> count 1, next k02, last k02.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='k_visit',
    join_configs=[
        {'name': 'buys', 'target_activity': 'k_buy', 'join_type': 'aggregate_all_ever'},
        {'name': 'next_buy', 'target_activity': 'k_buy', 'join_type': 'first_after', 'columns': ['activity_id']},
        {'name': 'last_buy', 'target_activity': 'k_buy', 'join_type': 'last_ever', 'columns': ['activity_id']},
    ],
) }}
