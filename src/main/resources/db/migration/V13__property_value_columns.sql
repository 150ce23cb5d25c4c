-- Custom property values as columns a rule can be evaluated on through an index alone. A whole-Spot evaluation of a
-- rule such as `plan eq pro` read every value of the property from the table and took each jsonb apart (0.3 s for
-- 900,000 values), and the planner, which knows nothing of what jsonb functions select, guessed that 19 members of
-- 225,000 would match. The values of text and number properties are now also stored typed, in generated columns:
--   * value_text: a string value (Text, SingleSelect), else null;
--   * value_number: a number value (Number, and Date, which is stored as Unix seconds), else null;
-- each with an index ordered by property and value and carrying the member, so that a condition's members are read
-- from the index (index-only scans) and the column statistics give the planner the values' real frequencies.
-- Booleans and MultipleSelect arrays are still read from `value`. Adding the columns rewrites the table once.

alter table member_property_value
    add column value_text text
        generated always as (case when jsonb_typeof(value) = 'string' then value #>> '{}' end) stored,
    add column value_number numeric
        generated always as (case when jsonb_typeof(value) = 'number' then cast(value as numeric) end) stored;

create index member_property_value_text on member_property_value (spot_id, property_id, value_text, member_id)
    where value_text is not null;
create index member_property_value_number on member_property_value (spot_id, property_id, value_number, member_id)
    where value_number is not null;

analyze member_property_value;
