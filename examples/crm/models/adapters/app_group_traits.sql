{{ activity_schema.headless_crm_unpivot_traits('app', source('raw', 'app_workspaces'),
     traits=['name'], row_id='workspace_id', event_id="'workspace-' || workspace_id",
     occurred_at='created_at', ingested_at='_loaded_at') }}
