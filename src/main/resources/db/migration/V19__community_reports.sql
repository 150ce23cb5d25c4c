-- Community groups (issue 16): a report notifies the group's moderators and above, the Spot's Admins among them
-- (they have admin rights in every community group). They are found through this index, without reading a Spot's
-- million members for each report.
create index member_admin on member (spot_id) where role = 'Admin';
