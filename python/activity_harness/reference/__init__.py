"""Pure-Python reference oracles for the activity_schema dbt package."""
