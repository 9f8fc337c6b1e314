{#- The rest of build_activity after its `staged` CTE: admission (erasure suppression list,
    retention), identity stitching, PII masking and occurrences; on an incremental run only
    the rows that change (see _stream_increment). Continues the WITH clause (starts with a
    comma) and ends with the stream's select. -#}
{% macro _stream_from_staged(staged, stitch_identity) -%}
  {%- if execute and config.get('materialized') == 'incremental' -%}
    {%- do activity_schema._check_incremental_stream_config() -%}
  {%- endif -%}
  {%- set admission = activity_schema._stream_admission('staged') -%}
  {%- if admission %},
  activity_schema_admitted as (
    select * from {{ staged }}
    where {{ admission }}
  )
  {%- set staged = 'activity_schema_admitted' -%}
  {%- endif -%}
  {%- if is_incremental() -%}
  {{ activity_schema._stream_increment(staged, stitch_identity) }}
  {%- else %},
  activity_schema_identified as (
    {{ activity_schema._stream_identified(staged, stitch_identity) }}
  )
  {{ activity_schema._with_occurrence('activity_schema_identified') }}
  {{ activity_schema._stream_insertion_order() }}
  {%- endif -%}
{%- endmacro %}

{#- Rows stitched (when asked) and masked, erased persons left out: the contract columns,
    ready for occurrences. Where ids are masked, a row is left out when its ids are erased
    in either form: as stored here (an erasure run where they are masked) or as the
    source gives them (an erasure run where they are not, e.g. in production). -#}
{% macro _stream_identified(relation, stitch_identity) -%}
  {%- set columns = activity_schema._stream_row_columns() -%}
  {%- set admission = activity_schema._stream_admission('stored') -%}
  {%- set masks_ids = activity_schema._masked('customer', 'x') != 'x' or activity_schema._masked('anonymous_customer_id', 'x') != 'x' -%}
  select * from (
    select {% for column in columns %}{{ activity_schema._masked(column, column) }} as {{ column }}{{ ', ' if not loop.last }}{% endfor %}
    from (
      {%- if stitch_identity %}
      {{ activity_schema._stitch_identity(relation, columns=columns) }}
      {%- else %}
      select * from {{ relation }}
      {%- endif %}
    ) as activity_schema_unmasked
    {%- if admission and masks_ids %}
    where {{ activity_schema._stream_admission('stored', 'activity_schema_unmasked') }}
    {%- endif %}
  ) as activity_schema_masked
  {%- if admission %}
  where {{ admission }}
  {%- endif %}
{%- endmacro %}

{#- `order by activity, ts` where the model's meta asks for an insertion order
    (stream_table_config on DuckDB, whose min/max zone maps make that order an index). -#}
{% macro _stream_insertion_order() -%}
  {%- set order = (config.get('meta') or {}).get('activity_schema_insertion_order') -%}
  {%- if order -%}
  order by {{ (order if order is not string else [order]) | join(', ') }}
  {%- endif -%}
{%- endmacro %}
