-- Memberships that expire (issue 15): a static group's membership may end at valid_until, when the expiry job
-- removes it. Null (every membership before this) is permanent. Adding a nullable column without a default rewrites
-- nothing. The index holds only the memberships that expire, in the order the job reads them (the expired first),
-- with the group beside the date so that the job's delete of one group's expired rows stays inside it; permanent
-- memberships, the many, cost it nothing on insert.
alter table group_membership add column valid_until timestamptz;

create index group_membership_expiry on group_membership (valid_until, group_id) where valid_until is not null;
