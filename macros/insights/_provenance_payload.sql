{#- The text a provenance hash is taken of: the normalized template, then the parameters'
    JSON. -#}
{% macro _provenance_payload(template, parameters=none) %}
  {{ return(activity_schema._normalized_template(template) ~ activity_schema._provenance_parameters_json(parameters)) }}
{% endmacro %}
