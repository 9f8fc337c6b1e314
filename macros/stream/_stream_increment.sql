{#- An incremental run of a stream: the rows to merge on activity_id.
    1. The batch: staged rows whose ts is within the lookback (var
       activity_schema.incremental_lookback_hours) of the latest ts already stored, rows
       without a ts, and, when stitching, every row of an anonymous id whose stored rows no
       longer agree with the identity windows (a device identified since, or identified
       as someone else).
    2. Changed rows: batch rows (stitched, masked) that are new or differ from the stored
       row with their activity_id. Re-running a batch, or an overlapping one, changes nothing.
    3. Touched partitions: the (activity, person) of each changed row, new and stored.
    4. Occurrences are recomputed over the touched partitions only (changed rows plus their
       stored rows), and a row is written when it changed or got another occurrence or
       repeated_at. A late row renumbers the later rows of its person, nobody else's. -#}
{% macro _stream_increment(staged, stitch_identity) -%}
  {%- set columns = activity_schema._stream_row_columns() -%}
  {%- set lookback_minutes = activity_schema._incremental_lookback_hours() * 60 -%}
  {%- set stored_person = "coalesce(" ~ activity_schema._person_key('stored.customer', 'stored.anonymous_customer_id') ~ ", '')" -%}
,
  activity_schema_stored as (
    select {{ activity_schema._stream_columns() | join(', ') }}
    from {{ this }}
  ),
  {%- if stitch_identity %}
  activity_schema_restitched as (
    select distinct stored.anonymous_customer_id
    from activity_schema_stored as stored
    inner join {{ ref('identity_time_windows') }} as identity_windows
      on identity_windows.anonymous_customer_id = stored.anonymous_customer_id
     and (identity_windows.valid_from is null or stored.ts >= identity_windows.valid_from)
     and (identity_windows.valid_to is null or stored.ts < identity_windows.valid_to)
    where stored.customer is null
       or stored.customer <> {{ activity_schema._masked('customer', 'identity_windows.customer') }}
  ),
  {%- endif %}
  activity_schema_batch as (
    select *
    from {{ staged }}
    where ts is null
       or ts >= coalesce((select {{ activity_schema._shift_minutes('max(ts)', -lookback_minutes) }} from activity_schema_stored), ts)
    {%- if stitch_identity %}
       or anonymous_customer_id in (select anonymous_customer_id from activity_schema_restitched)
    {%- endif %}
  ),
  activity_schema_changed as (
    select batch.*
    from (
      {{ activity_schema._stream_identified('activity_schema_batch', stitch_identity) }}
    ) as batch
    where not exists (
      select 1
      from activity_schema_stored as stored
      where stored.activity_id = batch.activity_id
      {%- for column in columns if column != 'activity_id' %}
        {%- if column == 'feature_json' %}
        and {{ activity_schema.json_to_string('stored.feature_json') }} is not distinct from {{ activity_schema.json_to_string('batch.feature_json') }}
        {%- else %}
        and stored.{{ column }} is not distinct from batch.{{ column }}
        {%- endif %}
      {%- endfor %}
    )
  ),
  activity_schema_touched as (
    select distinct activity, person
    from (
      select activity, coalesce({{ activity_schema._person_key() }}, '') as person
      from activity_schema_changed
      union all
      select stored.activity, {{ stored_person }} as person
      from activity_schema_stored as stored
      where exists (select 1 from activity_schema_changed as changed where changed.activity_id = stored.activity_id)
    ) as touched_rows
  ),
  activity_schema_partitions as (
    select {{ columns | join(', ') }}
    from activity_schema_changed
    union all
    select {% for column in columns %}stored.{{ column }}{{ ', ' if not loop.last }}{% endfor %}
    from activity_schema_stored as stored
    where exists (
        select 1 from activity_schema_touched as touched
        where touched.activity = stored.activity and touched.person = {{ stored_person }}
      )
      and not exists (select 1 from activity_schema_changed as changed where changed.activity_id = stored.activity_id)
  ),
  activity_schema_renumbered as (
    {{ activity_schema._with_occurrence('activity_schema_partitions') }}
  )
  select renumbered.*
  from activity_schema_renumbered as renumbered
  where exists (select 1 from activity_schema_changed as changed where changed.activity_id = renumbered.activity_id)
     or not exists (
       select 1
       from activity_schema_stored as stored
       where stored.activity_id = renumbered.activity_id
         and stored.activity_occurrence = renumbered.activity_occurrence
         and stored.activity_repeated_at is not distinct from renumbered.activity_repeated_at
     )
  {{ activity_schema._stream_insertion_order() }}
{%- endmacro %}

{#- An incremental stream is replaced row by row on activity_id: any other key, an append
    or a partition overwrite would duplicate or lose rows. Checked on the first run too, so
    that nothing is written with a strategy a later run cannot use. -#}
{% macro _check_incremental_stream_config() %}
  {%- set unique_key = config.get('unique_key') -%}
  {%- set strategy = config.get('incremental_strategy') or 'default' -%}
  {%- if unique_key != 'activity_id' and unique_key != ['activity_id'] -%}
    {{ exceptions.raise_compiler_error("build_activity in an incremental model needs unique_key='activity_id' (got " ~ (unique_key | tojson) ~ "); config(**activity_schema.stream_table_config(incremental=true)) sets it") }}
  {%- endif -%}
  {%- set problem = activity_schema._stream_upsert_problem(strategy) -%}
  {%- set chosen = activity_schema._stream_upsert_strategy() -%}
  {%- if problem -%}
    {{ exceptions.raise_compiler_error("build_activity in an incremental model needs a row-level upsert on activity_id (incremental_strategy " ~ (strategy | tojson) ~ "): " ~ problem
        ~ ((". config(**activity_schema.stream_table_config(incremental=true)) chooses " ~ (chosen | tojson)) if strategy != chosen else "")) }}
  {%- endif -%}
{% endmacro %}

{#- var activity_schema.incremental_lookback_hours: how far before the latest stored ts an
    incremental run reads the source again, for late rows. -#}
{% macro _incremental_lookback_hours() %}
  {%- set hours = activity_schema._config('incremental_lookback_hours', 72) -%}
  {%- if hours is boolean or hours is not number or hours < 0 -%}
    {{ exceptions.raise_compiler_error("var activity_schema.incremental_lookback_hours must be a number of hours >= 0, got " ~ (hours | tojson)) }}
  {%- endif -%}
  {{ return(hours) }}
{% endmacro %}
