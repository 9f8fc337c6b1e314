{{ config(materialized='view', enabled=activity_schema._insights_enabled()) }}
{#- The atoms still alive: no ttl, or computed less than ttl seconds ago. -#}
select *
from {{ ref('insight_atoms') }}
where ttl is null
   or {{ dbt.dateadd('second', 'ttl', 'ts') }} > {{ activity_schema.current_utc_timestamp() }}
