-- Course progress keeps naming participants that exist, checked once per statement (as memberships since V9).
--
-- The foreign key course_progress -> participant ("on delete cascade") ran a trigger per deleted participant row,
-- progress or not: revoking 1,000,000 participants (a group linked to 10 courses losing 100,000 members at once)
-- looked for progress rows one deleted row at a time: a plain delete of those 1,000,000 rows took 7.3 s with it and
-- 1.5 s with the statement-level cascade below. The same guarantee, set-based:
--   * a statement deleting participants deletes the progress rows of the deleted ones, in one statement reading
--     the deleted rows (the foreign key's cascade);
--   * a statement writing progress locks the participants it names (for key share, as the foreign key's check did)
--     and fails when one of them does not exist.
-- The lock makes the two wait for each other, as the foreign key's did: a deletion waits for a progress writer to
-- commit and then deletes what it wrote (the deleting statement's trigger reads committed data afresh, READ
-- COMMITTED); a progress writer waits for a deletion to commit, then finds no participant and fails.

alter table course_progress drop constraint course_progress_spot_id_course_id_member_id_fkey;

create function participant_progress_deleted() returns trigger language plpgsql as $$
begin
    -- The deleted rows are distinct participants (their primary key): one join, no per-row lookup.
    delete from course_progress cp
    using gone g
    where cp.spot_id = g.spot_id and cp.course_id = g.resource_id and cp.member_id = g.member_id;
    return null;
end
$$;

create trigger participant_deleted after delete on participant
    referencing old table as gone for each statement execute function participant_progress_deleted();

create function course_progress_participants_checked() returns trigger language plpgsql as $$
declare
    named bigint;
    found bigint;
begin
    select count(*) into named from (select distinct spot_id, course_id, member_id from added) a;
    select count(*) into found from (
        select 1 from participant p
        join (select distinct spot_id, course_id, member_id from added) a
          on p.spot_id = a.spot_id and p.resource_id = a.course_id and p.member_id = a.member_id
        order by p.spot_id, p.resource_id, p.member_id
        for key share of p) s;
    if found < named then
        raise foreign_key_violation using table = 'course_progress',
            message = 'a course progress row names a participant that does not exist';
    end if;
    return null;
end
$$;

create trigger course_progress_inserted after insert on course_progress
    referencing new table as added for each statement execute function course_progress_participants_checked();
create trigger course_progress_updated after update on course_progress
    referencing new table as added for each statement execute function course_progress_participants_checked();
