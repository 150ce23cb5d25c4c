-- Resources, the groups linked to them, participants with their sources, in-app notifications, the email outbox
-- and invitation templates (rules 6-12).

-- Time-ordered UUIDs (version 7 layout: 48 bits of Unix milliseconds, then random bits) for the ids that fan-outs
-- create by the hundred thousand: index inserts then land at the end of the index instead of all over it.
create function uuid_v7() returns uuid language sql volatile as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
$$;

-- One table for the five resource types: what links, participants and access need is common; each type's own
-- fields are kept in settings. restricted is derived from the settings on every write (SPEC, Resource row).
create table resource (
    spot_id    uuid        not null references spot (id),
    id         uuid        not null,
    type       text        not null,
    name       text        not null,
    restricted boolean     not null,
    settings   jsonb       not null default '{}',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (spot_id, id),
    constraint resource_type_ck check (type in ('live', 'course', 'channel', 'forum', 'collection'))
);
create index resource_by_type on resource (spot_id, type, created_at, id);

create table resource_group_link (
    spot_id     uuid        not null,
    resource_id uuid        not null,
    group_id    uuid        not null,
    with_email  boolean     not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (spot_id, resource_id, group_id),
    foreign key (spot_id, resource_id) references resource (spot_id, id) on delete cascade,
    foreign key (spot_id, group_id) references member_group (spot_id, id)
);
create index resource_group_link_group on resource_group_link (spot_id, group_id);

-- A member's standing on a resource and why they have it: a direct invitation, self-enrolment, and the number of
-- linked (live) groups holding them. Revocation asks "is any source left?" of this row alone, never an anti-join.
create table participant (
    spot_id          uuid        not null,
    resource_id      uuid        not null,
    member_id        uuid        not null,
    id               uuid        not null,
    status           text        not null,
    type             text        not null default 'Participant',
    direct           boolean     not null default false,
    self_enrolled    boolean     not null default false,
    group_sources    integer     not null default 0,
    invited_by       uuid,
    invited_at       timestamptz,
    registered_at    timestamptz,
    started_at       timestamptz,
    completed_at     timestamptz,
    unenrolled_at    timestamptz,
    last_activity_at timestamptz,
    primary key (spot_id, resource_id, member_id),
    foreign key (spot_id, resource_id) references resource (spot_id, id) on delete cascade,
    foreign key (spot_id, member_id) references member (spot_id, id),
    constraint participant_sources_ck check (group_sources >= 0)
);
create index participant_member on participant (spot_id, member_id);
-- Rows left with no source for the moment between a revocation's two statements, found without a scan.
create index participant_sourceless on participant (spot_id)
    where group_sources = 0 and not direct and not self_enrolled;
create unique index participant_id_uq on participant (id);

create table notification (
    spot_id    uuid        not null,
    seq        bigint generated always as identity,
    id         uuid        not null,
    member_id  uuid        not null,
    type       text        not null,
    body       jsonb       not null default '{}',
    is_read    boolean     not null default false,
    created_at timestamptz not null default now(),
    primary key (spot_id, id),
    foreign key (spot_id, member_id) references member (spot_id, id) on delete cascade
);
create index notification_member on notification (spot_id, member_id, seq);

-- Emails leave through this table, written in the same transaction as the change that causes them. A worker
-- claims due rows with FOR UPDATE SKIP LOCKED, delivers them and marks them sent; message_id makes a redelivery
-- recognisable as the same email.
create table outbox (
    id              bigint generated always as identity primary key,
    spot_id         uuid        not null,
    message_id      uuid        not null unique,
    kind            text        not null default 'email',
    template        text        not null,
    member_id       uuid        not null,
    resource_id     uuid,
    status          text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    constraint outbox_status_ck check (status in ('pending', 'sent', 'dead'))
);
create index outbox_due on outbox (next_attempt_at, id) where status = 'pending';
create index outbox_spot on outbox (spot_id, id);

create table invitation_template (
    spot_id    uuid        not null references spot (id),
    type       text        not null,
    subject    text        not null,
    body       text        not null,
    updated_at timestamptz not null default now(),
    primary key (spot_id, type)
);
