{{ activity_schema.headless_crm_events_adapter('spreadsheet', source('raw', 'sales_contacts'),
     id='contact_id', occurred_at='added_at', event_name="'added_to_list'", event_type="'sales'",
     event_description="'added by hand to the sales list'", ingested_at='_loaded_at') }}
