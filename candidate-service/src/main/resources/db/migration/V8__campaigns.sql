-- seed 001's hiring processes: a named hiring drive grouping jobs, with the pipeline its new jobs start from
create table campaigns (
    id              text primary key,
    organization_id text not null,
    name            text not null,
    status          text not null default 'draft',
    starts_at       timestamptz,
    ends_at         timestamptz,
    -- the jobs it groups, in the order they were added (jobs are never deleted, so the ids stay valid)
    job_ids         text[] not null default '{}',
    -- the pipeline template: stage names and their types, position by position (empty: the default pipeline)
    template_names  text[] not null default '{}',
    template_types  text[] not null default '{}',
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    constraint campaigns_template_aligned check (cardinality(template_names) = cardinality(template_types)),
    constraint campaigns_period check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create index campaigns_org_created on campaigns (organization_id, created_at desc, id desc);
create index campaigns_org_status_created on campaigns (organization_id, status, created_at desc, id desc);
