-- Users with their SCD2 history: one row per version. The first version known of a user
-- is valid from the user's creation (changes made before the first snapshot are unknown),
-- later ones from the change that made them.
select
    dbt_scd_id as user_version_id,
    user_id,
    username,
    country,
    account_type,
    is_verified,
    is_creator,
    created_at,
    case
        when row_number() over (partition by user_id order by dbt_valid_from) = 1 then created_at
        else dbt_valid_from
    end as valid_from,
    dbt_valid_to as valid_to,
    dbt_valid_to is null as is_current
from {{ ref('users_snapshot') }}
