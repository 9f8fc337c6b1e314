-- The same events as an incremental stream without identity stitching.
{{ prod_event_stream(stitch_identity=false) }}
