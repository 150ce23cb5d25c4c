-- Joining community groups (issue 16, joining module): join requests remember how they were filed, subscriptions
-- the host's billing reports, and the group emails (approvals, rejections, invitations) the outbox delivers.

-- A join request filed by a join code that needs approval (the membership it leads to is the code's: source code,
-- its join_code_id), or by an invitation that does not bypass approval. Null for a request made with ~join.
alter table join_request
    add column join_code_id  uuid,
    add column invitation_id uuid;
create index join_request_member on join_request (spot_id, member_id, group_id);

-- Subscriptions to a group with access 'subscription', as the host's billing reports them: a member may join (or
-- ask to, or redeem a code) while valid_until is in the future, and their membership's valid_until follows it, so
-- that the expiry job ends the membership when the subscription lapses.
create table group_subscription (
    spot_id     uuid        not null,
    group_id    uuid        not null,
    member_id   uuid        not null,
    valid_until timestamptz not null,
    updated_at  timestamptz not null default now(),
    primary key (spot_id, group_id, member_id),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade,
    foreign key (spot_id, member_id) references member (spot_id, id) on delete cascade
);

-- Group emails: about a group (group_id) rather than a resource; an invitation goes to an address that may be no
-- member's yet (to_email, member_id null). link is the email's link (an invitation's carries its single-use token:
-- the outbox clears it once the email is sent or given up, and group_invitation keeps only the token's SHA-256);
-- note is a free text the email quotes (a rejection's reason).
alter table outbox
    alter column member_id drop not null,
    add column to_email text,
    add column group_id uuid,
    add column link     text,
    add column note     text,
    add constraint outbox_recipient_ck check (member_id is not null or to_email is not null);
