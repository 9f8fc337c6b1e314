{{ activity_schema.headless_crm_memberships_adapter('spreadsheet', source('raw', 'sales_contacts'),
     event_id='contact_id', occurred_at='added_at', person_identifier='email', person_identifier_type='email',
     group_identifier='company_website', group_identifier_type='domain', role='role', ingested_at='_loaded_at') }}
