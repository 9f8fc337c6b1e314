{{ activity_schema.headless_crm_unpivot_traits('app', source('raw', 'app_users'),
     traits={'name': 'full_name', 'plan': 'plan'}, row_id='user_id', event_id="'signup-' || user_id",
     occurred_at='signed_up_at', ingested_at='_loaded_at') }}
