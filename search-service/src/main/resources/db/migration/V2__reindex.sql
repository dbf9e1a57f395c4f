-- How far the live consumer has applied each organization's events, per partition of the
-- candidate-events topic. A reindex replays an organization's events up to (at least) this
-- position while holding the row, so it never finishes behind the live consumer.
create table consumer_positions (
    organization_id text    not null,
    kafka_partition integer not null,
    last_offset     bigint  not null,
    primary key (organization_id, kafka_partition)
);

-- Operator-started rebuilds of one organization's index from the source events.
create table reindex_runs (
    id               uuid primary key,
    organization_id  text        not null,
    status           text        not null check (status in ('running', 'completed', 'failed')),
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    events_read      bigint      not null default 0,
    events_applied   bigint      not null default 0,
    documents_swept  integer     not null default 0,
    error            text
);
-- at most one running rebuild per organization
create unique index reindex_runs_one_running on reindex_runs (organization_id) where status = 'running';
create index reindex_runs_org on reindex_runs (organization_id, started_at desc);
