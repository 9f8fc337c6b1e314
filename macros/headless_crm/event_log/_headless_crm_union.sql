{#- The union with watermarks: every source's adapter model of one kind, typed
    to the interface, with identifier types, identifiers and trait names normalised. The
    `source` column is the configured source name, whatever the adapter wrote, because
    the watermarks are kept per configured source. On an incremental run a source
    contributes only rows ingested at or after its latest `_ingested_at` already loaded
    (at, so that rows sharing the boundary timestamp are not lost; the upsert on
    (source, id) makes reloading them harmless). With insert_overwrite (Spark's plain
    parquet tables, which cannot delete rows) the table is partitioned by source and an
    incremental run selects, for each source it loads, the new rows and the source's
    other rows already loaded: the source's partition is rewritten whole. An incremental
    run of a table holding rows of a source that no longer provides this kind (renamed or
    removed) fails, saying to run a full refresh. A kind no source provides gives an
    empty, typed table. PII columns are masked outside production and erased persons are
    not taken in again (var activity_schema.masking and erasure). -#}
{% macro _headless_crm_union(kind) %}
  {#- The six union models share their configuration, so each is this one call. -#}
  {%- set strategy = activity_schema._headless_crm_setting('incremental_strategy') -%}
  {%- set rewrites_sources = strategy == 'insert_overwrite' -%}
  {{ config(
      materialized='incremental',
      incremental_strategy=strategy,
      unique_key=['source', 'id'],
      partition_by=['source'] if rewrites_sources else none,
      enabled=activity_schema._headless_crm_enabled(),
  ) }}
  {%- set columns = activity_schema._headless_crm_interface(kind) -%}
  {%- set string_type = dbt.type_string() -%}
  {%- set providers = activity_schema._headless_crm_providers(kind) -%}
  {%- if is_incremental() -%}
    {%- do activity_schema._headless_crm_require_known_sources(kind, providers) -%}
  {%- endif -%}
  {%- set output_columns = [] -%}
  {%- for column in columns -%}
    {%- do output_columns.append(column.name) -%}
    {%- if column.get('normalise') == 'identifier' -%}{%- do output_columns.append(column.raw_column) -%}{%- endif -%}
  {%- endfor -%}
with
{%- if is_incremental() %}
watermarks as (
    select source, max(_ingested_at) as watermark
    from {{ this }}
    group by source
),
{%- endif %}

adapter_rows as (
{%- for provider in providers %}
    {%- set present = activity_schema._headless_crm_adapter_columns(provider, kind, columns) %}
    select
    {%- for column in columns %}
        {%- if column.name == 'source' %}
        cast({{ activity_schema.string_literal(provider.source) }} as {{ string_type }}) as source{{ ',' if not loop.last }}
        {%- else %}
        cast({{ ('adapter_model.' ~ column.name) if column.name in present else 'null' }} as {{ activity_schema._headless_crm_sql_type(column.type) }}) as {{ column.name }}{{ ',' if not loop.last }}
        {%- endif %}
    {%- endfor %}
    from {{ provider.relation }} as adapter_model
    {%- if is_incremental() %}
    left join watermarks on watermarks.source = {{ activity_schema.string_literal(provider.source) }}
    where watermarks.watermark is null or adapter_model._ingested_at >= watermarks.watermark
    {%- endif %}
    {% if not loop.last %}union all{% endif %}
{%- else %}
    select
    {%- for column in columns %}
        cast(null as {{ activity_schema._headless_crm_sql_type(column.type) }}) as {{ column.name }}{{ ',' if not loop.last }}
    {%- endfor %}
    where 1 = 0
{%- endfor %}
),

named as (
    select
    {%- for column in columns %}
        {%- if column.get('normalise') == 'name' %}
        {{ activity_schema._headless_crm_normalised_name(column.name) }} as {{ column.name }}{{ ',' if not loop.last }}
        {%- else %}
        {{ column.name }}{{ ',' if not loop.last }}
        {%- endif %}
    {%- endfor %}
    from adapter_rows
),

{#- Admitted before masking: the suppression list may hold an erased identifier as the
    sources give it, which a masked row no longer shows. #}
admitted as (
    {{ activity_schema._headless_crm_admitted(kind, 'select * from named') }}
),

loaded as (
    select
    {%- for column in columns %}
        {%- if column.get('normalise') == 'identifier' %}
        {{ activity_schema._masked(column.name, activity_schema.headless_crm_normalise_identifier(column.type_column, column.name)) }} as {{ column.name }},
        {{ activity_schema._masked(column.raw_column, column.name) }} as {{ column.raw_column }}{{ ',' if not loop.last }}
        {%- elif column.name == 'trait_value' %}
        {{ activity_schema._masked_trait_value('trait_name', 'trait_value') }} as trait_value{{ ',' if not loop.last }}
        {%- elif column.name in activity_schema._maskable_columns() %}
        {{ activity_schema._masked(column.name, column.name) }} as {{ column.name }}{{ ',' if not loop.last }}
        {%- else %}
        {{ column.name }}{{ ',' if not loop.last }}
        {%- endif %}
    {%- endfor %}
    from admitted
)

select {{ output_columns | join(', ') }}
from loaded
{%- if is_incremental() and rewrites_sources %}
union all
select {% for column in output_columns %}kept.{{ column }}{{ ', ' if not loop.last }}{% endfor %}
from {{ this }} as kept
where kept.source in (select source from loaded)
  and not exists (select 1 from loaded where loaded.source = kept.source and loaded.id = kept.id)
{%- endif %}
{% endmacro %}

{#- An incremental run never deletes rows: those of a source renamed or removed in the vars
    (or that no longer provides this kind) would stay, and a renamed source's rows would be
    loaded again under the new name. So the run fails, saying to rebuild the event log. -#}
{% macro _headless_crm_require_known_sources(kind, providers) %}
  {%- if not execute or not flags.INTROSPECT -%}{{ return(none) }}{%- endif -%}
  {%- set configured = providers | map(attribute='source') | list -%}
  {%- set loaded = run_query('select distinct source from ' ~ this).columns[0].values() | reject('none') | list -%}
  {%- set unknown = loaded | reject('in', configured) | sort | list -%}
  {%- if unknown -%}
    {{ exceptions.raise_compiler_error(this.identifier ~ " holds rows of source(s) " ~ unknown | map('tojson') | join(', ')
        ~ " that var headless_crm.sources no longer lists with a " ~ kind ~ "_model (renamed or removed; configured: "
        ~ (configured | map('tojson') | join(', ') or 'none') ~ "). An incremental run never deletes rows, so they would stay, and a renamed source's rows would be loaded twice."
        ~ " Run a full refresh of the event log: dbt build --full-refresh --select tag:headless_crm_event_log") }}
  {%- endif -%}
{% endmacro %}

{#- The interface columns an adapter model has, after failing the compilation when a
    required one is missing (naming the source, the model and the columns). -#}
{% macro _headless_crm_adapter_columns(provider, kind, columns) %}
  {%- set required = [] -%}
  {%- set all_names = [] -%}
  {%- for column in columns -%}
    {%- do all_names.append(column.name) -%}
    {%- if column.get('required', true) -%}{%- do required.append(column.name) -%}{%- endif -%}
  {%- endfor -%}
  {#- Offline (--no-introspect) the adapter is taken to have every interface column. #}
  {%- if not execute or not flags.INTROSPECT -%}{{ return(all_names) }}{%- endif -%}
  {%- do activity_schema._require_columns(provider.relation, required, "headless_crm source '" ~ provider.source ~ "', " ~ kind ~ "_model " ~ provider.reference) -%}
  {%- set present = adapter.get_columns_in_relation(provider.relation) | map(attribute='name') | map('lower') | list -%}
  {{ return(all_names | select('in', present) | list) }}
{% endmacro %}
