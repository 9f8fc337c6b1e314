{#- JSON.stringify(parameters, Object.keys(parameters).sort()): the top-level keys sorted by
    UTF-16 code units are a replacer list, so every object, nested ones included, keeps
    only those keys, in that order. -#}
{% macro _provenance_parameters_json(parameters) %}
  {%- if parameters is none -%}{%- set parameters = {} -%}{%- endif -%}
  {%- if parameters is not mapping -%}
    {{ exceptions.raise_compiler_error("metric query parameters must be a mapping such as {activity: made_purchase}, got " ~ (parameters | tojson)) }}
  {%- endif -%}
  {%- set ordered = [] -%}
  {%- for key in parameters -%}
    {%- if key is not string -%}
      {{ exceptions.raise_compiler_error("metric query parameter names must be text, got " ~ (key | tojson)) }}
    {%- endif -%}
    {%- do ordered.append([key.encode('utf-16-be', 'surrogatepass'), key]) -%}
  {%- endfor -%}
  {%- set keys = ordered | sort(case_sensitive=true) | map(attribute=1) | list -%}
  {{ return(activity_schema._js_json(parameters, keys)) }}
{% endmacro %}

{#- One value as JSON.stringify writes it, objects keeping only `keys`. -#}
{% macro _js_json(value, keys) %}
  {%- if value is none -%}
    {{ return('null') }}
  {%- elif value is boolean -%}
    {{ return('true' if value else 'false') }}
  {%- elif value is number -%}
    {{ return(activity_schema._js_number(value)) }}
  {%- elif value is string -%}
    {{ return(activity_schema._js_string(value)) }}
  {%- elif value is mapping -%}
    {%- set members = [] -%}
    {%- for key in keys if key in value -%}
      {%- do members.append(activity_schema._js_string(key) ~ ':' ~ activity_schema._js_json(value[key], keys)) -%}
    {%- endfor -%}
    {{ return('{' ~ members | join(',') ~ '}') }}
  {%- elif value is iterable -%}
    {%- set items = [] -%}
    {%- for item in value -%}{%- do items.append(activity_schema._js_json(item, keys)) -%}{%- endfor -%}
    {{ return('[' ~ items | join(',') ~ ']') }}
  {%- endif -%}
  {{ exceptions.raise_compiler_error("a metric query parameter must be text, a number, true/false, null, a list or a mapping; quote " ~ (value | string) ~ " to pass it as text") }}
{% endmacro %}

{#- A number as JavaScript prints it: a double, in the shortest digits that read back as
    the same double (what Python's repr gives), plain from 1e-6 to below 1e21 and in
    exponent form outside; NaN and the infinities are null. -#}
{% macro _js_number(value) %}
  {%- set number = value | float -%}
  {%- if number != number or number > 1.7976931348623157e308 or number < -1.7976931348623157e308 -%}
    {{ return('null') }}
  {%- elif number == 0 -%}
    {{ return('0') }}
  {%- endif -%}
  {%- set parts = ((number | abs) | string).split('e') -%}
  {%- set whole_and_fraction = parts[0].split('.') -%}
  {%- set whole = whole_and_fraction[0] -%}
  {%- set all_digits = whole ~ (whole_and_fraction[1] if whole_and_fraction | length > 1 else '') -%}
  {%- set digits = all_digits.lstrip('0').rstrip('0') -%}
  {#- number = 0.<digits> x 10^point -#}
  {%- set point = whole | length - (all_digits | length - all_digits.lstrip('0') | length) + (parts[1] | int if parts | length > 1 else 0) -%}
  {%- set k = digits | length -%}
  {%- if k <= point and point <= 21 -%}
    {%- set text = digits ~ '0' * (point - k) -%}
  {%- elif 0 < point and point <= 21 -%}
    {%- set text = digits[:point] ~ '.' ~ digits[point:] -%}
  {%- elif -6 < point and point <= 0 -%}
    {%- set text = '0.' ~ '0' * (0 - point) ~ digits -%}
  {%- else -%}
    {%- set exponent = point - 1 -%}
    {%- set text = digits[0] ~ ('.' ~ digits[1:] if k > 1 else '') ~ 'e' ~ ('+' if exponent >= 0 else '-') ~ (exponent | abs) -%}
  {%- endif -%}
  {{ return(('-' if number < 0 else '') ~ text) }}
{% endmacro %}

{#- Text as a JSON string the way JavaScript writes it: only the quote, the backslash and
    control characters are escaped; everything else stays as it is. -#}
{% macro _js_string(text) %}
  {%- if modules.re.search('[\\ud800-\\udfff]', text) -%}
    {{ exceptions.raise_compiler_error("metric query parameter text holds an unpaired surrogate, which is not Unicode text: " ~ (text | tojson)) }}
  {%- endif -%}
  {%- set short_escapes = {8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r'} -%}
  {%- set escaped = namespace(text=text.replace('\\', '\\\\').replace('"', '\\"')) -%}
  {%- for code in range(32) -%}
    {%- set escaped.text = escaped.text.replace('%c' | format(code), short_escapes.get(code, '\\u%04x' | format(code))) -%}
  {%- endfor -%}
  {{ return('"' ~ escaped.text ~ '"') }}
{% endmacro %}
