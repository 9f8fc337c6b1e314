{#- The person a stream row belongs to, as one text key: its customer when present, else
    its anonymous id, each in its own id space ('c:' or 'a:'), so that an anonymous id equal
    to some customer id stays another person. Null (no person) when neither is present;
    blank ids are absent. -#}
{% macro _person_key(customer='customer', anonymous_customer_id='anonymous_customer_id') -%}
  coalesce('c:' || {{ activity_schema.nullif_blank(customer) }}, 'a:' || {{ activity_schema.nullif_blank(anonymous_customer_id) }})
{%- endmacro %}
