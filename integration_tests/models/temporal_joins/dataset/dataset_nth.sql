-- nth picks. nia's sessions N_S1 09:00, N_S2 11:00; buys in (ts, activity_id) order, ids compared
-- by code point: P_B 08:00, P_A 09:30, P_a 09:30 ('P_A' < 'P_a'), P_b 10:00, P_c 11:30.
--   ever_2 / ever_3: P_A / P_a on both rows; ever_2_from_last: P_b; ever_6: null (5 buys).
--   after_2 (activity_id, ts): N_S1 [P_A P_a P_b P_c] -> P_a 09:30; N_S2 [P_c] -> null.
--   after_2_from_last: N_S1 -> P_b; N_S2 -> null.
--   before_1: N_S1 [P_B] -> P_B; N_S2 [P_B P_A P_a P_b] -> P_B.
--   before_2_from_last: N_S1 -> null (one admitted); N_S2 -> P_a.
--   before_2: N_S1 -> null (one admitted); N_S2 -> P_A (the person's 2nd buy, before 11:00).
--   between_2: N_S1 (09:00, 11:00] [P_A P_a P_b] -> P_a; N_S2 [P_c] -> null.
--   between_1_from_last: N_S1 -> P_b; N_S2 -> P_c.  between_4: null on both (3 and 1 admitted).
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='n_session',
    join_configs=[
        {'name': 'ever_2', 'target_activity': 'n_buy', 'join_type': 'nth_ever', 'nth': 2, 'columns': ['activity_id']},
        {'name': 'ever_3', 'target_activity': 'n_buy', 'join_type': 'nth_ever', 'nth': 3, 'columns': ['activity_id']},
        {'name': 'ever_2_from_last', 'target_activity': 'n_buy', 'join_type': 'nth_ever', 'nth': 2, 'nth_from_last': true, 'columns': ['activity_id']},
        {'name': 'ever_6', 'target_activity': 'n_buy', 'join_type': 'nth_ever', 'nth': 6, 'columns': ['activity_id']},
        {'name': 'after_2', 'target_activity': 'n_buy', 'join_type': 'nth_after', 'nth': 2, 'columns': ['activity_id', 'ts']},
        {'name': 'after_2_from_last', 'target_activity': 'n_buy', 'join_type': 'nth_after', 'nth': 2, 'nth_from_last': true, 'columns': ['activity_id']},
        {'name': 'before_1', 'target_activity': 'n_buy', 'join_type': 'nth_before', 'nth': 1, 'columns': ['activity_id']},
        {'name': 'before_2_from_last', 'target_activity': 'n_buy', 'join_type': 'nth_before', 'nth': 2, 'nth_from_last': true, 'columns': ['activity_id']},
        {'name': 'between_2', 'target_activity': 'n_buy', 'join_type': 'nth_in_between', 'nth': 2, 'columns': ['activity_id']},
        {'name': 'between_1_from_last', 'target_activity': 'n_buy', 'join_type': 'nth_in_between', 'nth': 1, 'nth_from_last': true, 'columns': ['activity_id']},
        {'name': 'between_4', 'target_activity': 'n_buy', 'join_type': 'nth_in_between', 'nth': 4, 'columns': ['activity_id']},
        {'name': 'before_2', 'target_activity': 'n_buy', 'join_type': 'nth_before', 'nth': 2, 'columns': ['activity_id']},
    ],
) }}
