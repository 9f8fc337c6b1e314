{{ activity_schema.headless_crm_unpivot_identifiers('app', source('raw', 'app_users'),
     identifiers=['user_id', 'email', 'phone'], row_id='user_id', event_id="'signup-' || user_id",
     occurred_at='signed_up_at', ingested_at='_loaded_at') }}
