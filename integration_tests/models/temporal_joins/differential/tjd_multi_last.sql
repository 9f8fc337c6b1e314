{{ differential_multi_temporal_analysis('last') }}
