-- Feature keys with a dot, a space and a quote, and an activity name with a quote, in where,
-- match, columns and cohort_columns; derived names have each such character replaced by _.
-- ola's visits: o01 09:00 (pricing, ads, v1), o04 10:00 (docs, ads, v4), o08 11:00 (o'key "o'x"
-- only). Signups (page.section, utm source, o'key): o02 09:10 (pricing, mail, v2), o03 09:20
-- (docs, ads, v3), o05 10:10 (docs, -, v5), o06 10:20 (pricing, ads, v6), o07 10:30 (docs, ads, v7).
-- First signup after with utm source = ads and the visit's page.section:
--   o01: o02 fails where, o03 fails match, o05 fails both -> o06 (pricing, ads, v6).
--   o04: o05 fails where (no utm source), o06 fails match -> o07 (docs, ads, v7).
--   o08: no page.section, nothing after -> nulls; its own o'key "o'x" comes out as is.
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity='o_visit',
    target_activity="o'brien_signed_up",
    join_type='first_after',
    columns=['activity_id', 'page.section', 'utm source', "o'key"],
    where=[{'column': 'utm source', 'op': '=', 'value': 'ads'}],
    match=['page.section'],
    cohort_columns=['page.section', 'utm source', "o'key"],
) }}
