-- Aliases (columns and cohort_columns as mappings), feature keys holding a dot, a space and a
-- quote, and an activity name holding a quote. ola's visits (page.section, utm source, o'key):
-- o01 09:00 (pricing, ads, v1), o04 10:00 (docs, ads, v4), o08 11:00 (-, -, "o'x"). Signups:
-- o02 09:10 (pricing, mail, v2), o03 09:20 (docs, ads, v3), o05 10:10 (docs, -, v5), o06 10:20
-- (pricing, ads, v6), o07 10:30 (docs, ads, v7). cohort_where o'key != "o'x" (a value holding a
-- quote) drops o08, keeping o01 and o04.
--   signups (aggregate_after listagg o'key, alias signup_keys): o01 v2,v3,v5,v6,v7; o04 v5,v6,v7.
--   last_signup (last_ever, aliases): o07 -> docs, ads on both.
--   ads_signups (aggregate_all_ever count, where utm source = ads): o03, o06, o07 -> 3.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='o_visit',
    cohort_where=[{'column': "o'key", 'op': '!=', 'value': "o'x"}],
    cohort_columns={'section': 'page.section', 'source': 'utm source', 'quote_key': "o'key"},
    join_configs=[
        {'name': 'signups', 'target_activity': "o'brien_signed_up", 'join_type': 'aggregate_after', 'aggregation': 'listagg', 'columns': {'signup_keys': "o'key"}},
        {'name': 'last_signup', 'target_activity': "o'brien_signed_up", 'join_type': 'last_ever',
         'columns': {'last_signup_section': 'page.section', 'last_signup_source': 'utm source'}},
        {'name': 'ads_signups', 'target_activity': "o'brien_signed_up", 'join_type': 'aggregate_all_ever',
         'where': [{'column': 'utm source', 'op': '=', 'value': 'ads'}]},
    ],
) }}
