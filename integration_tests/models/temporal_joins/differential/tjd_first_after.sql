{{ differential_temporal_join('first_after') }}
