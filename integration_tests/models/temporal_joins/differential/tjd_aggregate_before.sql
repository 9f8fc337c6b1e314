{{ differential_temporal_join('aggregate_before') }}
