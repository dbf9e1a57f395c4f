-- The read scopes of whoever created an endpoint (or last changed its URL or subscriptions): an endpoint
-- receives only the event types, and the contact fields, those scopes could read (EventAccess in suite-common).
alter table webhook_endpoints add column read_scopes text[];

-- Endpoints made before the rule keep receiving exactly what they receive today: an endpoint subscribed to
-- every type gets every read scope; one with a list gets, per subscribed type, the scope that delivers it as
-- before (document and search.execute payloads with their candidate name, file name and query, so candidates:read).
-- A new subscription (PATCH events or url) records the caller's own read scopes instead.
update webhook_endpoints e set read_scopes = case
    when cardinality(e.events) = 0 then
        array['candidates:read', 'search:read', 'jobs:read', 'pipeline:read', 'applications:read', 'webhooks:read', 'keys:read']
    else coalesce((select array_agg(distinct m.scope order by m.scope) from unnest(e.events) as t(type)
        join (values ('candidate.created', 'candidates:read'), ('candidate.updated', 'candidates:read'),
                     ('candidate.deleted', 'candidates:read'), ('document.upload', 'candidates:read'),
                     ('document.update', 'candidates:read'), ('job.created', 'jobs:read'), ('job.updated', 'jobs:read'),
                     ('application.created', 'applications:read'), ('application.stage_changed', 'applications:read'),
                     ('key.created', 'keys:read'), ('key.revoked', 'keys:read'), ('key.expired', 'keys:read'),
                     ('key.inactive', 'keys:read'), ('search.execute', 'search:read'), ('search.execute', 'candidates:read'),
                     ('feedback.submit', 'search:read')) as m(type, scope) on m.type = t.type), '{}')
end;

alter table webhook_endpoints alter column read_scopes set not null;
alter table webhook_endpoints alter column read_scopes set default '{}';
