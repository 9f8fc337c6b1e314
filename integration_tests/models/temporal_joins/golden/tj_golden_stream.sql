-- The hand-made golden stream (seed tj_golden_stream_raw: a seed and a model cannot share
-- a name) cast into the stream contract's types. activity_occurrence is carried over from
-- the seed as is: it is deliberately stale for alice's sessions a05/a10 (swapped), so the
-- joins must work out occurrences themselves.
{{ golden_stream(ref('tj_golden_stream_raw')) }}
