-- dataset_period_day holds every one of ada's 118,500 days from 1700-01-01 to 2024-06-10 once,
-- with the values worked out in the model's comment; returns a row of counts when it does not.
{%- set day = "substr(cast(period_start as " ~ dbt.type_string() ~ "), 1, 10)" %}
select *
from (
    select
        count(*) as periods,
        count(distinct {{ day }}) as days,
        min({{ day }}) as first_day,
        max({{ day }}) as last_day,
        sum(case when {{ day }} = '1700-01-01' and buys_count = 1 and earlier_count = 0 and next_buy_activity_id = 'a03' then 1 else 0 end) as first_day_right,
        sum(case when {{ day }} = '2024-06-09' and buys_count = 1 and earlier_count = 1 and next_buy_activity_id is null then 1 else 0 end) as buy_day_right,
        sum(case when {{ day }} = '2024-06-10' and buys_count = 0 and earlier_count = 2 and next_buy_activity_id is null then 1 else 0 end) as last_day_right,
        sum(case when {{ day }} > '1700-01-01' and {{ day }} < '2024-06-09' and buys_count = 0 and earlier_count = 1 and next_buy_activity_id = 'a03' then 1 else 0 end) as days_between_right
    from {{ ref('dataset_period_day') }}
) as summary
where not (periods = 118500 and days = 118500 and first_day = '1700-01-01' and last_day = '2024-06-10'
           and first_day_right = 1 and buy_day_right = 1 and last_day_right = 1 and days_between_right = 118497)
