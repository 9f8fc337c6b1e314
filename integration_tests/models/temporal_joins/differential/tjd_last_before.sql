{{ differential_temporal_join('last_before') }}
