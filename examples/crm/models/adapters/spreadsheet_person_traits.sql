{{ activity_schema.headless_crm_unpivot_traits('spreadsheet', source('raw', 'sales_contacts'),
     traits={'title': 'job_title'}, row_id='contact_id', event_id='contact_id', occurred_at='added_at', ingested_at='_loaded_at') }}
