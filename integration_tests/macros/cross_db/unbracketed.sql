{#- Test fixture (never shipped): a seed text without the brackets it is written in. Seed
    loaders read an empty or blank cell as null, so seeds that need empty and blank texts
    write every text in brackets; an empty cell stays null. -#}
{% macro unbracketed(column) %}
  {{ return('substr(' ~ column ~ ', 2, length(' ~ column ~ ') - 2)') }}
{% endmacro %}
