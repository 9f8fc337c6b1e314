{#- The six kinds of adapter model a source may provide. -#}
{% macro _headless_crm_kinds() %}
  {{ return(['events', 'person_identifiers', 'person_traits', 'group_identifiers', 'group_traits', 'membership_identifiers']) }}
{% endmacro %}

{#- The configured sources, checked: a mapping with a unique `name` made of letters, digits
    and underscores (it is written into SQL and into link keys) and any subset of the
    `<kind>_model` keys, each "ref('model')", "ref('package', 'model')" or
    "source('source', 'table')". -#}
{% macro _headless_crm_sources() %}
  {%- set sources = activity_schema._headless_crm_settings().get('sources') or [] -%}
  {%- if sources is mapping or sources is string -%}
    {{ exceptions.raise_compiler_error("var headless_crm.sources must be a list of {name: ..., <kind>_model: \"ref('...')\"}, got " ~ (sources | tojson)) }}
  {%- endif -%}
  {%- set valid_keys = ['name'] -%}
  {%- for kind in activity_schema._headless_crm_kinds() -%}{%- do valid_keys.append(kind ~ '_model') -%}{%- endfor -%}
  {%- set seen = [] -%}
  {%- for source in sources -%}
    {%- set name = source.get('name') if source is mapping else none -%}
    {%- if name is not string or not modules.re.match('^[A-Za-z0-9_]+$', name) -%}
      {{ exceptions.raise_compiler_error("var headless_crm.sources[" ~ loop.index0 ~ "] needs a name made of letters, digits and underscores, got " ~ (source | tojson)) }}
    {%- endif -%}
    {%- if name in seen -%}
      {{ exceptions.raise_compiler_error("var headless_crm.sources: source name '" ~ name ~ "' is used twice") }}
    {%- endif -%}
    {%- do seen.append(name) -%}
    {%- for key, reference in source.items() if key not in valid_keys -%}
      {{ exceptions.raise_compiler_error("headless_crm source '" ~ name ~ "': unknown key '" ~ key ~ "' (model " ~ (reference | tojson) ~ "); valid keys are " ~ valid_keys | join(', ')) }}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(sources) }}
{% endmacro %}

{#- The sources providing one kind: [{source, reference, relation}], in configuration order.
    Calling ref()/source() here is what puts the adapter models into the DAG. -#}
{% macro _headless_crm_providers(kind) %}
  {%- set providers = [] -%}
  {%- for source in activity_schema._headless_crm_sources() if source.get(kind ~ '_model') -%}
    {%- set reference = source[kind ~ '_model'] -%}
    {%- do providers.append({'source': source.name, 'reference': reference, 'relation': activity_schema._headless_crm_resolve_reference(source.name, kind, reference)}) -%}
  {%- endfor -%}
  {{ return(providers) }}
{% endmacro %}

{% macro _headless_crm_resolve_reference(source_name, kind, reference) %}
  {%- set quoted = "['\"]([^'\"]+)['\"]" -%}
  {%- set parsed = modules.re.match("^ *(ref|source)[(] *" ~ quoted ~ " *(?:, *" ~ quoted ~ " *)?[)] *$", reference | string) -%}
  {%- if parsed is none -%}
    {{ exceptions.raise_compiler_error("headless_crm source '" ~ source_name ~ "': " ~ kind ~ "_model must be \"ref('model')\", \"ref('package', 'model')\" or \"source('source', 'table')\", got " ~ (reference | tojson)) }}
  {%- endif -%}
  {%- set function, first, second = parsed.groups() -%}
  {%- if function == 'source' -%}
    {%- if second is none -%}
      {{ exceptions.raise_compiler_error("headless_crm source '" ~ source_name ~ "': " ~ kind ~ "_model " ~ (reference | tojson) ~ " needs source('source', 'table')") }}
    {%- endif -%}
    {{ return(source(first, second)) }}
  {%- endif -%}
  {#- An unqualified ref names a model of the root project (the one installing this package);
      saying so keeps dbt from resolving it ambiguously from inside the package. -#}
  {{ return(ref(first, second) if second is not none else ref(project_name, first)) }}
{% endmacro %}
