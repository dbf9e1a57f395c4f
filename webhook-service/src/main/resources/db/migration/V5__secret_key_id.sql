-- The id of the key that sealed an endpoint's secrets (null: sealed before key ids), so the secrets still
-- under an older key can be found and sealed again under the active one.
alter table webhook_endpoints add column secret_key_id text;
create index webhook_endpoints_secret_key on webhook_endpoints (secret_key_id);
