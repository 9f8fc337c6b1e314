-- The period_dataset golden stream (seed tjd_period_stream_raw) cast into the stream contract.
{{ golden_stream(ref('tjd_period_stream_raw')) }}
