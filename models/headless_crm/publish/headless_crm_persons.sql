{{ config(enabled=activity_schema._headless_crm_enabled()) }}
{{ activity_schema._headless_crm_entities('person') }}
