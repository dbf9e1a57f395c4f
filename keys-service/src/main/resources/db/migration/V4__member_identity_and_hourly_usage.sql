-- the console's sign-in (issue 21): a person signed in at the organization's OpenID provider is matched to a member by
-- the provider's subject, or by a verified email address; both optional, set by the operator with the member
alter table members add column email text check (email is null or (length(email) <= 254 and email = lower(email)));
alter table members add column identity_subject text check (identity_subject is null or length(identity_subject) <= 255);
create index members_by_email on members (email) where email is not null;
create index members_by_identity_subject on members (identity_subject) where identity_subject is not null;

-- requests and error answers per organization and hour, from the gateway's usage reports (the console's chart)
create table usage_hourly (
    organization_id text not null references organizations (id) on delete cascade,
    hour            timestamptz not null,
    requests        bigint not null default 0,
    errors          bigint not null default 0,
    primary key (organization_id, hour)
);
create index usage_hourly_by_hour on usage_hourly (hour);
