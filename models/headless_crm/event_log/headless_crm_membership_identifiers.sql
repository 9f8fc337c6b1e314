{{ activity_schema._headless_crm_union('membership_identifiers') }}
