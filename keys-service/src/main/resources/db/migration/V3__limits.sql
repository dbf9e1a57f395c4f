-- An operator's overrides of an organization's rate-limit windows. A null column keeps the plan's value
-- (plans.<plan>.rate-limits, else plans.rate-limits); no row at all means no override.
create table organization_limits (
    organization_id         text primary key references organizations (id) on delete cascade,
    organization_per_minute integer check (organization_per_minute > 0),
    search_per_minute       integer check (search_per_minute > 0),
    key_per_minute          integer check (key_per_minute > 0),
    key_per_hour            integer check (key_per_hour > 0),
    updated_at              timestamptz not null default now()
);
