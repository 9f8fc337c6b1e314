-- Staging model for users - basic cleaning and type casting
select
    cast(user_id as integer) as user_id,
    cast(created_at as timestamp) as created_at,
    upper(country) as country_code,
    lower(referrer) as referrer_source,

    -- Data quality flags
    case
        when user_id is null then 'missing_id'
        when created_at is null then 'missing_created_at'
        else 'valid'
    end as data_quality_flag,

    -- Derived fields
    cast(created_at as date) as signup_date,
    date_part('year', created_at) as signup_year,
    date_part('month', created_at) as signup_month

from {{ source('raw', 'raw_users') }}
where user_id is not null
