-- Lists in both slots, temporal_join's default name joining the targets by _or_. lia: l01 signup
-- 09:00, l02 visit 09:10, l07 chat 09:15 (in neither list), l03 refund 09:20, l04 buy 09:30,
-- l05 visit 09:40, l06 buy 09:50. A cohort row's segment ends at the next row of either cohort activity.
--   l01: (09:00, 09:10] holds no buy or refund -> null (a per-activity bound would run on to l03).
--   l02: (09:10, 09:40] holds l03 refund, l04 buy -> l03, l_refund.
--   l05: (09:40, open) holds l06 -> l06, l_buy.
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity=['l_signup', 'l_visit'],
    target_activity=['l_buy', 'l_refund'],
    join_type='first_in_between',
    columns=['activity_id', 'activity'],
) }}
