{#- A template with every run of white space made one space, and trimmed: JavaScript's
    template.replace(/\s+/g, ' ').trim(), whose white space is this set (not Python's). -#}
{% macro _normalized_template(template) %}
  {%- if template is not string -%}
    {{ exceptions.raise_compiler_error("a metric query template must be text, got " ~ (template | tojson)) }}
  {%- endif -%}
  {%- set white_space = '[\\t\\n\\x0b\\x0c\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+' -%}
  {{ return(modules.re.sub(white_space, ' ', template).strip(' ')) }}
{% endmacro %}
