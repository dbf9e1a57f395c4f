create table organizations (
    id         text primary key,
    name       text not null,
    plan       text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table members (
    organization_id text not null references organizations (id) on delete cascade,
    user_id         text not null,
    role            text not null check (role in ('owner', 'admin', 'member')),
    created_at      timestamptz not null default now(),
    primary key (organization_id, user_id)
);

create table api_keys (
    id               text primary key,
    organization_id  text not null references organizations (id) on delete cascade,
    name             text not null,
    prefix           text not null unique,
    -- HMAC-SHA256 of the whole key with a server-side pepper; the key itself is never stored
    secret_hash      bytea not null,
    scopes           text[] not null,
    created_by       text,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz,
    last_used_at     timestamptz,
    revoked_at       timestamptz,
    revoked_reason   text,
    inactivity_notified_at timestamptz,
    expiry_notified_at     timestamptz
);
create index api_keys_organization on api_keys (organization_id);
create index api_keys_created_by on api_keys (organization_id, created_by) where revoked_at is null;

create table key_usage_monthly (
    organization_id text not null references organizations (id) on delete cascade,
    month           date not null,
    requests        bigint not null default 0,
    primary key (organization_id, month)
);

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
