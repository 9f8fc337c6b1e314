{{ differential_temporal_join('aggregate_all_ever') }}
