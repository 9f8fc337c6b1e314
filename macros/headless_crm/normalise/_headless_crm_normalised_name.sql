{#- Identifier types and trait names: lowercase snake case, so that 'E-mail ' and 'e_mail'
    are one type and every name can be a column name. -#}
{% macro _headless_crm_normalised_name(expression) -%}
  nullif({{ activity_schema.regexp_replace(activity_schema.regexp_replace('lower(trim(' ~ expression ~ '))', '[^a-z0-9]+', '_'), '^_+|_+$', '') }}, '')
{%- endmacro %}
