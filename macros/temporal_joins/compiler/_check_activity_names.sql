{#- A misspelt activity or feature key gives silent nulls and zeros, so at run time the
    stream is asked, in one query, which of the named activities it holds and whether any
    row of the activities a feature key is read from holds a value under it. A missing one
    is a warning naming the closest existing activities, or the keys those rows have; an
    error with vars: {activity_schema: {strict_activities: true}}. Skipped while parsing,
    when dbt may not query the warehouse (--no-introspect), before the stream exists, and
    with vars: {activity_schema: {check_activities: false}}. -#}
{% macro _check_activity_names(macro_name, stream, cohort, specs) %}
  {%- if not execute or not flags.INTROSPECT or not activity_schema._config('check_activities', true) -%}{{ return(none) }}{%- endif -%}
  {%- if stream is not string and load_relation(stream) is none -%}{{ return(none) }}{%- endif -%}
  {%- set named = [] -%}
  {%- for activity in cohort.activities -%}{%- do named.append([activity, 'cohort activity']) -%}{%- endfor -%}
  {%- for spec in specs -%}
    {%- for activity in spec.targets -%}{%- do named.append([activity, 'target_activity of join ' ~ (spec.name | tojson)]) -%}{%- endfor -%}
  {%- endfor -%}
  {%- set keyed = activity_schema._feature_keys_read(cohort, specs) -%}
  {%- set keys = keyed | map(attribute='key') | unique | list -%}
  {%- set keyed_activities = keyed | map(attribute='activities') | sum(start=[]) | unique | list -%}
  {%- set columns = ['activity'] -%}
  {%- if keys -%}
    {%- set in_keyed = 'activity in (' ~ activity_schema._literal_list(keyed_activities) ~ ')' -%}
    {%- set features_text = activity_schema.json_to_string('feature_json') -%}
    {%- do columns.append('min(case when ' ~ in_keyed ~ ' then ' ~ features_text ~ ' end)') -%}
    {%- do columns.append('max(case when ' ~ in_keyed ~ ' then ' ~ features_text ~ ' end)') -%}
    {%- for key in keys -%}
      {%- do columns.append('count(case when ' ~ in_keyed ~ ' then ' ~ activity_schema.json_extract_string('feature_json', key) ~ ' end)') -%}
    {%- endfor -%}
  {%- endif -%}
  {%- set found = {} -%}
  {%- for row in run_query('select ' ~ columns | join(', ') ~ ' from ' ~ stream ~ ' group by activity').rows if row[0] is not none -%}
    {%- do found.update({row[0]: row}) -%}
  {%- endfor -%}
  {%- set existing = found.keys() | list -%}
  {%- set messages = [] -%}
  {%- for activity, role in named if activity not in existing -%}
    {%- do messages.append(macro_name ~ ": " ~ role ~ " " ~ (activity | tojson) ~ " does not occur in " ~ stream ~ "; closest existing activities: " ~ activity_schema._closest_names(activity, existing) | join(', ')) -%}
  {%- endfor -%}
  {%- for entry in keyed -%}
    {%- set index = keys.index(entry.key) + 3 -%}
    {%- set rows = [] -%}
    {%- set holding = [] -%}
    {%- for activity in entry.activities if activity in found -%}
      {%- do rows.append(found[activity]) -%}
      {%- if found[activity][index] -%}{%- do holding.append(activity) -%}{%- endif -%}
    {%- endfor -%}
    {%- if rows and not holding -%}
      {%- set present = [] -%}
      {%- for row in rows -%}
        {%- for sample in [row[1], row[2]] if sample is not none -%}
          {%- set parsed = fromjson(sample) -%}
          {%- do present.extend(parsed.keys() | list if parsed is mapping else []) -%}
        {%- endfor -%}
      {%- endfor -%}
      {%- do messages.append(macro_name ~ ": feature key " ~ (entry.key | tojson) ~ " of " ~ entry.role ~ " is in no " ~ entry.activities | join(' or ') ~ " row of " ~ stream
            ~ " (no row holds a value under it); keys there: " ~ (activity_schema._closest_names(entry.key, present | unique | list) | join(', ') if present else '(none)')) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- for message in messages -%}
    {%- if activity_schema._config('strict_activities', false) -%}
      {{ exceptions.raise_compiler_error(message) }}
    {%- else -%}
      {%- do exceptions.warn(message ~ " (this warning is an error with vars: {activity_schema: {strict_activities: true}})") -%}
    {%- endif -%}
  {%- endfor -%}
{% endmacro %}

{#- The feature keys a query reads, each with where from (role) and the activities whose
    rows it is read from: [{key, role, activities}]. Stream columns are not keys. -#}
{% macro _feature_keys_read(cohort, specs) %}
  {%- set stream_columns = activity_schema._stream_columns() -%}
  {%- set keyed = [] -%}
  {%- set cohort_keys = cohort.columns | map('last') | list + cohort.get('where_columns', []) -%}
  {%- for spec in specs -%}
    {%- do cohort_keys.extend(spec.match | map('first') | list) -%}
  {%- endfor -%}
  {%- for key in cohort_keys | unique if key not in stream_columns -%}
    {%- do keyed.append({'key': key, 'role': 'the cohort', 'activities': cohort.activities}) -%}
  {%- endfor -%}
  {%- for spec in specs -%}
    {%- for key in (spec.columns | map('last') | list + spec.where_columns + spec.match | map('last') | list) | unique if key not in stream_columns -%}
      {%- do keyed.append({'key': key, 'role': 'join ' ~ (spec.name | tojson), 'activities': spec.targets}) -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(keyed) }}
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
