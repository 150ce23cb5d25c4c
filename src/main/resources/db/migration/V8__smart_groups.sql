-- Smart groups: a rule over member fields decides the membership, which is stored in group_membership like any
-- other, so lists, counts, links and access checks cost the same as for static groups.

alter table member_group
    add column rule              jsonb,
    -- The fields the rule reads ("tags", "status", "customProperty:plan", ...): a member change re-checks only the
    -- rules that read a field it changed.
    add column rule_fields       text[],
    add column rule_version      integer not null default 0,
    -- Whether the rule has withinLastDays/moreThanDaysAgo conditions, which the scheduled job re-evaluates.
    add column rule_relative     boolean not null default false,
    add column rule_evaluated_at timestamptz,
    add constraint member_group_kind_ck check (kind in ('static', 'smart')),
    add constraint member_group_rule_ck check ((kind = 'smart') = (rule is not null));

create index member_group_smart_fields on member_group using gin (rule_fields)
    where kind = 'smart' and deleted_at is null;
create index member_group_kind on member_group (spot_id, kind) where deleted_at is null;

-- Members always included in or always excluded from a smart group, whatever its rule says. One per member and group.
create table smart_group_exception (
    spot_id    uuid        not null,
    group_id   uuid        not null,
    member_id  uuid        not null,
    type       text        not null,
    created_at timestamptz not null default now(),
    primary key (spot_id, group_id, member_id),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade,
    foreign key (spot_id, member_id) references member (spot_id, id) on delete cascade,
    constraint smart_group_exception_type_ck check (type in ('include', 'exclude'))
);
create index smart_group_exception_member on smart_group_exception (spot_id, member_id);

