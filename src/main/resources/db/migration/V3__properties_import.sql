-- Custom properties: the API's rules on definitions, kept by the database too.
alter table custom_property
    add constraint custom_property_slug_ck check (slug ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    add constraint custom_property_options_ck check
        (type not in ('SingleSelect', 'MultipleSelect') or cardinality(possible_values) > 0);
