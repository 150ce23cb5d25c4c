-- Custom property values as columns a rule can be evaluated on through an index alone. A whole-Spot evaluation of a
-- rule such as `plan eq pro` read every value of the property from the table and took each jsonb apart (0.3 s for
-- 900,000 values), and the planner, which knows nothing of what jsonb functions select, guessed that 19 members of
-- 225,000 would match. The values of text and number properties are now also stored typed, in generated columns:
--   * value_text: a string value (Text, SingleSelect), else null;
--   * value_number: a number value (Number, and Date, which is stored as Unix seconds), else null.
-- One index, ordered by property, then value, and carrying the member, replaces the index on (spot_id, property_id):
--   * a text condition is a range of it (spot_id, property_id, value_text = ...);
--   * a number condition too, as its value_text is null (spot_id, property_id, value_text is null, value_number ...);
--   * a property's values (deleting the property, removing one of its options) are its prefix, as before;
-- and a condition's members are read from the index alone (index-only scans), while the column statistics give the
-- planner the values' real frequencies. Booleans and MultipleSelect arrays are still read from `value`. One index
-- rather than one per type, so that writing a value costs one index entry more than before, not three.
-- Adding the columns rewrites the table once.

alter table member_property_value
    add column value_text text
        generated always as (case when jsonb_typeof(value) = 'string' then value #>> '{}' end) stored,
    add column value_number numeric
        generated always as (case when jsonb_typeof(value) = 'number' then cast(value as numeric) end) stored;

drop index member_property_value_property;
create index member_property_value_value
    on member_property_value (spot_id, property_id, value_text, value_number, member_id);

analyze member_property_value;
