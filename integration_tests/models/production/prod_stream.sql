-- An incremental, stitched stream: merged on activity_id, occurrences recomputed for the
-- persons a run touches, anonymous rows re-stitched when their device is identified.
{{ prod_event_stream(stitch_identity=true) }}
