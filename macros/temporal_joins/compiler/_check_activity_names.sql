{#- A misspelt activity gives silent nulls and zeros, so at run time the stream is asked
    which of the named activities it holds. A missing one is a warning naming the closest
    existing names, or an error with vars: {activity_schema: {strict_activities: true}}.
    Skipped while parsing, when dbt may not query the warehouse (--no-introspect), before
    the stream exists, and with vars: {activity_schema: {check_activities: false}}. -#}
{% macro _check_activity_names(macro_name, stream, cohort, specs) %}
  {%- if not execute or not flags.INTROSPECT or not activity_schema._config('check_activities', true) -%}{{ return(none) }}{%- endif -%}
  {%- if stream is not string and load_relation(stream) is none -%}{{ return(none) }}{%- endif -%}
  {%- set named = [] -%}
  {%- for activity in cohort.activities -%}{%- do named.append([activity, 'cohort activity']) -%}{%- endfor -%}
  {%- for spec in specs -%}
    {%- for activity in spec.targets -%}{%- do named.append([activity, 'target_activity of join ' ~ (spec.name | tojson)]) -%}{%- endfor -%}
  {%- endfor -%}
  {%- set existing = run_query('select distinct activity from ' ~ stream).columns[0].values() | reject('none') | list -%}
  {%- for activity, role in named if activity not in existing -%}
    {%- set message = macro_name ~ ": " ~ role ~ " " ~ (activity | tojson) ~ " does not occur in " ~ stream ~ "; closest existing activities: " ~ activity_schema._closest_names(activity, existing) | join(', ') -%}
    {%- if activity_schema._config('strict_activities', false) -%}
      {{ exceptions.raise_compiler_error(message) }}
    {%- else -%}
      {%- do exceptions.warn(message ~ " (this warning is an error with vars: {activity_schema: {strict_activities: true}})") -%}
    {%- endif -%}
  {%- endfor -%}
{% endmacro %}

{#- The three names sharing the most character pairs with `name` (Dice coefficient). -#}
{% macro _closest_names(name, candidates) %}
  {%- set scored = [] -%}
  {%- set wanted = activity_schema._bigrams(name) -%}
  {%- for candidate in candidates -%}
    {%- set pairs = activity_schema._bigrams(candidate) -%}
    {%- set shared = wanted | select('in', pairs) | list | length -%}
    {%- do scored.append([-(2.0 * shared / ((wanted | length) + (pairs | length) or 1)), candidate]) -%}
  {%- endfor -%}
  {{ return((scored | sort)[:3] | map('last') | list or ['(the stream is empty)']) }}
{% endmacro %}

{% macro _bigrams(text) %}
  {%- set pairs = [] -%}
  {%- for index in range(text | length - 1) -%}{%- do pairs.append(text[index:index + 2]) -%}{%- endfor -%}
  {{ return(pairs | unique | list) }}
{% endmacro %}
