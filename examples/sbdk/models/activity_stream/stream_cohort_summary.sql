-- cohort_summary from stream_user_metrics: the same aggregation as the mart's.
{{ summarise_cohorts(ref('stream_user_metrics')) }}
