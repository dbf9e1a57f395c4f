-- the configuration of an automated interviewer, kept for the integrator's interviewing product (the suite holds no conversations)
create table interview_agents (
    id              text primary key,
    organization_id text not null,
    name            text not null,
    language        text not null,
    voice           text,
    tone            text,
    instructions    text,
    questions       text[] not null default '{}',
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp()
);
create index interview_agents_org_created on interview_agents (organization_id, created_at desc, id desc);

-- an interview of kind ai names its agent; an agent in use cannot be deleted
alter table interviews add column agent_id text references interview_agents (id);
