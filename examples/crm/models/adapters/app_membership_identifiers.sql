{{ activity_schema.headless_crm_memberships_adapter('app', source('raw', 'app_memberships'),
     event_id="'membership-' || membership_id", occurred_at='joined_at',
     person_identifier='user_id', person_identifier_type='user_id',
     group_identifier='workspace_id', group_identifier_type='workspace_id', role='role', ingested_at='_loaded_at') }}
