-- A claim stamps a lease token; only the holder of the current token may settle the delivery, so a
-- replica whose lease ran out (and whose row another replica took over) cannot overwrite the outcome.
alter table webhook_deliveries add column lease_token uuid;

-- claims walk the due deliveries endpoint by endpoint, and count each endpoint's leased ones
create index webhook_deliveries_endpoint_due on webhook_deliveries (endpoint_id, next_attempt_at) where status = 'pending';
drop index if exists webhook_deliveries_due;
