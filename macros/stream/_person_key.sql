{#- The person a stream row belongs to, as one text key: its customer when present, else
    its anonymous id, each in its own id space ('c:' or 'a:'), so that an anonymous id equal
    to some customer id stays another person. Null (no person) when neither is present;
    blank ids are absent. -#}
{% macro _person_key(customer='customer', anonymous_customer_id='anonymous_customer_id') -%}
  case when {{ activity_schema.id_present(customer) }} then 'c:' || {{ customer }}
       when {{ activity_schema.id_present(anonymous_customer_id) }} then 'a:' || {{ anonymous_customer_id }} end
{%- endmacro %}
