-- Ties at the cohort row's ts that the plan of each join must not count (seed tj_plan_choices_raw), cast into the stream contract.
{{ golden_stream(ref('tj_plan_choices_raw')) }}
