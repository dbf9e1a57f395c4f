-- sourced people who have not applied; converting one makes a candidate, which the prospect keeps a link to.
-- Erasing that candidate erases the prospect too: it is the same person.
create table prospects (
    id              text primary key,
    organization_id text not null,
    name            text not null,
    first_name      text,
    last_name       text,
    email           text,
    phone           text,
    source          text,
    tags            text[] not null default '{}',
    linkedin_url    text,
    candidate_id    text references candidates (id) on delete cascade,
    converted_at    timestamptz,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp()
);
create index prospects_org_created on prospects (organization_id, created_at desc, id desc);
create index prospects_org_email on prospects (organization_id, lower(email));
create index prospects_candidate on prospects (candidate_id) where candidate_id is not null;

-- a note is on a candidate or on a prospect
alter table notes alter column candidate_id drop not null;
alter table notes add column prospect_id text references prospects (id) on delete cascade;
alter table notes add constraint notes_one_subject check ((candidate_id is null) <> (prospect_id is null));
create index notes_org_prospect on notes (organization_id, prospect_id, created_at desc, id desc) where prospect_id is not null;

create table tasks (
    id              text primary key,
    organization_id text not null,
    title           text not null,
    due_at          timestamptz,
    assignee        text,
    candidate_id    text references candidates (id) on delete cascade,
    application_id  text references applications (id) on delete cascade,
    prospect_id     text references prospects (id) on delete cascade,
    status          text not null check (status in ('open', 'done')),
    completed_at    timestamptz,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp()
);
create index tasks_org_created on tasks (organization_id, created_at desc, id desc);
create index tasks_org_assignee on tasks (organization_id, assignee, status);
create index tasks_org_candidate on tasks (organization_id, candidate_id) where candidate_id is not null;
