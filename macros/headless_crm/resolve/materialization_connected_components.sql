{#- materialized='connected_components': the model's select gives (node_key, link_key);
    the table holds (node_key, component_key, resolution_rounds), see connected_components.
    Needs meta max_rounds (in meta, since dbt rejects unknown config keys), e.g.
    config(materialized='connected_components', meta={'max_rounds': 64}). Built beside the
    old table and swapped in, so a failed or non-converging run leaves the previous
    result in place. -#}
{% materialization connected_components, default %}
  {%- set max_rounds = (config.get('meta') or {}).get('max_rounds') -%}
  {%- if not (max_rounds is number and max_rounds > 0) -%}
    {{ exceptions.raise_compiler_error("materialized='connected_components' needs meta max_rounds (a positive number), got " ~ (max_rounds | tojson) ~ " in " ~ this) }}
  {%- endif -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- set backup_relation = make_backup_relation(target_relation, 'table' if existing_relation is none else existing_relation.type) -%}
  {{ drop_relation_if_exists(load_cached_relation(intermediate_relation)) }}
  {{ drop_relation_if_exists(load_cached_relation(backup_relation)) }}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}

  {%- set components = activity_schema.connected_components(sql, target_relation, max_rounds) -%}
  {% call statement('main') -%}
    {{ dbt.create_table_as(False, intermediate_relation, components.sql) }}
  {%- endcall %}
  {%- for work_relation in components.work_relations -%}{%- do adapter.drop_relation(work_relation) -%}{%- endfor -%}

  {% if existing_relation is not none %}
    {{ adapter.rename_relation(existing_relation, backup_relation) }}
  {% endif %}
  {{ adapter.rename_relation(intermediate_relation, target_relation) }}

  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {{ drop_relation_if_exists(backup_relation) }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
