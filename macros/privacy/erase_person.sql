{#- dbt run-operation activity_schema.erase_person --args '{customer: "..."}'
    (or {anonymous_customer_id: ...}, or {identifier_type: email, identifier: ...}).
    Finds every id of the person (the identity sources link customers and anonymous ids;
    the headless CRM links identifiers, and customer_identifier_types says which of them
    are customer ids), deletes their rows from every stream (tag activity_schema_stream),
    the identity models, the CRM's event log and tables, insight atoms and the context
    cache, puts hashes of their ids on the suppression list so that no later run takes
    them in again, and writes one row to erasure_log (a hash of the key it was given,
    never the key). Reports the rows deleted per table. Running it twice deletes nothing
    the second time. dry_run: true only counts. -#}
{% macro erase_person(customer=none, anonymous_customer_id=none, identifier=none, identifier_type=none, erased_by=none, dry_run=false) %}
  {%- if not execute -%}{{ return(none) }}{%- endif -%}
  {%- if not activity_schema._erasure_enabled() -%}
    {{ exceptions.raise_compiler_error("erase_person needs vars: {activity_schema: {erasure: true}} (and a dbt run that built erasure_suppressions and erasure_log): without the suppression list the next run would bring the person back") }}
  {%- endif -%}
  {%- set given = [] -%}
  {%- for kind, value in [('customer', customer), ('anonymous_customer_id', anonymous_customer_id), ('identifier', identifier)] if value is not none -%}
    {%- if value is not string or not value.strip() -%}
      {{ exceptions.raise_compiler_error("erase_person: " ~ kind ~ " must be non-blank text") }}
    {%- endif -%}
    {%- do given.append(kind) -%}
  {%- endfor -%}
  {%- if given | length != 1 or (identifier is none) != (identifier_type is none) -%}
    {{ exceptions.raise_compiler_error("erase_person: give exactly one of customer, anonymous_customer_id, or identifier with identifier_type (a CRM identifier such as {identifier_type: email, identifier: ...})") }}
  {%- endif -%}
  {%- set log_relation = activity_schema._existing_relation(ref('activity_schema', 'erasure_log')) -%}
  {%- set suppressions = activity_schema._existing_relation(ref('activity_schema', 'erasure_suppressions')) -%}
  {%- if log_relation is none or suppressions is none -%}
    {{ exceptions.raise_compiler_error("erase_person: erasure_log and erasure_suppressions do not exist yet; run dbt (build or run) once with erasure on") }}
  {%- endif -%}

  {%- set plan = activity_schema._erasure_plan(customer, anonymous_customer_id, identifier, identifier_type) -%}
  {%- set deleted = {} -%}
  {%- for target_table in activity_schema._erasure_targets(plan) -%}
    {%- set count = run_query("select count(*) from " ~ target_table.relation ~ " where " ~ target_table.condition).columns[0].values()[0] | int -%}
    {%- if count > 0 and not dry_run -%}
      {%- set partitions = activity_schema._stream_partitions(target_table.relation, target_table.condition) if target_table.stream else [] -%}
      {%- do run_query("delete from " ~ target_table.relation ~ " where " ~ target_table.condition) -%}
      {%- if partitions -%}
        {#- Rows of others that shared a partition with the person (an anonymous device in an
            unstitched stream) get their occurrences recomputed. -#}
        {%- do run_query(activity_schema._renumber_stream(target_table.relation, partitions | join(' or '))) -%}
      {%- endif -%}
    {%- endif -%}
    {%- do deleted.update({target_table.name: count}) -%}
    {%- do log("erase_person: " ~ ("would delete " if dry_run else "deleted ") ~ count ~ " rows from " ~ target_table.name, info=true) -%}
  {%- endfor -%}
  {%- if plan.downstream_tables -%}
    {%- do log("erase_person: built from the streams, these tables hold the person's rows until their next run: " ~ plan.downstream_tables | join(', '), info=true) -%}
  {%- endif -%}
  {%- if dry_run -%}{{ return(deleted) }}{%- endif -%}

  {%- set keys = activity_schema._erasure_keys(plan) -%}
  {%- set string_type = dbt.type_string() -%}
  {%- set now = activity_schema.current_utc_timestamp() -%}
  {%- if keys -%}
    {%- set candidates = [] -%}
    {%- for key in keys -%}
      {%- do candidates.append("select " ~ activity_schema._suppression_hash(key.kind, activity_schema.string_literal(key.value)) ~ " as key_hash, cast(" ~ activity_schema.string_literal(key.kind) ~ " as " ~ string_type ~ ") as key_kind") -%}
    {%- endfor -%}
    {%- do run_query(
          "insert into " ~ suppressions ~ " (key_hash, key_kind, suppressed_at) "
          ~ "select distinct key_hash, key_kind, " ~ now ~ " from (" ~ candidates | join(' union all ') ~ ") as erased_keys "
          ~ "where key_hash not in (select key_hash from " ~ suppressions ~ ")") -%}
  {%- endif -%}
  {%- set key_kind = {'customer': 'c', 'anonymous_customer_id': 'a', 'identifier': 'i'}[given[0]] -%}
  {%- set key_hash = activity_schema._suppression_hash(key_kind, activity_schema.string_literal(plan.given_key)) -%}
  {%- do run_query(
        "insert into " ~ log_relation ~ " (erasure_id, erased_at, erased_by, key_kind, key_hash, rows_deleted, rows_deleted_per_table, keys_suppressed) "
        ~ "select " ~ activity_schema.surrogate_key([key_hash, now]) ~ ", " ~ now ~ ", "
        ~ activity_schema.string_literal(erased_by or target.get('user') or target.name) ~ ", "
        ~ activity_schema.string_literal(key_kind) ~ ", " ~ key_hash ~ ", "
        ~ (deleted.values() | sum) ~ ", " ~ activity_schema.string_literal(deleted | tojson) ~ ", " ~ keys | length) -%}
  {%- do adapter.commit() -%}
  {%- do log("erase_person: " ~ (deleted.values() | sum) ~ " rows deleted, " ~ keys | length ~ " ids on the suppression list, logged in " ~ log_relation, info=true) -%}
  {{ return(deleted) }}
{% endmacro %}

{#- The (activity, person) partitions of a stream's rows that meet a condition, each as a
    condition on the stream's rows. -#}
{% macro _stream_partitions(relation, condition) %}
  {%- set person_key = activity_schema._person_key() -%}
  {%- set partitions = [] -%}
  {%- for row in run_query("select distinct activity, " ~ person_key ~ " from " ~ relation ~ " where " ~ condition).rows -%}
    {%- do partitions.append("(activity = " ~ activity_schema.string_literal(row[0]) ~ " and "
          ~ (person_key ~ " = " ~ activity_schema.string_literal(row[1]) if row[1] is not none else person_key ~ " is null") ~ ")") -%}
  {%- endfor -%}
  {{ return(partitions) }}
{% endmacro %}

{#- A relation if it exists in the warehouse, else none. -#}
{% macro _existing_relation(relation) %}
  {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{% endmacro %}
