create extension if not exists vector;

create table search_documents (
    id              text primary key,
    organization_id text not null,
    candidate_id    text not null,
    filename        text not null,
    candidate_name  text,
    candidate_email text,
    file_type       text,
    file_size       bigint,
    word_count      integer,
    uploaded_at     timestamptz,
    tags            text[] not null default '{}',
    stage           text,
    job_ids         text[] not null default '{}',
    indexed_at      timestamptz not null default now()
);
create index search_documents_org_candidate on search_documents (organization_id, candidate_id);

create table search_chunks (
    document_id     text not null references search_documents (id) on delete cascade,
    organization_id text not null,
    chunk_index     integer not null,
    content         text not null,
    embedding       vector(384) not null,
    tsv             tsvector generated always as (to_tsvector('english', content)) stored,
    primary key (document_id, chunk_index)
);
create index search_chunks_embedding on search_chunks using hnsw (embedding vector_cosine_ops);
create index search_chunks_tsv on search_chunks using gin (tsv);
create index search_chunks_org on search_chunks (organization_id);

-- events already applied: replays and duplicates change nothing
create table processed_events (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);

create table search_feedback (
    id              bigserial primary key,
    organization_id text not null,
    document_id     text not null,
    is_relevant     boolean not null,
    key_prefix      text,
    created_at      timestamptz not null default now()
);
create index search_feedback_doc on search_feedback (organization_id, document_id);

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
