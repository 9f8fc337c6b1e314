{{ activity_schema._headless_crm_union('events') }}
