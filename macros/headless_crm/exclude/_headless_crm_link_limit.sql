{#- A limit on how many distinct identifiers one identifier may share source rows with:
    max_linked_identifiers (above it the identifier is quarantined) or
    warn_linked_identifiers (above it the monitoring test lists it); each one number for
    both entities or {person: n, group: m}. The warning limit may not exceed the other. -#}
{% macro _headless_crm_link_limit(entity, key) %}
  {%- set limits = {} -%}
  {%- for name in ['warn_linked_identifiers', 'max_linked_identifiers'] -%}
    {%- set setting = activity_schema._headless_crm_setting(name) -%}
    {%- set limit = setting.get(entity) if setting is mapping else setting -%}
    {%- if not (limit is number and limit > 0) -%}
      {{ exceptions.raise_compiler_error("var headless_crm." ~ name ~ " must be a positive number or {person: n, group: m}; got " ~ (setting | tojson) ~ " for " ~ entity) }}
    {%- endif -%}
    {%- do limits.update({name: limit}) -%}
  {%- endfor -%}
  {%- if limits.warn_linked_identifiers > limits.max_linked_identifiers -%}
    {{ exceptions.raise_compiler_error("var headless_crm.warn_linked_identifiers (" ~ limits.warn_linked_identifiers ~ ") must not exceed max_linked_identifiers (" ~ limits.max_linked_identifiers ~ ") for " ~ entity ~ ": the warning comes before the quarantine") }}
  {%- endif -%}
  {{ return(limits[key]) }}
{% endmacro %}
