{{ config(enabled=activity_schema._headless_crm_enabled()) }}
select * from (
    {{ activity_schema._headless_crm_excluded_identifiers('person') }}
) as person_exclusions
union all
select * from (
    {{ activity_schema._headless_crm_excluded_identifiers('group') }}
) as group_exclusions
