create table webhook_endpoints (
    id                   text primary key,
    organization_id      text not null,
    url                  text not null,
    description          text,
    events               text[] not null default '{}',
    status               text not null default 'active' check (status in ('active', 'paused', 'disabled')),
    -- AES-GCM ciphertexts: the delivery needs the secret itself to sign, so it is encrypted, not hashed
    secret               bytea not null,
    previous_secret      bytea,
    previous_secret_until timestamptz,
    consecutive_failures integer not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index webhook_endpoints_org on webhook_endpoints (organization_id);

create table webhook_deliveries (
    id              text primary key,
    organization_id text not null,
    endpoint_id     text not null references webhook_endpoints (id) on delete cascade,
    event_id        uuid not null,
    event_type      text not null,
    payload         text not null,
    status          text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until    timestamptz,
    last_status     integer,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    unique (event_id, endpoint_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);

create table webhook_attempts (
    id               bigserial primary key,
    delivery_id      text not null references webhook_deliveries (id) on delete cascade,
    attempted_at     timestamptz not null default now(),
    status_code      integer,
    latency_ms       integer not null,
    response_excerpt text,
    error            text
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempted_at);
