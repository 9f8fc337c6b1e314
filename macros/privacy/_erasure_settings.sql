{#- var activity_schema.erasure: true, or {customer_identifier_types: [...]} naming the
    headless CRM identifier types whose values are the streams' customer ids (so that
    erasing a customer finds their CRM person, and erasing an email finds their
    customer). Off by default: without it there is no suppression list. -#}
{% macro _erasure_settings() %}
  {%- set given = activity_schema._config('erasure', none) -%}
  {%- if given is none or given is sameas false -%}
    {{ return({'enabled': false, 'customer_identifier_types': []}) }}
  {%- elif given is sameas true -%}
    {{ return({'enabled': true, 'customer_identifier_types': []}) }}
  {%- elif given is not mapping -%}
    {{ exceptions.raise_compiler_error("var activity_schema.erasure must be true or {customer_identifier_types: [...]}, got " ~ (given | tojson)) }}
  {%- endif -%}
  {%- for key in given if key not in ['customer_identifier_types'] -%}
    {{ exceptions.raise_compiler_error("var activity_schema.erasure: unknown setting '" ~ key ~ "'; the valid setting is customer_identifier_types") }}
  {%- endfor -%}
  {%- set types = given.get('customer_identifier_types') or [] -%}
  {%- if types is string -%}{%- set types = [types] -%}{%- endif -%}
  {{ return({'enabled': true, 'customer_identifier_types': types}) }}
{% endmacro %}

{% macro _erasure_enabled() %}
  {{ return(activity_schema._erasure_settings().enabled) }}
{% endmacro %}
