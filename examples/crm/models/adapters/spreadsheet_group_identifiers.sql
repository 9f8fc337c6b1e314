{{ activity_schema.headless_crm_unpivot_identifiers('spreadsheet', source('raw', 'sales_contacts'),
     identifiers={'domain': 'company_website'}, row_id='contact_id', event_id='contact_id', occurred_at='added_at', ingested_at='_loaded_at') }}
