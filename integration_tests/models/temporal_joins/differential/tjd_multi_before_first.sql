{{ differential_multi_temporal_analysis('first', relation='before') }}
