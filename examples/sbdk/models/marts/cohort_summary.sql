-- Cohort analysis mart for retention and revenue tracking
{{ summarise_cohorts(ref('user_metrics')) }}
