{#- ActivitySchema v2.0 naming: [namespace_]verb_noun[_modifier], lowercase words joined by underscores. -#}
{% macro activity_name_pattern() %}{{ return('^[a-z][a-z0-9]*(_[a-z0-9]+)+$') }}{% endmacro %}
