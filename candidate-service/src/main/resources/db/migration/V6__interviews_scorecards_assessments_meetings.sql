-- an interview of an application; interviewer_keys are the interviewers in lower case, what the overlap check matches
create table interviews (
    id               text primary key,
    organization_id  text not null,
    application_id   text not null references applications (id) on delete cascade,
    candidate_id     text not null references candidates (id) on delete cascade,
    job_id           text not null references jobs (id) on delete cascade,
    kind             text not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    duration_minutes integer not null check (duration_minutes > 0),
    interviewers     text[] not null,
    interviewer_keys text[] not null,
    location         text,
    video_url        text,
    status           text not null check (status in ('scheduled', 'cancelled')),
    cancel_reason    text,
    cancelled_at     timestamptz,
    created_at       timestamptz not null default clock_timestamp(),
    updated_at       timestamptz not null default clock_timestamp(),
    check (ends_at > starts_at)
);
create index interviews_org_created on interviews (organization_id, created_at desc, id desc);
create index interviews_org_application on interviews (organization_id, application_id);
create index interviews_org_starts on interviews (organization_id, starts_at);
create index interviews_interviewers on interviews using gin (interviewer_keys);

-- one row per interviewer of an organization: booking an interview takes the rows of its interviewers
-- (insert … on conflict do update locks the row), so two bookings of one person cannot both pass the overlap check
create table interviewer_calendars (
    organization_id text not null,
    interviewer     text not null,
    booked_at       timestamptz not null default clock_timestamp(),
    primary key (organization_id, interviewer)
);

-- one scorecard per interviewer and interview; stage_id is the application's stage when it was first submitted:
-- it stays editable while the application is still there
create table scorecards (
    id              text primary key,
    organization_id text not null,
    interview_id    text not null references interviews (id) on delete cascade,
    application_id  text not null references applications (id) on delete cascade,
    candidate_id    text not null references candidates (id) on delete cascade,
    stage_id        text not null references stages (id),
    interviewer     text not null,
    recommendation  text not null check (recommendation in ('strong_no', 'no', 'yes', 'strong_yes')),
    ratings         text not null default '{}',
    notes           text,
    submitted_at    timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp()
);
create unique index scorecards_one_per_interviewer on scorecards (interview_id, lower(interviewer));
create index scorecards_org_application on scorecards (organization_id, application_id);

create table assessments (
    id              text primary key,
    organization_id text not null,
    application_id  text not null references applications (id) on delete cascade,
    candidate_id    text not null references candidates (id) on delete cascade,
    job_id          text not null references jobs (id) on delete cascade,
    name            text not null,
    provider        text,
    due_at          timestamptz,
    status          text not null check (status in ('sent', 'started', 'completed', 'expired')),
    score           integer check (score between 0 and 100),
    passed          boolean,
    report_url      text,
    completed_at    timestamptz,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp()
);
create index assessments_org_created on assessments (organization_id, created_at desc, id desc);
create index assessments_org_application on assessments (organization_id, application_id);

create table meetings (
    id              text primary key,
    organization_id text not null,
    title           text not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    attendees       text[] not null default '{}',
    attendee_keys   text[] not null default '{}',
    candidate_id    text references candidates (id) on delete cascade,
    prospect_id     text references prospects (id) on delete cascade,
    notes           text,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    check (ends_at > starts_at)
);
create index meetings_org_created on meetings (organization_id, created_at desc, id desc);
create index meetings_org_starts on meetings (organization_id, starts_at);
create index meetings_attendees on meetings using gin (attendee_keys);
