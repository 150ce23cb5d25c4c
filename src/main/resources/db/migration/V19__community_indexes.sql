-- Community groups (issue 16). A report notifies the group's moderators and above, the Spot's Admins among them
-- (they have admin rights in every community group). They are found through this index, without reading a Spot's
-- million members for each report.
create index member_admin on member (spot_id) where role = 'Admin';

-- A community group's member list filtered by a staff role (groupRole[eq]=admin, groupRole[in]=owner,moderator)
-- reads its owner, admins and moderators through this index, without reading its million plain members.
create index group_membership_staff on group_membership (spot_id, group_id, (coalesce(group_role, 'member')))
    where coalesce(group_role, 'member') <> 'member';
