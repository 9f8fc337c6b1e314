{{ activity_schema._headless_crm_union('person_traits') }}
