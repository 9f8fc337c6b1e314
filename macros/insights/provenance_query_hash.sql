{#- SQL expression of a metric query's provenance hash: the first 16 hex characters of the
    SHA-256 of the template with its white space collapsed followed by the parameters as
    JSON. The text is built here at compile time, exactly as JavaScript's
    JSON.stringify(params, Object.keys(params).sort()) writes it (no warehouse serialises
    JSON that way); the warehouse computes the SHA-256. -#}
{% macro provenance_query_hash(template, parameters=none) -%}
  substr({{ activity_schema.sha256(activity_schema.string_literal(activity_schema._provenance_payload(template, parameters))) }}, 1, 16)
{%- endmacro %}
