{#- SQL reserved words, lowercase: a column named after one needs quoting on some
    warehouse, so generated column names avoid them. -#}
{% macro _sql_reserved_words() %}
  {{ return(['all', 'and', 'any', 'array', 'as', 'asc', 'between', 'both', 'by', 'case', 'cast', 'check', 'collate', 'column',
      'constraint', 'create', 'cross', 'current', 'default', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'exists', 'false',
      'fetch', 'for', 'foreign', 'from', 'full', 'grant', 'group', 'groups', 'having', 'in', 'inner', 'intersect', 'interval', 'into',
      'is', 'join', 'lateral', 'leading', 'left', 'like', 'limit', 'natural', 'not', 'null', 'of', 'offset', 'on', 'only', 'or',
      'order', 'outer', 'over', 'partition', 'primary', 'qualify', 'range', 'references', 'right', 'row', 'rows', 'select',
      'session_user', 'some', 'table', 'then', 'to', 'trailing', 'true', 'union', 'unique', 'user', 'using', 'when', 'where',
      'window', 'with']) }}
{% endmacro %}
