{% macro _shift_minutes(expression, minutes) -%}
  {%- if minutes == 0 -%}{{ expression }}{%- else -%}{{ dbt.dateadd('minute', minutes, expression) }}{%- endif -%}
{%- endmacro %}
