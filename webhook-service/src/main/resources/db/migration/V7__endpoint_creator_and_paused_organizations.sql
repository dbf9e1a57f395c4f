-- Who set an endpoint up (issue 22, point 6): the dashboard user of a session, or the prefix of an API key (the
-- credential the member.removed event names). Stamped at creation, at a URL change and when an admin re-enables an
-- endpoint whose creator was removed; null for endpoints made before this column (unknown: never disabled by a removal).
alter table webhook_endpoints add column creator_user_id text;
alter table webhook_endpoints add column creator_key_prefix text;
create index webhook_endpoints_creator_user on webhook_endpoints (organization_id, creator_user_id) where creator_user_id is not null;
create index webhook_endpoints_creator_key on webhook_endpoints (organization_id, creator_key_prefix) where creator_key_prefix is not null;

-- Why an endpoint is paused or disabled: 'failing' (a streak of failed attempts), 'gone' (the receiver answered 410),
-- 'creator_removed' (the member who set it up, or whose key did, left the organization). Null while active.
alter table webhook_endpoints add column status_reason text
    check (status_reason is null or status_reason in ('failing', 'gone', 'creator_removed'));
update webhook_endpoints set status_reason = 'gone' where status = 'disabled';
update webhook_endpoints set status_reason = 'failing' where status = 'paused';

-- Organizations whose plan has no API access (issue 22, point 8): their deliveries are held, nothing is sent, until
-- the plan regains access. One row per paused organization, written by the organization.plan_changed event.
create table webhook_paused_organizations (
    organization_id text primary key,
    plan            text not null,
    paused_at       timestamptz not null default now()
);
