{{ differential_case() }}
