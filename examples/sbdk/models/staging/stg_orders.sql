-- Staging model for orders - financial data cleaning.
-- Selects the order's timestamp: daily_summary groups orders by day (the original staging
-- model left created_at out, so daily_summary could not compile).
select
    cast(order_id as integer) as order_id,
    cast(user_id as integer) as user_id,
    cast(amount as decimal(10, 2)) as order_amount,
    lower(product_category) as product_category,
    lower(payment_method) as payment_method,
    cast(created_at as timestamp) as ordered_at,
    cast(created_at as date) as order_date,

    -- Order categorization
    case
        when amount < 50 then 'small'
        when amount between 50 and 200 then 'medium'
        when amount > 200 then 'large'
    end as order_size_category,

    -- Payment method grouping
    case
        when lower(payment_method) = 'credit_card' then 'card'
        when lower(payment_method) = 'paypal' then 'digital_wallet'
        else 'other'
    end as payment_method_group,

    -- Revenue categorization
    case
        when lower(product_category) = 'subscription' then 'recurring'
        when lower(product_category) in ('addon', 'renewal') then 'expansion'
        else 'one_time'
    end as revenue_type,

    -- Data quality
    case
        when order_id is null then 'missing_id'
        when user_id is null then 'missing_user_id'
        when amount is null or amount <= 0 then 'invalid_amount'
        else 'valid'
    end as data_quality_flag

from {{ source('raw', 'raw_orders') }}
where order_id is not null
  and user_id is not null
  and amount > 0
