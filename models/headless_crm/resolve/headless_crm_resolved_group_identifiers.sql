{{ config(enabled=activity_schema._headless_crm_enabled(), tags=['headless_crm']) }}
{{ activity_schema._headless_crm_resolved_identifiers('group') }}
