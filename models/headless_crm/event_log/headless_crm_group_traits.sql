{{ activity_schema._headless_crm_union('group_traits') }}
