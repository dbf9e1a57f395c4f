package io.recruitsuite.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload;
import io.recruitsuite.common.events.EventType;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

/**
 * The writing half of the transactional outbox: a domain event is inserted with the same SQL
 * client (the same transaction) as the change it describes, so both commit or neither does.
 * {@link OutboxRelay} publishes it to Kafka afterwards. The table is defined once, in suite-common's
 * {@code db/outbox} Flyway location.
 */
public final class Outbox {

    private final ObjectMapper mapper;

    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Appends an event of {@code type} about {@code organizationId} within the caller's transaction. */
    public <T extends EventPayload> Uni<Void> append(SqlClient tx, EventType<T> type, String organizationId, T payload) {
        return append(tx, type.topic(), Events.envelope(mapper, type, organizationId, payload));
    }

    /**
     * Appends {@code event} to the outbox within the caller's transaction, keyed by its organization.
     * The current trace context goes with it, so the relay can put it in the record's headers and the
     * trace of the request continues in every consumer.
     */
    private Uni<Void> append(SqlClient tx, String topic, EventEnvelope event) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event is not serialisable", e));
        }
        return tx.preparedQuery("insert into outbox (event_id, topic, record_key, event_type, payload, trace_parent) "
                        + "values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {UUID.fromString(event.id()), topic, event.organizationId(), event.type(), payload,
                        TraceParent.current()}))
                .replaceWithVoid();
    }
}
