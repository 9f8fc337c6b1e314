{#- The stream relation: the argument, or the model named by var activity_schema.stream. -#}
{% macro _resolve_stream(macro_name, stream) %}
  {%- set stream = stream if stream is not none else activity_schema._config('stream') -%}
  {%- if stream is none -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument stream; pass stream=ref('your_stream') or set vars: {activity_schema: {stream: 'your_stream'}}") }}
  {%- endif -%}
  {{ return(ref(stream) if stream is string else stream) }}
{% endmacro %}
