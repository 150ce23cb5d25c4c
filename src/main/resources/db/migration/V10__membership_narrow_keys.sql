-- Narrower keys for group_membership, the table every smart group writes at scale (an import of 100,000 members into
-- a Spot with 100 smart groups writes 3.6 million rows): its two index entries cost more than the row itself, and
-- their cost grows with their width. The Spot is left out of both keys:
--   * a group's id names one group (ids are UUIDs made by the service), so (group_id, member_id) is as unique as
--     (spot_id, group_id, member_id) was; the statement-level checks of V9 still make sure that the group and the
--     member of every membership belong to the membership's Spot;
--   * every query of the table names a group or a member, and filters the Spot on top.
-- The planner would multiply the Spot's selectivity with the group's (or the member's) and underestimate every
-- group's size; the dependency statistics tell it that the group (or the member) decides the Spot.

alter table group_membership drop constraint group_membership_pkey;
alter table group_membership add primary key (group_id, member_id);
drop index group_membership_member;
create index group_membership_member on group_membership (member_id);

create statistics group_membership_group_spot (dependencies) on group_id, spot_id from group_membership;
create statistics group_membership_member_spot (dependencies) on member_id, spot_id from group_membership;
analyze group_membership;
