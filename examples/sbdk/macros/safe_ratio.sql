{#- numerator / denominator as a decimal fraction, 0 when the denominator is 0 or null. -#}
{% macro safe_ratio(numerator, denominator) %}
    case when {{ denominator }} > 0 then {{ numerator }} * 1.0 / {{ denominator }} else 0 end
{%- endmacro %}
