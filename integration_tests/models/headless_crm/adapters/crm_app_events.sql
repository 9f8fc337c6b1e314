-- Three tables of the app database, one template call each.
{{ activity_schema.headless_crm_events_adapter('app_database', ref('crm_app_users'), id="'signup-' || user_id", occurred_at='signed_up_at', event_name="'signed_up'", event_type="'account'", ingested_at='_ingested_at', where=env_var('ACTIVITY_SCHEMA_TEST_CRM_FILTER', '') or none) }}
union all
{{ activity_schema.headless_crm_events_adapter('app_database', ref('crm_app_workspaces'), id="'workspace-' || workspace_id", occurred_at='created_at', event_name="'created_workspace'", event_type="'account'", ingested_at='_ingested_at', where=env_var('ACTIVITY_SCHEMA_TEST_CRM_FILTER', '') or none) }}
union all
{{ activity_schema.headless_crm_events_adapter('app_database', ref('crm_app_memberships'), id="'membership-' || membership_id", occurred_at='joined_at', event_name="'joined_workspace'", event_type="'account'", ingested_at='_ingested_at', where=env_var('ACTIVITY_SCHEMA_TEST_CRM_FILTER', '') or none) }}
