package io.recruitsuite.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload;
import io.recruitsuite.common.events.EventType;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.tracing.TraceParent;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * The outbox for services that persist through Panache: the event row is written in the current
 * reactive session's transaction (the one {@code @WithTransaction} opened for the change it describes),
 * so the change and its event commit together or not at all. {@link OutboxRelay} publishes it afterwards.
 */
public final class SessionOutbox {

    /**
     * The append, in one statement: the organization's transaction-scoped order lock (the two-key
     * advisory lock of {@link Outbox#ORDER_LOCK_SQL}, the same key space, so both writers of an
     * organization wait for each other) is taken in the {@code from} clause, before the row takes its
     * outbox id, so one organization's ids follow its commit order. It is a statement run with
     * {@code executeUpdate}: Hibernate Reactive stores a new query plan on every call of a native
     * <em>select</em> (the lock used to be one, and each append added a plan to the cache), while a
     * native update's plan is reused ({@code SessionOutboxPlanCacheTest}).
     */
    static final String INSERT = "insert into outbox (event_id, topic, record_key, event_type, payload, trace_parent) "
            + "select cast(:eventId as uuid), cast(:topic as text), cast(:recordKey as text), cast(:eventType as text), "
            + "cast(:payload as text), cast(:traceParent as text) "
            + "from pg_advisory_xact_lock(hashtext('recruit.outbox'), hashtext(cast(:recordKey as text)))";

    private final ObjectMapper mapper;

    public SessionOutbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Appends an event of {@code type} about {@code organizationId} to the current transaction. */
    public <T extends EventPayload> Uni<Void> append(EventType<T> type, String organizationId, T payload) {
        EventEnvelope event = Events.envelope(mapper, type, organizationId, payload);
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event is not serialisable", e));
        }
        String traceParent = TraceParent.current();
        // one organization's events take outbox ids in the order their transactions commit (see INSERT)
        return Panache.getSession().chain(s -> s.createNativeQuery(INSERT)
                        .setParameter("eventId", UUID.fromString(event.id()))
                        .setParameter("topic", type.topic())
                        .setParameter("recordKey", organizationId)
                        .setParameter("eventType", type.name())
                        .setParameter("payload", json)
                        .setParameter("traceParent", traceParent)
                        .executeUpdate())
                .invoke(OutboxActivity::appended)
                .replaceWithVoid();
    }
}
