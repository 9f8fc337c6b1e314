{#- The normalised form of an identifier value, by its (already normalised) type:
    - email types: trimmed of spaces and lowercased; null unless it looks like x@y.
    - phone types: digits only, then, first rule that applies: starting with '+' it is
      international already; exactly national_phone_digits digits, or those digits after
      one trunk '0', is national and gets default_country_code in front; starting with
      '00' it is international after dropping the 00; anything else is kept as it is.
      Fewer than 7 digits is null.
    - domain types: lowercased, without scheme, user or email local part, www., path,
      port and trailing dot; null unless it contains a dot.
    - any other type: trimmed of spaces, case kept.
    Null (and so excluded from resolution and reported) when nothing usable is left. -#}
{% macro headless_crm_normalise_identifier(identifier_type, identifier_value) %}
  {{ return(adapter.dispatch('headless_crm_normalise_identifier', 'activity_schema')(identifier_type, identifier_value)) }}
{% endmacro %}

{% macro default__headless_crm_normalise_identifier(identifier_type, identifier_value) -%}
  {%- set settings = activity_schema._headless_crm_settings() -%}
  {%- set trimmed = activity_schema.trim_spaces(identifier_value) -%}
  case
    when {{ identifier_type }} is null or {{ trimmed }} = '' then null
    when {{ identifier_type }} in ({{ activity_schema._headless_crm_sql_list(settings.email_identifier_types) }})
      then {{ activity_schema._headless_crm_normalised_email(trimmed) }}
    when {{ identifier_type }} in ({{ activity_schema._headless_crm_sql_list(settings.phone_identifier_types) }})
      then {{ activity_schema._headless_crm_normalised_phone(trimmed, settings.default_country_code | string, settings.national_phone_digits) }}
    when {{ identifier_type }} in ({{ activity_schema._headless_crm_sql_list(settings.domain_identifier_types) }})
      then {{ activity_schema._headless_crm_normalised_domain(trimmed) }}
    else {{ trimmed }}
  end
{%- endmacro %}

{% macro _headless_crm_normalised_email(trimmed) -%}
  case when {{ trimmed }} like '%_@_%' then lower({{ trimmed }}) end
{%- endmacro %}

{% macro _headless_crm_normalised_phone(trimmed, country_code, national_digits) -%}
  {%- set digits = activity_schema.regexp_replace(trimmed, '[^0-9]', '') -%}
  {%- set international = "case"
      ~ " when " ~ trimmed ~ " like '+%' then " ~ digits
      ~ " when length(" ~ digits ~ ") = " ~ national_digits ~ " then " ~ activity_schema.string_literal(country_code) ~ " || " ~ digits
      ~ " when length(" ~ digits ~ ") = " ~ (national_digits + 1) ~ " and " ~ digits ~ " like '0%' then " ~ activity_schema.string_literal(country_code) ~ " || substr(" ~ digits ~ ", 2)"
      ~ " when " ~ digits ~ " like '00%' then substr(" ~ digits ~ ", 3)"
      ~ " else " ~ digits ~ " end" -%}
  case when length({{ digits }}) >= 7 then {{ international }} end
{%- endmacro %}

{% macro _headless_crm_normalised_domain(trimmed) -%}
  {%- set host = activity_schema.regexp_replace(
        activity_schema.regexp_replace('lower(' ~ trimmed ~ ')', '^([a-z][a-z0-9+.-]*://)?([^/@]*@)?(www[.])?', ''),
        '[/?#:].*$', '') -%}
  {%- set domain = activity_schema.regexp_replace(host, '[.]+$', '') -%}
  case when {{ domain }} like '%_._%' then {{ domain }} end
{%- endmacro %}
