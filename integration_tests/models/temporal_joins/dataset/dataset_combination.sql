-- where + match + within on an nth_in_between pick. xan's views x01 09:00 and x09 11:30 (product
-- A); buys (sku, qty): x02 09:10 A 1, x03 09:20 B 5, x04 09:30 A 2, x05 10:00 A 3, x06 10:30 A 9,
-- x07 11:00 A 4 (x01 + 2h exactly), x08 11:15 A 2, x10 11:45 A 2, x11 13:30 A 2 (x09 + 2h exactly),
-- x12 13:40 A 2. Admitted: qty >= 2, sku = the view's product, within 2 hours, in the segment.
--   x01: segment (09:00, 11:30] x02..x08; within -> x02..x07; qty -> drops x02; sku -> drops x03:
--     x04, x05, x06, x07 -> 2nd x05 (10:00).
--   x09: open segment cut at 13:30: x10, x11 -> 2nd x11 (13:30, on the window's bound).
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity='x_view',
    target_activity='x_buy',
    join_type='nth_in_between',
    nth=2,
    where=[{'column': 'qty', 'op': '>=', 'value': 2}],
    match=[{'cohort': 'product', 'target': 'sku'}],
    within={'hours': 2},
    columns=['activity_id', 'ts'],
) }}
