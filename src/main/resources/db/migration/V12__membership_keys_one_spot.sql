-- The membership key checks of V9, cheaper for the statements that write the most memberships (a smart group
-- entering a large Spot, an import's batches of some 180,000 rows): their Spot's lock is found by one scan of the
-- rows rather than a sort of them (a statement names one Spot), and with one Spot the distinct members and groups are
-- collected by their ids alone. Same checks, same messages, same lock.
create or replace function group_membership_keys_checked() returns trigger language plpgsql
    set work_mem = '64MB' set enable_nestloop = on as $$
declare
    spot uuid;
begin
    select spot_id into spot from added limit 1;
    if spot is null then
        return null;
    end if;
    if exists (select 1 from added where spot_id <> spot) then
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
    end if;
    perform pg_advisory_xact_lock_shared(7236965, hashtext(spot::text));
    if exists (select 1 from (select distinct member_id from added order by member_id) a
               where not exists (select 1 from member m where m.spot_id = spot and m.id = a.member_id)) then
        raise foreign_key_violation using table = 'group_membership',
            message = 'a group membership names a member that does not exist';
    end if;
    if exists (select 1 from (select distinct group_id from added) a
               where not exists (select 1 from member_group g where g.spot_id = spot and g.id = a.group_id)) then
        raise foreign_key_violation using table = 'group_membership',
            message = 'a group membership names a group that does not exist';
    end if;
    return null;
end
$$;
