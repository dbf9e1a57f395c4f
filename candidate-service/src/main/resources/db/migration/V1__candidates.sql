create table candidates (
    id              text primary key,
    organization_id text not null,
    name            text not null,
    email           text,
    phone           text,
    tags            text[] not null default '{}',
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp()
);
-- list order and cursor: newest first, id breaks ties
create index candidates_org_created on candidates (organization_id, created_at desc, id desc);
create index candidates_org_email on candidates (organization_id, lower(email));
create index candidates_tags on candidates using gin (tags);

create table documents (
    id              text primary key,
    organization_id text not null,
    candidate_id    text not null references candidates (id) on delete cascade,
    filename        text not null,
    file_type       text not null,
    file_size       bigint not null,
    word_count      integer not null,
    text            text not null,
    uploaded_at     timestamptz not null default clock_timestamp()
);
create index documents_candidate on documents (organization_id, candidate_id, uploaded_at desc);

create table outbox (
    id           bigserial primary key,
    event_id     uuid not null unique,
    topic        text not null,
    record_key   text not null,
    event_type   text not null,
    payload      text not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
