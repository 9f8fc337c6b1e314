{{ rows_differ(ref('product_summary'), ref('stream_product_summary'), key=['product_category'],
    exact=['total_orders', 'unique_buyers', 'credit_card_orders', 'paypal_orders', 'wire_orders'],
    approx=['total_revenue', 'avg_order_value', 'recurring_revenue', 'expansion_revenue', 'one_time_revenue', 'revenue_per_order', 'revenue_per_buyer']) }}
