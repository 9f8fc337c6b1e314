{#- Document 003's union_with_watermarks: every source's adapter model of one kind, typed
    to the interface, with identifier types, identifiers and trait names normalised. The
    `source` column is the configured source name, whatever the adapter wrote, because
    the watermarks are kept per configured source. On an incremental run a source
    contributes only rows ingested at or after its latest `_ingested_at` already loaded
    (at, so that rows sharing the boundary timestamp are not lost; the upsert on
    (source, id) makes reloading them harmless). A kind no source provides gives an
    empty, typed table. PII columns are masked outside production and erased persons are
    not taken in again (var activity_schema.masking and erasure). -#}
{% macro _headless_crm_union(kind) %}
  {#- The six union models share their configuration, so each is this one call. -#}
  {{ config(
      materialized='incremental',
      incremental_strategy=activity_schema._headless_crm_setting('incremental_strategy'),
      unique_key=['source', 'id'],
      enabled=activity_schema._headless_crm_enabled(),
      tags=['headless_crm', 'headless_crm_event_log'],
  ) }}
  {%- set columns = activity_schema._headless_crm_interface(kind) -%}
  {%- set string_type = dbt.type_string() -%}
with
{%- if is_incremental() %}
watermarks as (
    select source, max(_ingested_at) as watermark
    from {{ this }}
    group by source
),
{%- endif %}

adapter_rows as (
{%- for provider in activity_schema._headless_crm_providers(kind) %}
    {%- set present = activity_schema._headless_crm_adapter_columns(provider, kind, columns) %}
    select
    {%- for column in columns %}
        {%- if column.name == 'source' %}
        cast('{{ provider.source }}' as {{ string_type }}) as source{{ ',' if not loop.last }}
        {%- else %}
        cast({{ ('adapter_model.' ~ column.name) if column.name in present else 'null' }} as {{ activity_schema._headless_crm_sql_type(column.type) }}) as {{ column.name }}{{ ',' if not loop.last }}
        {%- endif %}
    {%- endfor %}
    from {{ provider.relation }} as adapter_model
    {%- if is_incremental() %}
    left join watermarks on watermarks.source = '{{ provider.source }}'
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
)

{%- set log_rows %}
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
from named
{%- endset %}
{{ activity_schema._headless_crm_admitted(kind, log_rows) }}
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
