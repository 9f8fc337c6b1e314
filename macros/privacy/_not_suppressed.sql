{#- True unless an id is on the erasure suppression list: the list holds SHA-256 hashes of
    '<kind>:<id>' (c: customer, a: anonymous id, i: CRM identifier '<type> <value>',
    r: activity_id), never the ids. A blank or null id is never suppressed. -#}
{% macro _not_suppressed(kind, expression) -%}
  ({{ activity_schema.nullif_blank(expression) }} is null
   or {{ activity_schema._suppression_hash(kind, expression) }} not in (
       select key_hash from {{ ref('activity_schema', 'erasure_suppressions') }}))
{%- endmacro %}

{#- The suppression-list hash of an id of one kind. -#}
{% macro _suppression_hash(kind, expression) -%}
  {{ activity_schema.sha256(activity_schema.string_literal(kind ~ ':') ~ " || " ~ expression) }}
{%- endmacro %}
