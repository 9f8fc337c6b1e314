{{ rows_differ(ref('cohort_summary'), ref('stream_cohort_summary'), key=['cohort_month'],
    exact=['cohort_size', 'buyers_in_cohort'],
    approx=['cohort_revenue', 'avg_revenue_per_user', 'buyer_conversion_rate_pct']) }}
