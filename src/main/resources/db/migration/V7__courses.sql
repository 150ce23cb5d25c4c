-- Courses (rules 13-14): ordered steps, each member's progress on them, invitations held back while a course is a
-- Draft, and the member a "course completed" email is about.

-- An invitation made while its course is a Draft is recorded but not sent: invite_pending (and invite_email for its
-- email switch) until the course is published, when one statement sends them all and clears the flags.
alter table participant
    add column invite_pending boolean not null default false,
    add column invite_email   boolean not null default false;
create index participant_invite_pending on participant (spot_id, resource_id) where invite_pending;

-- How many of the course's current steps the participant completed, kept with every completion, step deletion and
-- progress reset, so that the participants table sorts by completion rate through an index instead of counting
-- every participant's progress rows.
alter table participant add column completed_steps integer not null default 0;
create index participant_completion on participant (spot_id, resource_id, completed_steps);

-- Steps of a course in order (position from 1). At most one conclusion, kept last by the service; a module is an
-- optional title shared by consecutive steps. quiz holds {passScore, questions: [{question, choices, correct}]}.
create table course_step (
    spot_id    uuid        not null,
    course_id  uuid        not null,
    id         uuid        not null,
    position   integer     not null,
    kind       text        not null,
    title      text        not null,
    body       text,
    module     text,
    quiz       jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (spot_id, course_id, id),
    foreign key (spot_id, course_id) references resource (spot_id, id) on delete cascade,
    constraint course_step_kind_ck check (kind in ('content', 'quiz', 'conclusion')),
    constraint course_step_quiz_ck check ((kind = 'quiz') = (quiz is not null)),
    -- deferred: a reorder or a deletion moves many positions in one statement
    constraint course_step_position_uq unique (spot_id, course_id, position) deferrable initially deferred
);
create unique index course_step_one_conclusion on course_step (spot_id, course_id) where kind = 'conclusion';

-- One row per member and completed step; a quiz step keeps its score, pass/fail and submission time. Deleting a
-- step or a participant deletes its rows, so counting a participant's rows counts its completed current steps.
create table course_progress (
    spot_id      uuid        not null,
    course_id    uuid        not null,
    member_id    uuid        not null,
    step_id      uuid        not null,
    completed_at timestamptz not null,
    score        integer,
    passed       boolean,
    submitted_at timestamptz,
    primary key (spot_id, course_id, member_id, step_id),
    foreign key (spot_id, course_id, member_id) references participant (spot_id, resource_id, member_id)
        on delete cascade,
    foreign key (spot_id, course_id, step_id) references course_step (spot_id, course_id, id) on delete cascade
);
create index course_progress_step on course_progress (spot_id, course_id, step_id);

-- The member an email is about when it is not its recipient (a course completed, emailed to the course's admins).
alter table outbox add column subject_member_id uuid;
