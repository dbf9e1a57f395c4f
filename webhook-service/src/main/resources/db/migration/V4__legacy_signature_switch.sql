-- Receivers that verify the Standard Webhooks signature (with its timestamp) can stop receiving the
-- legacy X-Webhook-Signature, which signs the body only and so can be replayed; on by default for seed-000 receivers.
alter table webhook_endpoints add column legacy_signature boolean not null default true;
