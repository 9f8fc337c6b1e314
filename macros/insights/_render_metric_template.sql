{#- A metric query's template as SQL. The template is raw SQL written by the project (like
    build_activity's `where`); its placeholders are filled here:
    - ${name} or ${name.key.key}: a parameter, as a SQL literal (text through
      string_literal, numbers, true/false, null; a list becomes comma-separated literals,
      for `in (${activities})`);
    - ${ref:model} or ${ref:package.model}: a relation, which also puts it into the DAG;
    - ${stream}: the default stream (var activity_schema.stream).
    Any other placeholder is a compile-time error naming the query. -#}
{% macro _render_metric_template(query) %}
  {%- set sql = namespace(text=query.template) -%}
  {%- for placeholder in modules.re.findall('\\$\\{([^}]*)\\}', query.template) | unique -%}
    {%- set name = placeholder.strip() -%}
    {%- if name == 'stream' -%}
      {%- set replacement = activity_schema._resolve_stream("metric query '" ~ query.name ~ "'", none) -%}
    {%- elif name.startswith('ref:') -%}
      {%- set parts = name[4:].strip().split('.') -%}
      {%- set valid = namespace(all=parts | length <= 2) -%}
      {%- for part in parts if not modules.re.match('^[A-Za-z_][A-Za-z0-9_]*$', part) -%}{%- set valid.all = false -%}{%- endfor -%}
      {%- if not valid.all -%}
        {{ exceptions.raise_compiler_error("metric query '" ~ query.name ~ "': ${" ~ placeholder ~ "} must name a model as ${ref:model} or ${ref:package.model}") }}
      {%- endif -%}
      {%- set replacement = ref(parts[0], parts[1]) if parts | length == 2 else ref(project_name, parts[0]) -%}
    {%- else -%}
      {%- set value = namespace(found=true, current=query.parameters) -%}
      {%- for key in name.split('.') -%}
        {%- if value.found and value.current is mapping and key in value.current -%}
          {%- set value.current = value.current[key] -%}
        {%- else -%}
          {%- set value.found = false -%}
        {%- endif -%}
      {%- endfor -%}
      {%- if not value.found or value.current is mapping -%}
        {{ exceptions.raise_compiler_error("metric query '" ~ query.name ~ "': ${" ~ placeholder ~ "} names no parameter value; its parameters are " ~ (query.parameters | tojson) ~ " (use ${name}, ${name.key}, ${ref:model} or ${stream})") }}
      {%- endif -%}
      {%- set replacement = activity_schema._sql_literals(value.current) -%}
    {%- endif -%}
    {%- set sql.text = sql.text.replace('${' ~ placeholder ~ '}', replacement | string) -%}
  {%- endfor -%}
  {{ return(sql.text) }}
{% endmacro %}

{#- A parameter value as SQL: text through string_literal, numbers as written, a list as
    comma-separated literals. -#}
{% macro _sql_literals(value) %}
  {%- if value is none -%}
    {{ return('null') }}
  {%- elif value is boolean -%}
    {{ return('true' if value else 'false') }}
  {%- elif value is number -%}
    {{ return(value | string) }}
  {%- elif value is string -%}
    {{ return(activity_schema.string_literal(value)) }}
  {%- elif value is iterable and value is not mapping -%}
    {%- set items = [] -%}
    {%- for item in value -%}{%- do items.append(activity_schema._sql_literals(item)) -%}{%- endfor -%}
    {{ return(items | join(', ')) }}
  {%- endif -%}
  {{ exceptions.raise_compiler_error("a metric query parameter used in a template must be text, a number, true/false, null or a list of those, got " ~ (value | string)) }}
{% endmacro %}
