{#- var headless_crm.blocklist: each entry a normalised value (blocked for every type and
    entity) or {identifier_value, match_type: exact|like, identifier_type, entity_type}. -#}
{% macro _headless_crm_client_blocklist() %}
  {%- set entries = [] -%}
  {%- for given in activity_schema._headless_crm_setting('blocklist') -%}
    {%- set entry = {'identifier_type': 'any', 'match_type': 'exact', 'entity_type': 'any'} -%}
    {%- if given is string -%}
      {%- do entry.update({'identifier_value': given}) -%}
    {%- elif given is mapping and given.get('identifier_value') is string -%}
      {%- do entry.update(given) -%}
    {%- endif -%}
    {%- if entry.get('identifier_value') is not string
          or entry.match_type not in ('exact', 'like')
          or entry.entity_type not in ('person', 'group', 'any')
          or entry.keys() | reject('in', ['identifier_value', 'identifier_type', 'match_type', 'entity_type']) | list
          or not modules.re.match('^[a-z0-9_]+$', entry.identifier_type | string) -%}
      {{ exceptions.raise_compiler_error("var headless_crm.blocklist[" ~ loop.index0 ~ "] must be a normalised value or {identifier_value: ..., match_type: exact|like, identifier_type: <snake_case type>|any, entity_type: person|group|any}, got " ~ (given | tojson)) }}
    {%- endif -%}
    {%- do entries.append(entry) -%}
  {%- endfor -%}
  {{ return(entries) }}
{% endmacro %}
