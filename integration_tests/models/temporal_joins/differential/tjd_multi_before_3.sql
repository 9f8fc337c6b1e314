{{ differential_multi_temporal_analysis(3, relation='before') }}
