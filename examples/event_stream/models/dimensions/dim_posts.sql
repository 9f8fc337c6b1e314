-- Posts with their SCD2 history, like dim_users.
select
    dbt_scd_id as post_version_id,
    post_id,
    creator_id,
    title,
    category,
    created_at,
    case
        when row_number() over (partition by post_id order by dbt_valid_from) = 1 then created_at
        else dbt_valid_from
    end as valid_from,
    dbt_valid_to as valid_to,
    dbt_valid_to is null as is_current
from {{ ref('posts_snapshot') }}
