{#- The conditions a stream row must meet to be taken in (an empty string when nothing is
    checked), against the suppression list of erased ids and the retention.
    - 'staged': on the rows as the source gives them: not an erased activity_id, not older
      than the retention (rows without a ts are kept, for the contract test to report).
    - 'stored': on the rows as they would be stored (stitched, masked): not an erased
      customer or anonymous id. Ids are compared in their stored form, so that an
      environment that masks them suppresses what it holds.
    `relation` qualifies the column names. -#}
{% macro _stream_admission(stage, relation=none) %}
  {%- set prefix = (relation ~ '.') if relation else '' -%}
  {%- set conditions = [] -%}
  {%- set erasure = activity_schema._erasure_enabled() -%}
  {%- if stage == 'staged' -%}
    {%- if erasure -%}{%- do conditions.append(activity_schema._not_suppressed('r', prefix ~ 'activity_id')) -%}{%- endif -%}
    {%- set days = activity_schema._retention_days() -%}
    {%- if days is not none -%}
      {%- do conditions.append('(' ~ prefix ~ 'ts is null or ' ~ prefix ~ 'ts >= ' ~ activity_schema._retention_cutoff(days) ~ ')') -%}
    {%- endif -%}
  {%- elif erasure -%}
    {%- do conditions.append(activity_schema._not_suppressed('c', prefix ~ 'customer')) -%}
    {%- do conditions.append(activity_schema._not_suppressed('a', prefix ~ 'anonymous_customer_id')) -%}
  {%- endif -%}
  {{ return(conditions | join('\n    and ')) }}
{% endmacro %}
