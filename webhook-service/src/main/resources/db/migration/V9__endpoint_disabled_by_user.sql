-- an endpoint can be switched off by the organization (the console, POST /api/v1/webhooks/{id}/disable)
alter table webhook_endpoints drop constraint if exists webhook_endpoints_status_reason_check;
alter table webhook_endpoints add constraint webhook_endpoints_status_reason_check
    check (status_reason is null or status_reason in ('failing', 'gone', 'creator_removed', 'disabled_by_user'));
