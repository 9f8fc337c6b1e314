-- Every order names its buyer three ways: the address and phone typed at checkout, and the shop's customer id.
{{ activity_schema.headless_crm_unpivot_identifiers('shop', source('raw', 'shop_orders'),
     identifiers={'email': 'email', 'phone': 'phone', 'shop_customer_id': 'customer_id'},
     row_id='order_id', event_id='order_id', occurred_at='ordered_at', ingested_at='_loaded_at') }}
