-- Memberships keep naming members and groups that exist, checked once per statement instead of once per row.
--
-- The two foreign keys of group_membership ran a trigger per membership row: about 18 µs each on the benchmark
-- machine, twice the cost of writing the row. A smart group entering 54,000 members spent a second in them, and an
-- import writing 3.6 million memberships a minute. The same guarantee, set-based:
--   * a statement adding memberships takes the Spot's membership-keys lock (shared), then checks in one query that
--     every member and every group it names exists;
--   * a statement deleting members or groups takes that lock exclusively, then checks in one query that no
--     membership names them.
-- The lock is held until commit, so the two cannot pass each other: either the deletion waits for the adding
-- transaction to commit and then sees its memberships (and fails, as the foreign key's "no action" did), or the
-- addition waits for the deletion to commit and then misses the row (and fails, as the foreign key's check did).
-- Members and groups are deleted after their memberships (GroupService, GroupPurger), so the check only ever
-- fails in such a race. The checks read committed data afresh (READ COMMITTED, which the service uses).

alter table group_membership
    drop constraint group_membership_spot_id_group_id_fkey,
    drop constraint group_membership_spot_id_member_id_fkey;

-- Room to collect the distinct keys of a large statement (an import's batch adds some 200,000 memberships) without
-- spilling them to disk; and index lookups allowed even when the adding transaction plans its own statements
-- without them (a smart group's evaluation does): otherwise 50,000 members are checked by reading all the Spot's.
create function group_membership_keys_checked() returns trigger language plpgsql
    set work_mem = '64MB' set enable_nestloop = on as $$
declare
    spot uuid;
begin
    for spot in select distinct spot_id from added order by spot_id loop
        perform pg_advisory_xact_lock_shared(7236965, hashtext(spot::text));
    end loop;
    -- In key order, so that the lookups walk the member index from one end to the other rather than all over it.
    if exists (select 1 from (select distinct spot_id, member_id from added order by spot_id, member_id) a
               where not exists (select 1 from member m where m.spot_id = a.spot_id and m.id = a.member_id)) then
        raise foreign_key_violation using table = 'group_membership',
            message = 'a group membership names a member that does not exist';
    end if;
    if exists (select 1 from (select distinct spot_id, group_id from added) a
               where not exists (select 1 from member_group g where g.spot_id = a.spot_id and g.id = a.group_id)) then
        raise foreign_key_violation using table = 'group_membership',
            message = 'a group membership names a group that does not exist';
    end if;
    return null;
end
$$;

create trigger group_membership_inserted after insert on group_membership
    referencing new table as added for each statement execute function group_membership_keys_checked();
create trigger group_membership_updated after update on group_membership
    referencing new table as added for each statement execute function group_membership_keys_checked();

create function membership_referent_deleted() returns trigger language plpgsql as $$
declare
    spot uuid;
begin
    for spot in select distinct spot_id from gone order by spot_id loop
        perform pg_advisory_xact_lock(7236965, hashtext(spot::text));
    end loop;
    if tg_table_name = 'member' then
        if exists (select 1 from gone d join group_membership gm on gm.spot_id = d.spot_id and gm.member_id = d.id) then
            raise foreign_key_violation using table = 'member',
                message = 'a deleted member is still named by a group membership';
        end if;
    elsif exists (select 1 from gone d join group_membership gm on gm.spot_id = d.spot_id and gm.group_id = d.id) then
        raise foreign_key_violation using table = 'member_group',
            message = 'a deleted group is still named by a group membership';
    end if;
    return null;
end
$$;

create trigger member_deleted after delete on member
    referencing old table as gone for each statement execute function membership_referent_deleted();
create trigger member_group_deleted after delete on member_group
    referencing old table as gone for each statement execute function membership_referent_deleted();
