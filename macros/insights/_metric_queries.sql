{#- The declared metric queries, checked: vars: {activity_schema: {metric_queries: [{name,
    template, parameters, ttl}]}}. `name` becomes the atoms' metric, `template` is SQL
    returning customer_id, subject and value (placeholders ${...}, see
    _render_metric_template), `parameters` a mapping and `ttl` the atoms' time to live in
    seconds (none: they never expire). `declared` defaults to the var. -#}
{% macro _metric_queries(declared=none) %}
  {%- if declared is none -%}{%- set declared = activity_schema._config('metric_queries', []) or [] -%}{%- endif -%}
  {%- if declared is mapping or declared is string -%}
    {{ exceptions.raise_compiler_error("var activity_schema.metric_queries must be a list of {name, template, parameters}, got " ~ (declared | tojson)) }}
  {%- endif -%}
  {%- set valid_keys = ['name', 'template', 'parameters', 'ttl'] -%}
  {%- set queries = [] -%}
  {%- set payloads = {} -%}
  {%- for query in declared -%}
    {%- set where = "var activity_schema.metric_queries[" ~ loop.index0 ~ "]" -%}
    {%- if query is not mapping -%}
      {{ exceptions.raise_compiler_error(where ~ " must be a mapping {name, template, parameters}, got " ~ (query | tojson)) }}
    {%- endif -%}
    {%- for key in query if key not in valid_keys -%}
      {{ exceptions.raise_compiler_error(where ~ ": unknown key '" ~ key ~ "'; valid keys are " ~ valid_keys | join(', ')) }}
    {%- endfor -%}
    {%- if query.get('name') is not string or not modules.re.match('^[a-z][a-z0-9_]*$', query.get('name')) -%}
      {{ exceptions.raise_compiler_error(where ~ " needs a name of lowercase letters, digits and underscores (it is the atoms' metric), got " ~ (query.get('name') | tojson)) }}
    {%- endif -%}
    {%- if query.name in queries | map(attribute='name') | list -%}
      {{ exceptions.raise_compiler_error(where ~ ": the name '" ~ query.name ~ "' is used twice") }}
    {%- endif -%}
    {%- if query.get('template') is not string or not query.template.strip() -%}
      {{ exceptions.raise_compiler_error(where ~ " ('" ~ query.name ~ "') needs a template: SQL returning customer_id, subject and value") }}
    {%- endif -%}
    {%- set ttl = query.get('ttl') -%}
    {%- if ttl is not none and (ttl is boolean or ttl is not number or ttl <= 0) -%}
      {{ exceptions.raise_compiler_error(where ~ " ('" ~ query.name ~ "'): ttl must be a number of seconds > 0 or absent, got " ~ (ttl | tojson)) }}
    {%- endif -%}
    {%- set payload = activity_schema._provenance_payload(query.template, query.get('parameters')) -%}
    {%- if payload in payloads -%}
      {{ exceptions.raise_compiler_error(where ~ " ('" ~ query.name ~ "') would have the provenance hash of '" ~ payloads[payload] ~ "': the hash reads the template with its white space collapsed and the parameters as JSON.stringify(parameters, sorted top-level keys) writes them, which keeps a nested key only when it is also a top-level key") }}
    {%- endif -%}
    {%- do payloads.update({payload: query.name}) -%}
    {%- do queries.append({'name': query.name, 'template': query.template, 'parameters': query.get('parameters') or {}, 'ttl': ttl}) -%}
  {%- endfor -%}
  {{ return(queries) }}
{% endmacro %}

{% macro _insights_enabled() %}
  {{ return(activity_schema._metric_queries() | length > 0) }}
{% endmacro %}
