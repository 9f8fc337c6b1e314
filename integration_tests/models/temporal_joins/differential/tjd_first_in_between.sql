{{ differential_temporal_join('first_in_between') }}
