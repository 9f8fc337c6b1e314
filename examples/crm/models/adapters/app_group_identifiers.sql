{{ activity_schema.headless_crm_unpivot_identifiers('app', source('raw', 'app_workspaces'),
     identifiers={'workspace_id': 'workspace_id', 'domain': 'website'}, row_id='workspace_id',
     event_id="'workspace-' || workspace_id", occurred_at='created_at', ingested_at='_loaded_at') }}
