{#- var activity_schema.masking: PII to hash or mask on every target except the production
    ones. {production_targets: [prod], columns: {column: method}, feature_json_keys:
    {key: method}, crm_traits: {trait_name: method}}. Methods: hash (SHA-256 hex: the same
    value always gives the same hash, so joins and counts still work), mask (the text
    '***'), null. Null values stay null. `masking` checks a setting other than the var's. -#}
{% macro _masking_settings(masking=none) %}
  {%- set given = activity_schema._config('masking', none) if masking is none else masking -%}
  {%- if given is none -%}{{ return({'active': false, 'columns': {}, 'feature_json_keys': {}, 'crm_traits': {}}) }}{%- endif -%}
  {%- if given is not mapping -%}
    {{ exceptions.raise_compiler_error("var activity_schema.masking must be a mapping {production_targets, columns, feature_json_keys, crm_traits}, got " ~ (given | tojson)) }}
  {%- endif -%}
  {%- set valid_keys = ['production_targets', 'columns', 'feature_json_keys', 'crm_traits'] -%}
  {%- for key in given if key not in valid_keys -%}
    {{ exceptions.raise_compiler_error("var activity_schema.masking: unknown setting '" ~ key ~ "'; valid settings are " ~ valid_keys | join(', ')) }}
  {%- endfor -%}
  {%- set methods = ['hash', 'mask', 'null'] -%}
  {%- set maskable_columns = activity_schema._maskable_columns() -%}
  {%- for key in ['columns', 'feature_json_keys', 'crm_traits'] -%}
    {%- set entries = given.get(key) or {} -%}
    {%- if entries is not mapping -%}
      {{ exceptions.raise_compiler_error("var activity_schema.masking." ~ key ~ " must be a mapping {name: method} with method one of " ~ methods | join(', ') ~ ", got " ~ (entries | tojson)) }}
    {%- endif -%}
    {%- for name, method in entries.items() -%}
      {%- if method not in methods -%}
        {{ exceptions.raise_compiler_error("var activity_schema.masking." ~ key ~ "." ~ name ~ ": unknown method " ~ (method | tojson) ~ "; valid methods are " ~ methods | join(', ')) }}
      {%- endif -%}
      {%- if key == 'columns' and name not in maskable_columns -%}
        {{ exceptions.raise_compiler_error("var activity_schema.masking.columns: '" ~ name ~ "' is not a column that can hold PII; valid columns are " ~ maskable_columns | join(', ')) }}
      {%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- set production_targets = given.get('production_targets', ['prod']) -%}
  {%- if production_targets is string -%}{%- set production_targets = [production_targets] -%}{%- endif -%}
  {{ return({
      'active': target.name not in production_targets,
      'columns': given.get('columns') or {},
      'feature_json_keys': given.get('feature_json_keys') or {},
      'crm_traits': given.get('crm_traits') or {},
  }) }}
{% endmacro %}

{#- Text columns of the stream and of the headless CRM's event log that may hold PII. -#}
{% macro _maskable_columns() %}
  {{ return(['customer', 'anonymous_customer_id', 'link',
             'identifier_value', 'raw_identifier_value', 'trait_value', 'event_description',
             'person_identifier', 'raw_person_identifier', 'group_identifier', 'raw_group_identifier']) }}
{% endmacro %}

{#- An expression masked by a method. -#}
{% macro _mask_expression(method, expression) %}
  {%- if method == 'hash' -%}
    {{ return(activity_schema.sha256(expression)) }}
  {%- elif method == 'mask' -%}
    {{ return("case when (" ~ expression ~ ") is not null then '***' end") }}
  {%- elif method == 'null' -%}
    {{ return("cast(null as " ~ dbt.type_string() ~ ")") }}
  {%- endif -%}
  {{ return(expression) }}
{% endmacro %}

{#- A column's expression, masked when the target is not a production one and the column
    is listed. -#}
{% macro _masked(column, expression) %}
  {%- set settings = activity_schema._masking_settings() -%}
  {%- if settings.active and column in settings.columns -%}
    {{ return(activity_schema._mask_expression(settings.columns[column], expression)) }}
  {%- endif -%}
  {{ return(expression) }}
{% endmacro %}

{#- build_activity's features with the listed feature_json keys masked: pairs (key,
    expression), as json_object takes them. -#}
{% macro _masked_features(features) %}
  {%- set settings = activity_schema._masking_settings() -%}
  {%- if not settings.active or not settings.feature_json_keys -%}{{ return(features) }}{%- endif -%}
  {%- set pairs = {} -%}
  {%- for key, expression in activity_schema._key_value_pairs('build_activity', 'features', features) -%}
    {%- if key in settings.feature_json_keys -%}
      {%- do pairs.update({key: activity_schema._mask_expression(settings.feature_json_keys[key], expression)}) -%}
    {%- else -%}
      {%- do pairs.update({key: expression}) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(pairs) }}
{% endmacro %}

{#- A CRM trait value, masked for the trait names listed in crm_traits (and as the
    trait_value column says). -#}
{% macro _masked_trait_value(trait_name, trait_value) %}
  {%- set settings = activity_schema._masking_settings() -%}
  {%- set expression = activity_schema._masked('trait_value', trait_value) -%}
  {%- if not settings.active or not settings.crm_traits -%}{{ return(expression) }}{%- endif -%}
  {%- set cases = [] -%}
  {%- for name, method in settings.crm_traits.items() -%}
    {%- do cases.append("when " ~ trait_name ~ " = " ~ activity_schema.string_literal(name) ~ " then " ~ activity_schema._mask_expression(method, trait_value)) -%}
  {%- endfor -%}
  {{ return("case " ~ cases | join(' ') ~ " else " ~ expression ~ " end") }}
{% endmacro %}
