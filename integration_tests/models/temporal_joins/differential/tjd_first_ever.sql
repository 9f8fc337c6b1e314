{{ differential_temporal_join('first_ever') }}
