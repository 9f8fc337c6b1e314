{{ rows_differ(ref('daily_summary'), ref('stream_daily_summary'), key=['report_date']) }}
