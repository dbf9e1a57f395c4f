-- The organization's public event history (GET /api/v1/events), kept for webhooks.history.retention so an
-- integrator that missed deliveries can catch up. Both forms of each payload are kept, as for deliveries:
-- a reader without candidates:read gets the one without contact details.
create table event_history (
    event_id                uuid primary key,
    organization_id         text        not null,
    event_type              text        not null,
    occurred_at             timestamptz not null,
    payload                 text        not null,
    payload_without_contact text        not null,
    -- the candidate the event is about, if any: erasure finds its rows through this index, not by scanning payloads
    candidate_id            text
);

create index event_history_by_organization on event_history (organization_id, occurred_at, event_id);
create index event_history_by_candidate on event_history (organization_id, candidate_id) where candidate_id is not null;
create index event_history_by_age on event_history (occurred_at);
