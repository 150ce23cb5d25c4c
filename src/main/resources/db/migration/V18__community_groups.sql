-- Community groups (issue 16, SPEC rules 18-22): groups that are spaces of their own, with an owner, group roles, a
-- join URL, approval with membership questions, invitations, bans, subscriptions and reports. A community group is
-- a member_group row of kind 'community' (its members are group_membership rows like any group's: counts, links,
-- access and expiry work unchanged); what only community groups have lives in the tables below.

alter table member_group drop constraint member_group_kind_ck;
alter table member_group add constraint member_group_kind_ck check (kind in ('static', 'smart', 'community'));

-- A membership's role in a community group (null in other groups: shown as 'member' in a community group).
alter table group_membership add column group_role text
    constraint group_membership_role_ck check (group_role in ('owner', 'admin', 'moderator', 'member'));
create index group_membership_role on group_membership (spot_id, group_id, group_role)
    where group_role is not null and group_role <> 'member';

-- The community side of a group, one row per community group (communities module).
create table community_group (
    spot_id              uuid        not null,
    group_id             uuid        not null,
    owner_member_id      uuid        not null,
    slug                 text        not null,
    slug_changes_left    integer     not null default 1,
    join_policy          text        not null default 'approval',
    membership_questions jsonb       not null default '[]',
    branding             jsonb       not null default '{}',
    theme                jsonb       not null default '{}',
    access               text        not null default 'free',
    promo_links          jsonb       not null default '[]',
    reports_enabled      boolean     not null default true,
    primary key (spot_id, group_id),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade,
    constraint community_group_slug_ck check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 60),
    constraint community_group_slug_changes_ck check (slug_changes_left between 0 and 1),
    constraint community_group_policy_ck check (join_policy in ('approval', 'open')),
    constraint community_group_access_ck check (access in ('free', 'subscription'))
);

-- Every slug a group has had, current and retired, unique per Spot: a retired slug answers 410 Gone and is never
-- given to another group.
create table community_slug (
    spot_id    uuid        not null,
    slug       text        not null,
    group_id   uuid        not null,
    retired_at timestamptz,
    primary key (spot_id, slug),
    foreign key (spot_id, group_id) references community_group (spot_id, group_id) on delete cascade
);

-- The Spot's community settings; a Spot without a row has the defaults.
create table community_settings (
    spot_id                   uuid    not null primary key references spot (id),
    members_can_create_groups boolean not null default true
);

-- Requests to join an approval group (joining module): one Pending request per member and group at a time.
create table join_request (
    spot_id     uuid        not null,
    id          uuid        not null,
    group_id    uuid        not null,
    member_id   uuid        not null,
    status      text        not null default 'Pending',
    answers     jsonb       not null default '[]',
    reason      text,
    created_at  timestamptz not null default now(),
    decided_at  timestamptz,
    decided_by  uuid,
    primary key (spot_id, id),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade,
    constraint join_request_status_ck check (status in ('Pending', 'Approved', 'Rejected', 'Cancelled'))
);
create unique index join_request_pending on join_request (spot_id, group_id, member_id) where status = 'Pending';
create index join_request_group on join_request (spot_id, group_id, status, created_at, id);

-- Email invitations to a community group (joining module): a single-use token, stored as its SHA-256.
create table group_invitation (
    spot_id         uuid        not null,
    id              uuid        not null,
    group_id        uuid        not null,
    email           text        not null,
    token_hash      bytea       not null,
    bypass_approval boolean     not null default true,
    invited_by      uuid,
    created_at      timestamptz not null default now(),
    accepted_at     timestamptz,
    accepted_by     uuid,
    primary key (spot_id, id),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade
);
create unique index group_invitation_token on group_invitation (token_hash);
create index group_invitation_group on group_invitation (spot_id, group_id, created_at, id);

-- A join code may file a join request instead of joining at once (a shareable invite link that still needs approval).
alter table join_code add column requires_approval boolean not null default false;

-- Members banned from a group (joining module): removed, and every way back in is refused while the ban stands.
create table group_ban (
    spot_id    uuid        not null,
    group_id   uuid        not null,
    member_id  uuid        not null,
    reason     text,
    banned_by  uuid,
    created_at timestamptz not null default now(),
    primary key (spot_id, group_id, member_id),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade
);

-- Content reported by members in a group (communities module); the content itself is the host's (contentId).
create table group_report (
    spot_id        uuid        not null,
    id             uuid        not null,
    group_id       uuid        not null,
    reporter_id    uuid        not null,
    content_type   text        not null,
    content_id     text        not null,
    reason         text        not null,
    status         text        not null default 'Open',
    resolution_note text,
    resolved_by    uuid,
    created_at     timestamptz not null default now(),
    resolved_at    timestamptz,
    primary key (spot_id, id),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade,
    constraint group_report_type_ck check (content_type in ('message', 'topic', 'comment', 'member', 'other')),
    constraint group_report_status_ck check (status in ('Open', 'Dismissed', 'Removed'))
);
create unique index group_report_once on group_report (spot_id, group_id, reporter_id, content_type, content_id);
create index group_report_group on group_report (spot_id, group_id, status, created_at, id);
