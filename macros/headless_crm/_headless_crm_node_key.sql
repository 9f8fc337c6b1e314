{#- The graph's node for an identifier: type and value joined by a space. Types are
    snake case, so every character of a type sorts after the space and the smallest key
    of a component is its smallest (type, value) pair. -#}
{% macro _headless_crm_node_key(identifier_type, identifier_value) -%}
  {{ identifier_type }} || ' ' || {{ identifier_value }}
{%- endmacro %}
