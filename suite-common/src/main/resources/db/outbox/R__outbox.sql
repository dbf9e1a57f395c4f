-- The transactional outbox of every service that writes domain events (io.recruitsuite.common.outbox):
-- one definition, shipped with suite-common and applied by each such service's Flyway
-- (quarkus.flyway.locations=db/migration,db/outbox). Idempotent, so the services whose first
-- migrations created the table keep it and every row in it.
create table if not exists outbox (
    id           bigserial primary key,
    event_id     uuid not null unique,
    topic        text not null,
    record_key   text not null,
    event_type   text not null,
    payload      text not null,
    trace_parent text,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
alter table outbox add column if not exists trace_parent text;
create index if not exists outbox_unpublished on outbox (id) where published_at is null;
