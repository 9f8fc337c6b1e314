{{ rows_differ(ref('daily_summary'), ref('stream_daily_summary'), key=['report_date'],
    exact=['total_events', 'active_users', 'total_sessions', 'pageviews', 'purchase_events', 'new_signups', 'total_orders', 'unique_buyers'],
    approx=['daily_revenue']) }}
