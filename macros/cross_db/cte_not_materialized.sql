{#- The keyword that lets the planner inline a CTE referenced more than once. Postgres
    materializes such a CTE and then guesses the row counts of every filter on it (a
    fraction of a percent), which leads it to nested loops over large inputs. -#}
{% macro cte_not_materialized() %}
  {{ return(adapter.dispatch('cte_not_materialized', 'activity_schema')()) }}
{% endmacro %}

{% macro default__cte_not_materialized() %}{% endmacro %}

{% macro postgres__cte_not_materialized() %}not materialized {% endmacro %}
