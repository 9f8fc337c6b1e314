{{ rows_differ(ref('cohort_summary'), ref('stream_cohort_summary'), key=['cohort_month']) }}
