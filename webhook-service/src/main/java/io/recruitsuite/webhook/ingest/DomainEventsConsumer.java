package io.recruitsuite.webhook.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.events.EventTypes;
import io.recruitsuite.webhook.history.EventHistory;
import com.fasterxml.jackson.databind.JsonNode;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.EventPayload.MemberRemoved;
import io.recruitsuite.common.events.EventPayload.PlanChanged;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.webhook.access.AccessChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.recruitsuite.common.tracing.TraceParent;
import io.recruitsuite.webhook.delivery.DeliveryRepository;
import io.recruitsuite.webhook.delivery.Dispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.UUID;

/**
 * Turns domain events into queued deliveries before their offset is committed (at least once; the
 * unique (event, endpoint) pair makes replays no-ops). A database outage holds the partition and
 * retries, so no event is skipped. Member and plan events change who may receive ({@link AccessChanges}).
 */
@ApplicationScoped
public class DomainEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DomainEventsConsumer.class);

    @Inject
    DeliveryRepository deliveries;
    @Inject
    ObjectMapper mapper;
    @Inject
    Dispatcher dispatcher;
    @Inject
    AccessChanges access;
    @Inject
    EventHistory history;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("domain-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        String value = record.value();
        Header traceHeader = record.headers().lastHeader(TraceParent.HEADER);
        String traceParent = traceHeader == null ? null : new String(traceHeader.value(), StandardCharsets.UTF_8);
        EventEnvelope event;
        UUID id;
        String payload;
        String withoutContact;
        try {
            event = Events.parse(mapper, value);
            id = UUID.fromString(event.id());
            Uni<Void> accessChange = accessChange(event);
            if (accessChange != null) {
                return retried(id, accessChange);
            }
            if (!PublicEvents.isPublic(event.type()) || event.organizationId() == null || event.organizationId().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            payload = PublicEvents.payload(mapper, event, true);
            withoutContact = PublicEvents.payload(mapper, event, false);
        } catch (IllegalArgumentException e) {
            // a malformed record would block the partition forever if retried; nothing can be delivered from it
            LOG.warnf("skipping a domain event that is not a valid envelope of its type: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        }
        String type = event.type();
        String org = event.organizationId();
        // an erased candidate: the payloads stored about it keep only ids (docs/security.md, the data map)
        String erased = Events.CANDIDATE_DELETED.name().equals(type) ? Events.data(mapper, event, Events.CANDIDATE_DELETED).candidateId() : null;
        // kept for GET /api/v1/events first (idempotent, as the fan-out is): a retry after a failure repeats both harmlessly
        Uni<Void> kept = EventTypes.WEBHOOK_TEST.equals(type) ? Uni.createFrom().voidItem()
                : history.record(id, org, type, occurredAt(event), payload, withoutContact, candidateIdOf(event));
        return retried(id, kept.chain(() -> deliveries.fanOut(id, org, type, payload, withoutContact, EventAccess.readableWith(type), traceParent))
                .invoke(queued -> {
                    if (queued > 0) {
                        dispatcher.wake();
                    }
                })
                .chain(queued -> erased == null ? Uni.createFrom().voidItem() : deliveries.redactCandidate(org, erased)
                        .invoke(n -> LOG.infof("redacted %d stored delivery payload(s) of an erased candidate", n))
                        .chain(() -> history.redactCandidate(org, erased))
                        .invoke(n -> LOG.infof("redacted %d history event(s) of an erased candidate", n)).replaceWithVoid())
                .replaceWithVoid());
    }

    /** When the change happened, as its producer stamped it; the time of arrival if the stamp is unreadable. */
    private static OffsetDateTime occurredAt(EventEnvelope event) {
        try {
            return OffsetDateTime.parse(event.timestamp());
        } catch (RuntimeException e) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    private static String candidateIdOf(EventEnvelope event) {
        JsonNode id = event.data() == null ? null : event.data().get("candidateId");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    /**
     * What a member or plan event changes here ({@link AccessChanges}); null for every other type. Throws
     * {@link IllegalArgumentException} when the event's data is not its type's payload.
     */
    private Uni<Void> accessChange(EventEnvelope event) {
        String org = event.organizationId();
        if (org == null || org.isEmpty()) {
            return null;
        }
        if (Events.MEMBER_REMOVED.name().equals(event.type())) {
            MemberRemoved removed = Events.data(mapper, event, Events.MEMBER_REMOVED);
            return Uni.createFrom().deferred(() -> access.memberRemoved(org, removed)).invoke(disabled -> {
                if (disabled > 0) {
                    LOG.infof("disabled %d webhook endpoint(s) of %s: their creator %s was removed", disabled, org, removed.userId());
                }
            }).replaceWithVoid();
        }
        if (Events.PLAN_CHANGED.name().equals(event.type())) {
            PlanChanged changed = Events.data(mapper, event, Events.PLAN_CHANGED);
            return Uni.createFrom().deferred(() -> access.planChanged(org, changed)).invoke(resumed -> {
                if (resumed) {
                    dispatcher.wake();
                }
            }).replaceWithVoid();
        }
        return null;
    }

    /**
     * Retries until the database answers; when shutting down, gives up: the offset stays uncommitted and the next
     * consumer of the partition handles the event again.
     */
    private Uni<Void> retried(UUID id, Uni<Void> work) {
        return work.onFailure().invoke(e -> LOG.warnf("handling event %s failed, retrying: %s", id, e.toString()))
                .onFailure(e -> !stopping).retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely();
    }
}
