{{ rows_differ(ref('user_metrics'), ref('stream_user_metrics'), key=['user_id'],
    exact=['total_events', 'pageviews', 'purchase_events', 'login_events', 'total_sessions', 'total_orders',
           'first_event_at', 'last_event_at', 'customer_value_segment', 'buyer_segment'],
    approx=['total_revenue']) }}
