-- The first buy after a view, of the viewed product (mo's stream, see dataset_match): m01 (A) ->
-- m05; m02 (B) -> m04; m03 (no product) -> null.
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity='m_view',
    target_activity='m_buy',
    join_type='first_after',
    columns=['activity_id'],
    match=['product'],
) }}
