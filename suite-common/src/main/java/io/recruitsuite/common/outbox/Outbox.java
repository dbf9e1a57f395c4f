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

    /**
     * The relay publishes by outbox id, and ids are taken when rows are inserted, not when transactions
     * commit: two concurrent transactions of one organization could commit in the other order and be
     * published out of it. So every append first takes a transaction-scoped advisory lock for its
     * organization (two-key form: its key space never meets the relay's one-key lock): a second
     * transaction of the same organization waits at its append until the first has committed, and one
     * organization's ids follow its commit order. Organizations never wait for each other (up to hash
     * collisions, which only serialise).
     */
    static final String ORDER_LOCK_SQL = "select 1 from pg_advisory_xact_lock(hashtext('recruit.outbox'), hashtext($1))";

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
        // one organization's events take outbox ids in the order their transactions commit (see ORDER_LOCK_SQL)
        return tx.preparedQuery(ORDER_LOCK_SQL).execute(Tuple.of(event.organizationId())).chain(locked -> tx.preparedQuery(
                        "insert into outbox (event_id, topic, record_key, event_type, payload, trace_parent) "
                        + "values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {UUID.fromString(event.id()), topic, event.organizationId(), event.type(), payload,
                        TraceParent.current()})))
                .invoke(OutboxActivity::appended)
                .replaceWithVoid();
    }
}
