{#- The headless CRM layer is configured by one var, vars: {headless_crm: {sources: [...], ...}},
    and is disabled (no models, no seed) when that var is not set. -#}
{% macro _headless_crm_enabled() %}
  {{ return(var('headless_crm', none) is not none) }}
{% endmacro %}

{#- The settings with their defaults, checked once per model so that a typo fails the
    compilation instead of being ignored. Without the var they are the defaults (no
    sources), so that the disabled models still render while dbt parses them. -#}
{% macro _headless_crm_settings() %}
  {%- set given = var('headless_crm', none) -%}
  {%- if given is none -%}{%- set given = {} -%}{%- endif -%}
  {%- if given is not mapping -%}
    {{ exceptions.raise_compiler_error("var headless_crm must be a mapping such as {sources: [{name: ..., events_model: \"ref('...')\"}]}, got " ~ (given | tojson)) }}
  {%- endif -%}
  {%- set defaults = {
      'sources': [],
      'default_country_code': '1',
      'national_phone_digits': 10,
      'email_identifier_types': ['email'],
      'phone_identifier_types': ['phone'],
      'domain_identifier_types': ['domain'],
      'use_default_blocklist': true,
      'blocklist': [],
      'max_linked_identifiers': 20,
      'warn_linked_identifiers': 5,
      'max_resolution_rounds': 64,
      'person_identifier_columns': none,
      'person_trait_columns': none,
      'group_identifier_columns': none,
      'group_trait_columns': none,
      'incremental_strategy': activity_schema.upsert_incremental_strategy(),
  } -%}
  {%- for key in given if key not in defaults -%}
    {{ exceptions.raise_compiler_error("var headless_crm: unknown setting '" ~ key ~ "'; valid settings are " ~ defaults.keys() | join(', ')) }}
  {%- endfor -%}
  {%- set settings = {} -%}
  {%- do settings.update(defaults) -%}
  {%- for key, value in given.items() if value is not none -%}{%- do settings.update({key: value}) -%}{%- endfor -%}
  {%- if not modules.re.match('^[0-9]{1,4}$', settings.default_country_code | string) -%}
    {{ exceptions.raise_compiler_error("var headless_crm.default_country_code must be 1 to 4 digits without '+', got " ~ (settings.default_country_code | tojson)) }}
  {%- endif -%}
  {%- for key in ['national_phone_digits', 'max_resolution_rounds'] if not (settings[key] is number and settings[key] > 0) -%}
    {{ exceptions.raise_compiler_error("var headless_crm." ~ key ~ " must be a positive number, got " ~ (settings[key] | tojson)) }}
  {%- endfor -%}
  {%- for key in ['email_identifier_types', 'phone_identifier_types', 'domain_identifier_types'] -%}
    {%- set types = [settings[key]] if settings[key] is string else settings[key] -%}
    {%- set malformed = [] -%}
    {%- for type in (types if types is iterable and types is not mapping else [types]) if type is not string or not modules.re.match('^[a-z0-9_]+$', type) -%}
      {%- do malformed.append(type) -%}
    {%- endfor -%}
    {%- if types is mapping or types is not iterable or malformed -%}
      {{ exceptions.raise_compiler_error("var headless_crm." ~ key ~ " must be a list of identifier types in lowercase snake case (as the union normalises them), got " ~ (settings[key] | tojson)) }}
    {%- endif -%}
    {%- do settings.update({key: types | list}) -%}
  {%- endfor -%}
  {{ return(settings) }}
{% endmacro %}

{#- One setting. -#}
{% macro _headless_crm_setting(key) %}
  {{ return(activity_schema._headless_crm_settings().get(key)) }}
{% endmacro %}
