{{ differential_temporal_join('last_ever') }}
