-- match. mo's views: m01 09:00 product A, color red, link /p/a; m02 09:05 product B, link /p/b;
-- m03 09:10 color red only (no product, no link). Buys: m04 09:20 sku B, product B, red, /p/b;
-- m05 09:30 sku A, product A, /p/a; m06 09:40 sku A, product A, red, no link; m07 09:50 red, /p/a
-- (no sku, no product). A null on either side never matches (m03 with m07: both products null).
--   same_product (first_after, product): m01 -> m05, m02 -> m04, m03 -> null.
--   product_as_sku (aggregate_after listagg, cohort product = target sku): m01 m05,m06; m02 m04; m03 null.
--   product_and_color (aggregate_after count, both keys): m01 (A, red) -> m06 = 1; m02 (B, no
--     color) -> 0 although m04 is B and red; m03 -> 0.
--   same_link (last_after, stream column link): m01 (/p/a) -> m05, m07 -> m07 (m06 has no link);
--     m02 -> m04; m03 -> null.
--   buys_after (aggregate_after count, no match): m04..m07 are after every view -> 4.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='m_view',
    join_configs=[
        {'name': 'same_product', 'target_activity': 'm_buy', 'join_type': 'first_after', 'columns': ['activity_id'], 'match': ['product']},
        {'name': 'product_as_sku', 'target_activity': 'm_buy', 'join_type': 'aggregate_after', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'match': [{'cohort': 'product', 'target': 'sku'}]},
        {'name': 'product_and_color', 'target_activity': 'm_buy', 'join_type': 'aggregate_after', 'match': ['product', 'color']},
        {'name': 'buys_after', 'target_activity': 'm_buy', 'join_type': 'aggregate_after'},
        {'name': 'same_link', 'target_activity': 'm_buy', 'join_type': 'last_after', 'columns': ['activity_id'], 'match': ['link']},
    ],
) }}
