-- The tags and custom property values of members, keyed per statement like group_membership (V9). Their four foreign
-- keys ran a trigger per row that also locked the member row: an import of 100,000 members with 200,000 tags and
-- 175,000 values spent about 5 s in them, a third of the import. The same guarantee, set-based, under the same
-- per-Spot lock as the memberships' checks:
--   * a statement adding tags or values of members takes the lock shared, then checks in one query per key that
--     every member, tag and property it names exists in the row's Spot;
--   * a statement deleting members, tags or custom properties takes the lock exclusively, then deletes the tags and
--     values that named them (the foreign keys' "on delete cascade").
-- The lock is held until commit, so the two cannot pass each other: either the deletion waits for the adding
-- transaction to commit and then deletes what it added, or the addition waits for the deletion to commit and then
-- misses the row (and fails, as the foreign key's check did).

alter table member_tag
    drop constraint member_tag_spot_id_tag_id_fkey,
    drop constraint member_tag_spot_id_member_id_fkey;
alter table member_property_value
    drop constraint member_property_value_spot_id_member_id_fkey,
    drop constraint member_property_value_spot_id_property_id_fkey;

create function member_fact_keys_checked() returns trigger language plpgsql
    set work_mem = '64MB' set enable_nestloop = on as $$
declare
    spot uuid;
begin
    -- The Spot's lock, shared. A statement names one Spot: seeing that costs a scan of the rows, where collecting
    -- the distinct Spots costs a sort of them.
    select spot_id into spot from added limit 1;
    if exists (select 1 from added where spot_id <> spot) then
        for spot in select distinct spot_id from added order by spot_id loop
            perform pg_advisory_xact_lock_shared(7236965, hashtext(spot::text));
        end loop;
    elsif spot is not null then
        perform pg_advisory_xact_lock_shared(7236965, hashtext(spot::text));
    end if;
    if exists (select 1 from (select distinct spot_id, member_id from added order by spot_id, member_id) a
               where not exists (select 1 from member m where m.spot_id = a.spot_id and m.id = a.member_id)) then
        raise foreign_key_violation using table = tg_table_name,
            message = format('a row of %s names a member that does not exist', tg_table_name);
    end if;
    if tg_table_name = 'member_tag' then
        if exists (select 1 from (select distinct spot_id, tag_id from added) a
                   where not exists (select 1 from tag t where t.spot_id = a.spot_id and t.id = a.tag_id)) then
            raise foreign_key_violation using table = 'member_tag',
                message = 'a row of member_tag names a tag that does not exist';
        end if;
    elsif exists (select 1 from (select distinct spot_id, property_id from added) a
                  where not exists (select 1 from custom_property p
                                    where p.spot_id = a.spot_id and p.id = a.property_id)) then
        raise foreign_key_violation using table = 'member_property_value',
            message = 'a row of member_property_value names a custom property that does not exist';
    end if;
    return null;
end
$$;

create trigger member_tag_inserted after insert on member_tag
    referencing new table as added for each statement execute function member_fact_keys_checked();
create trigger member_tag_updated after update on member_tag
    referencing new table as added for each statement execute function member_fact_keys_checked();
create trigger member_property_value_inserted after insert on member_property_value
    referencing new table as added for each statement execute function member_fact_keys_checked();
create trigger member_property_value_updated after update on member_property_value
    referencing new table as added for each statement execute function member_fact_keys_checked();

create function member_facts_cascaded() returns trigger language plpgsql as $$
declare
    spot uuid;
begin
    for spot in select distinct spot_id from gone order by spot_id loop
        perform pg_advisory_xact_lock(7236965, hashtext(spot::text));
    end loop;
    if tg_table_name = 'member' then
        delete from member_tag t using gone d where t.spot_id = d.spot_id and t.member_id = d.id;
        delete from member_property_value v using gone d where v.spot_id = d.spot_id and v.member_id = d.id;
    elsif tg_table_name = 'tag' then
        delete from member_tag t using gone d where t.spot_id = d.spot_id and t.tag_id = d.id;
    else
        delete from member_property_value v using gone d where v.spot_id = d.spot_id and v.property_id = d.id;
    end if;
    return null;
end
$$;

create trigger member_facts_deleted after delete on member
    referencing old table as gone for each statement execute function member_facts_cascaded();
create trigger tag_deleted after delete on tag
    referencing old table as gone for each statement execute function member_facts_cascaded();
create trigger custom_property_deleted after delete on custom_property
    referencing old table as gone for each statement execute function member_facts_cascaded();
