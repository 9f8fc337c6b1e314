{{ activity_schema.headless_crm_events_adapter('shop', source('raw', 'shop_orders'),
     id='order_id', occurred_at='ordered_at', event_name="'placed_order'", event_type="'commerce'",
     value='total', value_unit="'USD'", ingested_at='_loaded_at') }}
