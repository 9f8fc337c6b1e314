{#- Every id of the person erase_person was called for, read from the warehouse before
    anything is deleted:
    - a given anonymous id becomes its customer (an anonymous id identified as several
      customers is a shared device: erase one of them by customer instead);
    - the CRM person holding a given identifier, or holding a customer id under one of
      customer_identifier_types, gives all of that person's identifiers, records and
      events, and the customer ids among them;
    - every anonymous id identified as one of the customers is theirs, unless it was also
      identified as someone else (a shared device): then only the rows stitched to them
      are, listed by activity_id.
    Ids are kept as each table stores them: raw in the identity models, masked where the
    target masks streams and the CRM. -#}
{% macro _erasure_plan(customer, anonymous_customer_id, identifier, identifier_type) %}
  {%- set erasure = activity_schema._erasure_settings() -%}
  {%- set plan = {'customers_raw': [], 'anonymous_given': [], 'crm_keys': [], 'person_ids': [], 'records': [], 'events': [],
                  'raw_pairs': [], 'activity_ids': [], 'shared_raw': [], 'anonymous_raw': []} -%}
  {%- if customer is not none -%}{%- do plan.customers_raw.append(customer) -%}{%- do plan.update({'given_key': customer}) -%}{%- endif -%}
  {%- if anonymous_customer_id is not none -%}{%- do plan.anonymous_given.append(anonymous_customer_id) -%}{%- do plan.update({'given_key': anonymous_customer_id}) -%}{%- endif -%}

  {%- set identity = activity_schema._existing_relation(ref('activity_schema', 'identity__person_stream')) if activity_schema._identity_enabled() else none -%}
  {%- if identity is not none and anonymous_customer_id is not none -%}
    {%- set owners = activity_schema._column_values("select distinct customer from " ~ identity ~ " where anonymous_customer_id = " ~ activity_schema.string_literal(anonymous_customer_id)) -%}
    {%- if owners | length > 1 -%}
      {{ exceptions.raise_compiler_error("erase_person: this anonymous id was identified as " ~ owners | length ~ " different customers (a shared device); erase each person by customer instead") }}
    {%- endif -%}
    {%- do plan.customers_raw.extend(owners) -%}
  {%- endif -%}

  {%- set crm = activity_schema._headless_crm_enabled() -%}
  {%- set resolved = activity_schema._existing_relation(ref('activity_schema', 'headless_crm_resolved_person_identifiers')) if crm else none -%}
  {%- set seeds = [] -%}
  {%- if identifier is not none -%}
    {%- set key = activity_schema._crm_node_key(identifier_type, identifier) -%}
    {%- if key is none -%}
      {{ exceptions.raise_compiler_error("erase_person: the " ~ identifier_type ~ " given does not normalise to a usable identifier") }}
    {%- endif -%}
    {%- do seeds.append(key) -%}
    {%- do plan.update({'given_key': key}) -%}
  {%- endif -%}
  {%- if resolved is not none -%}
    {%- for customer_id in plan.customers_raw -%}
      {%- for type in erasure.customer_identifier_types -%}
        {%- set key = activity_schema._crm_node_key(type, customer_id) -%}
        {%- if key is not none -%}{%- do seeds.append(key) -%}{%- endif -%}
      {%- endfor -%}
    {%- endfor -%}
    {%- set node_key = activity_schema._headless_crm_node_key('identifier_type', 'identifier_value') -%}
    {%- do plan.person_ids.extend(activity_schema._column_values("select distinct person_id from " ~ resolved ~ " where " ~ activity_schema._in_list(node_key, seeds))) -%}
    {%- do plan.crm_keys.extend(activity_schema._column_values("select distinct " ~ node_key ~ " from " ~ resolved ~ " where " ~ activity_schema._in_list('person_id', plan.person_ids))) -%}
    {%- if erasure.customer_identifier_types and plan.person_ids -%}
      {%- if activity_schema._masking_settings().active and 'identifier_value' in activity_schema._masking_settings().columns -%}
        {%- do log("erase_person: CRM identifiers are masked on this target, so the person's customer ids cannot be read from the CRM; erase by customer as well", info=true) -%}
      {%- else -%}
        {%- for customer_id in activity_schema._column_values("select distinct identifier_value from " ~ resolved ~ " where " ~ activity_schema._in_list('person_id', plan.person_ids) ~ " and " ~ activity_schema._in_list('identifier_type', erasure.customer_identifier_types)) if customer_id not in plan.customers_raw -%}
          {%- do plan.customers_raw.append(customer_id) -%}
        {%- endfor -%}
      {%- endif -%}
    {%- endif -%}
  {%- endif -%}
  {%- for key in seeds if key not in plan.crm_keys -%}{%- do plan.crm_keys.append(key) -%}{%- endfor -%}

  {%- set linked = [] -%}
  {%- if identity is not none and plan.customers_raw -%}
    {%- do linked.extend(activity_schema._column_values("select distinct anonymous_customer_id from " ~ identity ~ " where " ~ activity_schema._in_list('customer', plan.customers_raw))) -%}
    {%- do plan.shared_raw.extend(activity_schema._column_values("select distinct anonymous_customer_id from " ~ identity ~ " where " ~ activity_schema._in_list('anonymous_customer_id', linked) ~ " and not " ~ activity_schema._in_list('customer', plan.customers_raw))) -%}
  {%- endif -%}
  {%- for anonymous_id in plan.anonymous_given + linked if anonymous_id not in plan.shared_raw and anonymous_id not in plan.anonymous_raw -%}
    {%- do plan.anonymous_raw.append(anonymous_id) -%}
  {%- endfor -%}
  {%- do plan.update({
      'customers_stored': activity_schema._stored_forms('customer', plan.customers_raw),
      'anonymous_stored': activity_schema._stored_forms('anonymous_customer_id', plan.anonymous_raw),
      'shared_stored': activity_schema._stored_forms('anonymous_customer_id', plan.shared_raw),
  }) -%}

  {%- set streams = [] -%}
  {%- set downstream = [] -%}
  {%- for node in graph.nodes.values() if node.resource_type == 'model' and 'activity_schema_stream' in node.tags -%}
    {%- set relation = activity_schema._existing_relation(api.Relation.create(database=node.database, schema=node.schema, identifier=node.alias)) -%}
    {%- if relation is not none and not relation.is_view -%}
      {%- do streams.append({'name': node.name, 'relation': relation}) -%}
      {%- if plan.shared_stored and plan.customers_stored -%}
        {%- do plan.activity_ids.extend(activity_schema._column_values("select activity_id from " ~ relation ~ " where " ~ activity_schema._in_list('customer', plan.customers_stored) ~ " and " ~ activity_schema._in_list('anonymous_customer_id', plan.shared_stored))) -%}
      {%- endif -%}
    {%- endif -%}
    {%- for other in graph.nodes.values() if relation is not none and other.resource_type == 'model' and node.unique_id in other.depends_on.nodes
          and 'activity_schema_stream' not in other.tags and other.package_name != 'activity_schema'
          and other.config.materialized in ['table', 'incremental'] and other.name not in downstream -%}
      {%- if activity_schema._existing_relation(api.Relation.create(database=other.database, schema=other.schema, identifier=other.alias)) is not none -%}
        {%- do downstream.append(other.name) -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- do plan.update({'streams': streams, 'downstream_tables': downstream}) -%}

  {%- if crm and plan.crm_keys -%}
    {%- set identifiers = activity_schema._existing_relation(ref('activity_schema', 'headless_crm_person_identifiers')) -%}
    {%- set memberships = activity_schema._existing_relation(ref('activity_schema', 'headless_crm_membership_identifiers')) -%}
    {%- if identifiers is not none -%}
      {%- set rows = run_query("select distinct source, row_id, event_id, identifier_type, raw_identifier_value from " ~ identifiers ~ " as log_row where exists (select 1 from " ~ identifiers ~ " as erased where erased.source = log_row.source and erased.row_id = log_row.row_id and " ~ activity_schema._in_list(activity_schema._headless_crm_node_key('erased.identifier_type', 'erased.identifier_value'), plan.crm_keys) ~ ")") -%}
      {%- for row in rows.rows -%}
        {%- if [row[0], row[1]] not in plan.records -%}{%- do plan.records.append([row[0], row[1]]) -%}{%- endif -%}
        {%- if row[2] is not none and [row[0], row[2]] not in plan.events -%}{%- do plan.events.append([row[0], row[2]]) -%}{%- endif -%}
        {%- if row[4] is not none and [row[3], row[4]] not in plan.raw_pairs -%}{%- do plan.raw_pairs.append([row[3], row[4]]) -%}{%- endif -%}
      {%- endfor -%}
    {%- endif -%}
    {%- if memberships is not none -%}
      {%- set rows = run_query("select distinct source, event_id, person_identifier_type, raw_person_identifier from " ~ memberships ~ " where " ~ activity_schema._in_list(activity_schema._headless_crm_node_key('person_identifier_type', 'person_identifier'), plan.crm_keys)) -%}
      {%- for row in rows.rows -%}
        {%- if row[1] is not none and [row[0], row[1]] not in plan.events -%}{%- do plan.events.append([row[0], row[1]]) -%}{%- endif -%}
        {%- if row[3] is not none and [row[2], row[3]] not in plan.raw_pairs -%}{%- do plan.raw_pairs.append([row[2], row[3]]) -%}{%- endif -%}
      {%- endfor -%}
    {%- endif -%}
  {%- endif -%}
  {{ return(plan) }}
{% endmacro %}

{#- A CRM identifier's node key ('<type> <value>') as the event log stores it: type and
    value normalised (and masked where the target masks identifiers); none when the value
    is not usable. -#}
{% macro _crm_node_key(identifier_type, value) %}
  {%- set type_sql = activity_schema._headless_crm_normalised_name(activity_schema.string_literal(identifier_type)) -%}
  {%- set value_sql = activity_schema._masked('identifier_value', activity_schema.headless_crm_normalise_identifier(type_sql, activity_schema.string_literal(value))) -%}
  {%- set values = activity_schema._column_values("select " ~ activity_schema._headless_crm_node_key(type_sql, value_sql)) -%}
  {{ return(values[0] if values else none) }}
{% endmacro %}

{#- Values as a column stores them: masked where the target masks that column. -#}
{% macro _stored_forms(column, values) %}
  {%- if not values or activity_schema._masked(column, 'x') == 'x' -%}{{ return(values) }}{%- endif -%}
  {%- set selects = [] -%}
  {%- for value in values -%}{%- do selects.append("select " ~ activity_schema._masked(column, activity_schema.string_literal(value)) ~ " as stored") -%}{%- endfor -%}
  {{ return(activity_schema._column_values(selects | join(' union all '))) }}
{% endmacro %}

{#- The non-null values of a query's first column, as text. -#}
{% macro _column_values(sql) %}
  {{ return(run_query(sql).columns[0].values() | reject('none') | map('string') | list) }}
{% endmacro %}

{#- `expression in (literals)`, false for no values. -#}
{% macro _in_list(expression, values) -%}
  {%- if not values -%}
    {{ return('1 = 0') }}
  {%- endif -%}
  {%- set literals = [] -%}
  {%- for value in values -%}{%- do literals.append(activity_schema.string_literal(value)) -%}{%- endfor -%}
  {{ return(expression ~ ' in (' ~ literals | join(', ') ~ ')') }}
{%- endmacro %}
