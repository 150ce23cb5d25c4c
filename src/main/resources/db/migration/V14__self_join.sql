-- Self-join groups (issue 15, SPEC rules 15-16): how members may join a static group themselves, whether they see it
-- in the app, the window in which it is visible and joinable, and its place among the groups they see.
--   * join_type: closed (only operators add members, as before), open (members join and leave), code (joined with a
--     code; the codes come later);
--   * user_viewable: members see the group (a code group may be hidden and still be joined with a code);
--   * start_date, stop_date: the window, each end open when null;
--   * sort_order: the order among the groups a member sees ("order" in the API), then the name.
-- A smart group stays closed: the application checks it (a check here would fail the statement that turns a group
-- smart before the one that closes it), and the member endpoints read static groups only.
alter table member_group
    add column join_type     text    not null default 'closed',
    add column user_viewable boolean not null default false,
    add column start_date    timestamptz,
    add column stop_date     timestamptz,
    add column sort_order    integer not null default 0,
    add constraint member_group_join_type_ck check (join_type in ('closed', 'open', 'code')),
    add constraint member_group_window_ck check (stop_date > start_date);

-- The groups members may see, in the order they see them.
create index member_group_member_view on member_group (spot_id, sort_order, name, id)
    where deleted_at is null and join_type <> 'closed';

-- How a member came into a group by themselves: selfJoined (the member API's ~join), later code (a join code). Null
-- for every other membership (an operator's add, a rule): no byte more for the millions of those.
alter table group_membership
    add column source text,
    add constraint group_membership_source_ck check (source in ('selfJoined', 'code'));
