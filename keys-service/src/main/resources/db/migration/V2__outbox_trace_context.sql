-- the trace context of the change, sent as the Kafka record's traceparent header
alter table outbox add column trace_parent text;
