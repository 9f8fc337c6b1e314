{{ activity_schema.headless_crm_unpivot_traits('shop', source('raw', 'shop_orders'),
     traits=['first_name', 'last_name'], row_id='order_id', event_id='order_id', occurred_at='ordered_at', ingested_at='_loaded_at') }}
