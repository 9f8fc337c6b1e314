{#- A source row: its source and row_id. Source names cannot contain ':', so two different
    rows never share a link key. -#}
{% macro _headless_crm_link_key(relation_alias) -%}
  {{ relation_alias }}.source || ':' || {{ relation_alias }}.row_id
{%- endmacro %}
