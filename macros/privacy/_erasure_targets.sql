{#- What erase_person deletes, in order: [{name, relation, condition}] for the tables that
    exist. The CRM's excluded identifiers go last: a raw value the person's records held is
    dropped once no other record holds it. -#}
{% macro _erasure_targets(plan) %}
  {%- set in_list = activity_schema._in_list -%}
  {%- set targets = [] -%}
  {%- for stream in plan.streams -%}
    {%- do targets.append({'name': stream.name, 'relation': stream.relation, 'stream': true, 'condition':
          in_list('customer', plan.customers_stored) ~ ' or ' ~ in_list('anonymous_customer_id', plan.anonymous_stored) ~ ' or ' ~ in_list('activity_id', plan.activity_ids)}) -%}
  {%- endfor -%}
  {%- set person = in_list('customer', plan.customers_raw) ~ ' or ' ~ in_list('anonymous_customer_id', plan.anonymous_raw) -%}
  {%- set by_person_id = in_list('person_id', plan.person_ids) -%}
  {%- set records = [] -%}
  {%- for source, row_id in plan.records -%}
    {%- do records.append('(source = ' ~ activity_schema.string_literal(source) ~ ' and row_id = ' ~ activity_schema.string_literal(row_id) ~ ')') -%}
  {%- endfor -%}
  {%- set events = [] -%}
  {%- for source, event_id in plan.events -%}
    {%- do events.append('(source = ' ~ activity_schema.string_literal(source) ~ ' and id = ' ~ activity_schema.string_literal(event_id) ~ ')') -%}
  {%- endfor -%}
  {%- set pairs = [] -%}
  {%- for pair in plan.raw_pairs -%}{%- do pairs.append(pair[0] ~ ' ' ~ pair[1]) -%}{%- endfor -%}
  {%- set node_key = activity_schema._headless_crm_node_key -%}
  {%- set candidates = [
      ('identity__person_stream', activity_schema._identity_enabled(), person),
      ('identity_change_detector', activity_schema._identity_enabled(), person ~ ' or ' ~ in_list('previous_customer', plan.customers_raw)),
      ('identity_time_windows', activity_schema._identity_enabled(), person),
      ('headless_crm_person_identifiers', activity_schema._headless_crm_enabled(), records | join(' or ') or '1 = 0'),
      ('headless_crm_person_traits', activity_schema._headless_crm_enabled(), records | join(' or ') or '1 = 0'),
      ('headless_crm_events', activity_schema._headless_crm_enabled(), events | join(' or ') or '1 = 0'),
      ('headless_crm_membership_identifiers', activity_schema._headless_crm_enabled(), in_list(node_key('person_identifier_type', 'person_identifier'), plan.crm_keys)),
      ('headless_crm_person_components', activity_schema._headless_crm_enabled(), in_list('node_key', plan.crm_keys)),
      ('headless_crm_resolved_person_identifiers', activity_schema._headless_crm_enabled(), by_person_id),
      ('headless_crm_resolved_person_traits', activity_schema._headless_crm_enabled(), by_person_id),
      ('headless_crm_persons', activity_schema._headless_crm_enabled(), by_person_id),
      ('headless_crm_memberships', activity_schema._headless_crm_enabled(), by_person_id),
      ('headless_crm_excluded_identifiers', activity_schema._headless_crm_enabled(),
        "entity_type = 'person' and " ~ in_list(node_key('identifier_type', 'raw_identifier_value'), pairs)),
      ('insight_atoms', activity_schema._insights_enabled(), in_list('customer_id', plan.customers_stored + plan.anonymous_stored)),
      ('context_cache', activity_schema._insights_enabled() and activity_schema._config('context_cache', false) is sameas true,
        in_list('customer_id', plan.customers_stored + plan.anonymous_stored)),
  ] -%}
  {%- for name, enabled, condition in candidates if enabled -%}
    {%- set relation = activity_schema._existing_relation(ref('activity_schema', name)) -%}
    {%- if relation is not none -%}
      {%- if name == 'headless_crm_excluded_identifiers' -%}
        {%- set still_held = [] -%}
        {%- for union, type_column, raw_column in [('headless_crm_person_identifiers', 'identifier_type', 'raw_identifier_value'),
                                                   ('headless_crm_membership_identifiers', 'person_identifier_type', 'raw_person_identifier')] -%}
          {%- do still_held.append("select " ~ node_key(type_column, raw_column) ~ " from " ~ ref('activity_schema', union) ~ " where " ~ raw_column ~ " is not null") -%}
        {%- endfor -%}
        {%- set condition = condition ~ " and " ~ node_key('identifier_type', 'raw_identifier_value') ~ " not in (" ~ still_held | join(' union all ') ~ ")" -%}
      {%- endif -%}
      {%- do targets.append({'name': name, 'relation': relation, 'stream': false, 'condition': condition}) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(targets) }}
{% endmacro %}

{#- The ids put on the suppression list, [{kind, value}], each as every table that checks
    it stores it: customers and anonymous ids raw (identity models) and as streams store
    them, CRM node keys, and the activity_ids of rows on shared devices. -#}
{% macro _erasure_keys(plan) %}
  {%- set keys = [] -%}
  {%- for kind, values in [('c', plan.customers_raw + plan.customers_stored), ('a', plan.anonymous_raw + plan.anonymous_stored),
                           ('i', plan.crm_keys), ('r', plan.activity_ids)] -%}
    {%- for value in values | unique -%}{%- do keys.append({'kind': kind, 'value': value}) -%}{%- endfor -%}
  {%- endfor -%}
  {{ return(keys) }}
{% endmacro %}
