{#- The ActivitySchema v2.0 columns every stream starts with, in order. -#}
{% macro _stream_contract_columns() %}
  {{ return(['activity_id', 'ts', 'activity', 'customer', 'anonymous_customer_id', 'feature_json', 'revenue_impact', 'link']) }}
{% endmacro %}

{#- The columns build_activity carries from a source row to its stream row: the contract's
    and source_key. -#}
{% macro _stream_row_columns() %}
  {{ return(activity_schema._stream_contract_columns() + ['source_key']) }}
{% endmacro %}

{#- Every column a stream built by build_activity has, in order: the contract's, the
    occurrence helpers and source_key (the source row's key, to trace a row back); other
    names are feature_json keys. -#}
{% macro _stream_columns() %}
  {{ return(activity_schema._stream_contract_columns() + ['activity_occurrence', 'activity_repeated_at', 'source_key']) }}
{% endmacro %}
