create table jobs (
    id              text primary key,
    organization_id text not null,
    title           text not null,
    description     text,
    department      text,
    location        text,
    employment_type text,
    status          text not null check (status in ('draft', 'published', 'closed')),
    published_at    timestamptz,
    closed_at       timestamptz,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp()
);
create index jobs_org_created on jobs (organization_id, created_at desc, id desc);
create index jobs_org_status_created on jobs (organization_id, status, created_at desc, id desc);

-- a job's ordered pipeline
create table stages (
    id              text primary key,
    organization_id text not null,
    job_id          text not null references jobs (id) on delete cascade,
    name            text not null,
    position        integer not null,
    unique (job_id, position)
);
create index stages_org_job on stages (organization_id, job_id, position);

create table applications (
    id              text primary key,
    organization_id text not null,
    candidate_id    text not null references candidates (id) on delete cascade,
    job_id          text not null references jobs (id) on delete cascade,
    stage_id        text not null references stages (id),
    status          text not null check (status in ('active', 'rejected')),
    rejection_reason text,
    rejected_at     timestamptz,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    -- one application per candidate and job: moving it is how a candidate progresses
    unique (organization_id, candidate_id, job_id)
);
create index applications_org_created on applications (organization_id, created_at desc, id desc);
create index applications_org_job on applications (organization_id, job_id, created_at desc, id desc);
create index applications_org_stage on applications (organization_id, stage_id, created_at desc, id desc);
create index applications_org_candidate on applications (organization_id, candidate_id);

-- every stage an application passed through; the open row (completed_at null) is the current one
create table stage_history (
    id              text primary key,
    organization_id text not null,
    application_id  text not null references applications (id) on delete cascade,
    stage_id        text not null references stages (id),
    stage_name      text not null,
    started_at      timestamptz not null default clock_timestamp(),
    completed_at    timestamptz
);
create index stage_history_application on stage_history (application_id, started_at, id);

create table notes (
    id              text primary key,
    organization_id text not null,
    candidate_id    text not null references candidates (id) on delete cascade,
    body            text not null,
    author          text,
    created_at      timestamptz not null default clock_timestamp()
);
create index notes_org_candidate on notes (organization_id, candidate_id, created_at desc, id desc);
