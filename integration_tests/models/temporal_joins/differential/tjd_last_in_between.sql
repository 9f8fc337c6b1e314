{{ differential_temporal_join('last_in_between') }}
