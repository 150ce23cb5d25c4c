-- Join codes (issue 15): codes members redeem to join a static code or open group, one code used many times
-- (max_uses null: unlimited) or many single-use codes, each inside a window that lies inside the group's. Codes are
-- stored upper-case, so that they are unique per Spot compared case-insensitively; a revoked code keeps its row (and
-- its text: a revoked code is not handed out again).
create table join_code (
    spot_id         uuid        not null,
    id              uuid        not null,
    group_id        uuid        not null,
    code            text        not null,
    max_uses        integer,
    uses            integer     not null default 0,
    valid_from      timestamptz,
    valid_until     timestamptz,
    membership_days integer,
    created_at      timestamptz not null default now(),
    revoked         boolean     not null default false,
    primary key (spot_id, id),
    constraint join_code_code_upper_ck check (code = upper(code)),
    constraint join_code_uses_ck check (uses >= 0 and (max_uses is null or uses <= max_uses)),
    constraint join_code_window_ck check (valid_until > valid_from),
    foreign key (spot_id, group_id) references member_group (spot_id, id) on delete cascade
);

create unique index join_code_spot_code on join_code (spot_id, code);
create index join_code_group on join_code (spot_id, group_id, created_at, id);

-- The code a membership came through (source code), for operators; null otherwise.
alter table group_membership add column join_code_id uuid;
