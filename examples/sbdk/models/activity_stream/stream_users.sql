-- Accounts as created_account activities: the cohort of stream_user_metrics, one per valid
-- user like user_metrics, with the user's country and referrer as features.
{{ activity_schema.build_activity(
    source=ref('stg_users'),
    activity='created_account',
    source_key=['user_id'],
    ts='created_at',
    customer='cast(user_id as varchar)',
    features=['country_code', 'referrer_source'],
    where="data_quality_flag = 'valid'",
) }}
