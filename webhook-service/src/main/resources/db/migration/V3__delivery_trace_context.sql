-- the trace context of the event, so each attempt continues the trace of the change that caused it
alter table webhook_deliveries add column trace_parent text;
