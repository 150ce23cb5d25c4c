-- Cohort foundation: Spots, keys, members (roles, tags, custom properties) and static groups.
-- Every table carries spot_id and every key starts with it, so tenants are isolated by construction
-- and the data can be distributed by Spot later.

create table spot (
    id                  uuid primary key,
    name                text        not null,
    member_token_secret text        not null,
    created_at          timestamptz not null default now()
);

create table api_key (
    id         uuid primary key,
    spot_id    uuid        not null references spot (id),
    key_hash   text        not null unique,
    key_prefix text        not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);
create index api_key_spot on api_key (spot_id);

create table custom_role (
    spot_id     uuid        not null references spot (id),
    id          uuid        not null,
    label       text        not null,
    description text,
    permissions text[]      not null default '{}',
    created_at  timestamptz not null default now(),
    primary key (spot_id, id)
);

-- Names sort with ICU's root collation so that lists are alphabetical the same way on every server.
create table member (
    spot_id             uuid        not null references spot (id),
    id                  uuid        not null,
    email               text        not null,
    firstname           text collate "und-x-icu" not null default '',
    lastname            text collate "und-x-icu" not null default '',
    title               text,
    lang                text        not null default 'en',
    role                text        not null default 'Member',
    custom_role_id      uuid,
    status              text        not null,
    warnings            integer     not null default 0,
    avatar_url          text,
    embed_base_urls     jsonb,
    user_id             uuid,
    registration_source jsonb,
    invitation_date     timestamptz,
    registration_date   timestamptz,
    last_activity_at    timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (spot_id, id),
    foreign key (spot_id, custom_role_id) references custom_role (spot_id, id),
    constraint member_role_ck check (role in ('Member', 'Admin')),
    constraint member_status_ck check (status in
        ('Accepted', 'Deactivated', 'DeclinedInvitation', 'Invited', 'Left', 'Pending', 'Rejected'))
);
create unique index member_email_uq on member (spot_id, lower(email));
create unique index member_id_uq on member (id);
create index member_alpha on member (spot_id, lower(lastname), lower(firstname), lower(email), id);
create index member_registration on member (spot_id, registration_date);
create index member_invitation on member (spot_id, invitation_date);

create table custom_property (
    spot_id         uuid        not null references spot (id),
    id              uuid        not null,
    slug            text        not null,
    label           text        not null,
    description     text,
    type            text        not null,
    possible_values text[]      not null default '{}',
    created_at      timestamptz not null default now(),
    primary key (spot_id, id),
    constraint custom_property_type_ck check (type in
        ('Text', 'SingleSelect', 'MultipleSelect', 'Boolean', 'Number', 'Date'))
);
create unique index custom_property_slug_uq on custom_property (spot_id, slug);

create table member_property_value (
    spot_id     uuid        not null,
    member_id   uuid        not null,
    property_id uuid        not null,
    value       jsonb       not null,
    updated_at  timestamptz not null default now(),
    primary key (spot_id, member_id, property_id),
    foreign key (spot_id, member_id) references member (spot_id, id) on delete cascade,
    foreign key (spot_id, property_id) references custom_property (spot_id, id) on delete cascade
);
create index member_property_value_property on member_property_value (spot_id, property_id);

create table tag (
    spot_id    uuid        not null references spot (id),
    id         uuid        not null,
    name       text        not null,
    emoji      text,
    sort_order integer     not null,
    created_at timestamptz not null default now(),
    primary key (spot_id, id)
);
create unique index tag_name_uq on tag (spot_id, lower(name));

create table member_tag (
    spot_id     uuid        not null,
    tag_id      uuid        not null,
    member_id   uuid        not null,
    assigned_at timestamptz not null default now(),
    primary key (spot_id, tag_id, member_id),
    foreign key (spot_id, tag_id) references tag (spot_id, id) on delete cascade,
    foreign key (spot_id, member_id) references member (spot_id, id) on delete cascade
);
create index member_tag_member on member_tag (spot_id, member_id);

create table member_group (
    spot_id     uuid        not null references spot (id),
    id          uuid        not null,
    name        text        not null,
    description text,
    emoji       text,
    icon        text,
    kind        text        not null default 'static',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz,
    primary key (spot_id, id)
);
create index member_group_live on member_group (spot_id, name, id) where deleted_at is null;

-- Memberships are never removed by cascade: every path that removes one also writes the counter delta.
create table group_membership (
    spot_id   uuid        not null,
    group_id  uuid        not null,
    member_id uuid        not null,
    added_at  timestamptz not null default now(),
    primary key (spot_id, group_id, member_id),
    foreign key (spot_id, group_id) references member_group (spot_id, id),
    foreign key (spot_id, member_id) references member (spot_id, id)
);
create index group_membership_member on group_membership (spot_id, member_id);

-- Member counts as insert-only deltas written in the same transaction as the membership change:
-- exact, and no shared counter row for concurrent adds to queue on. A job folds them into one row per group.
create table group_member_count (
    spot_id  uuid   not null,
    group_id uuid   not null,
    delta    bigint not null
);
create index group_member_count_group on group_member_count (spot_id, group_id);
