-- Custom roles and tags: labels unique per Spot case-insensitively, and the lookups their endpoints make.

create unique index custom_role_label_uq on custom_role (spot_id, lower(label));

-- Deleting a custom role clears it from the members holding it, found through this index.
create index member_custom_role on member (spot_id, custom_role_id) where custom_role_id is not null;

-- The tag list is ordered by position.
create index tag_position on tag (spot_id, sort_order, id);
