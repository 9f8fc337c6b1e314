{#- Fill a missing customer (null or blank) from the identity window of the row's anonymous
    id that covers its ts (valid_from inclusive, valid_to exclusive). Windows of one
    anonymous id are disjoint, so each row matches at most one: nothing is duplicated or
    dropped; windows never hold a blank id, so a blank anonymous id matches none. A row
    that matches nothing keeps its customer as it was. The customer column moves to the
    end. -#}
{#- `columns`: the relation's columns when known; otherwise `query`, the SQL defining it,
    from which star_except finds them. -#}
{% macro _stitch_identity(relation, columns=none, query=none) -%}
  {%- if not activity_schema._identity_enabled() -%}
    {{ exceptions.raise_compiler_error("identity stitching needs vars: {activity_schema: {identity_sources: [...]}} in dbt_project.yml: the models or seeds whose rows carry anonymous_customer_id, customer and ts") }}
  {%- endif -%}
  select
      {%- if columns is not none %}
      {%- for column in columns if column != 'customer' %}
      unresolved.{{ column }},
      {%- endfor %}
      {%- else %}
      {{ activity_schema.star_except('unresolved', ['customer'], query) }},
      {%- endif %}
      coalesce(identity_windows.customer, unresolved.customer) as customer
  from {{ relation }} as unresolved
  left join {{ ref('identity_time_windows') }} as identity_windows
    on {{ activity_schema.nullif_blank('unresolved.customer') }} is null
   and identity_windows.anonymous_customer_id = unresolved.anonymous_customer_id
   and (identity_windows.valid_from is null or unresolved.ts >= identity_windows.valid_from)
   and (identity_windows.valid_to is null or unresolved.ts < identity_windows.valid_to)
{%- endmacro %}
