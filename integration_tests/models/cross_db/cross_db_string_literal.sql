-- Texts that each warehouse's string syntax treats specially, written as literals by
-- string_literal and framed in brackets (a seed cannot hold an empty text). The Jinja
-- strings hold the characters themselves: "\\" is one backslash, "\n" a line break.
{%- set texts = {
    'empty': '',
    'single_quote': "o'hara",
    'doubled_quotes': "''",
    'double_quote': 'say "hi"',
    'backslash': 'C:\\new\\table',
    'backslash_quote': "\\'",
    'trailing_backslash': 'end\\',
    'line_break': 'line1\nline2',
    'tab': 'a\tb',
    'percent': '100%s %%',
    'unicode': 'Ünïcödé ☃ 😀',
    'sql_comment': "-- not a comment /* nor this */",
} %}
{% for case_id, text in texts.items() %}
select '{{ case_id }}' as case_id, '[' || {{ activity_schema.string_literal(text) }} || ']' as framed
{% if not loop.last %}union all{% endif %}
{% endfor %}
