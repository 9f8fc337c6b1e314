{#- dbt run-operation activity_schema.apply_retention (--args '{days: N}' overrides var
    activity_schema.retention_days). Deletes every stream row (tag activity_schema_stream)
    older than the retention and recomputes the occurrences of the rows that stay, so that
    the stream equals one rebuilt from the retained history (build_activity takes no older
    row in while retention_days is set). Reports the rows deleted per stream. -#}
{% macro apply_retention(days=none, dry_run=false) %}
  {%- if not execute -%}{{ return(none) }}{%- endif -%}
  {%- set days = days if days is not none else activity_schema._retention_days() -%}
  {%- if days is none or days is boolean or days is not number or days <= 0 -%}
    {{ exceptions.raise_compiler_error("apply_retention needs a number of days > 0: --args '{days: 730}' or vars: {activity_schema: {retention_days: 730}}, got " ~ (days | tojson)) }}
  {%- endif -%}
  {%- set expired = "ts < " ~ activity_schema._retention_cutoff(days) -%}
  {%- set deleted = {} -%}
  {%- for node in graph.nodes.values() if node.resource_type == 'model' and 'activity_schema_stream' in node.tags -%}
    {%- set relation = activity_schema._existing_relation(api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias)) -%}
    {%- if relation is not none and not relation.is_view -%}
      {%- set count = run_query("select count(*) from " ~ relation ~ " where " ~ expired).columns[0].values()[0] | int -%}
      {%- if count > 0 and not dry_run -%}
        {%- do run_query("delete from " ~ relation ~ " where " ~ expired) -%}
        {%- do run_query(activity_schema._renumber_stream(relation, '1 = 1')) -%}
      {%- endif -%}
      {%- do deleted.update({node.name: count}) -%}
      {%- do log("apply_retention: " ~ ("would delete " if dry_run else "deleted ") ~ count ~ " rows older than " ~ days ~ " days from " ~ node.name, info=true) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if not dry_run -%}{%- do adapter.commit() -%}{%- endif -%}
  {{ return(deleted) }}
{% endmacro %}
