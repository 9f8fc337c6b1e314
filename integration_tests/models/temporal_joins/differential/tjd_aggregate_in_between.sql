{{ differential_temporal_join('aggregate_in_between') }}
