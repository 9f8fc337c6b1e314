-- Ties whose order depends on letter case (seed tj_binary_ties_raw), cast into the stream contract.
{{ golden_stream(ref('tj_binary_ties_raw')) }}
