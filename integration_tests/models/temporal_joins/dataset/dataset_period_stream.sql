-- The period_dataset golden stream (seed dataset_period_stream_raw) cast into the stream contract.
{{ golden_stream(ref('dataset_period_stream_raw')) }}
