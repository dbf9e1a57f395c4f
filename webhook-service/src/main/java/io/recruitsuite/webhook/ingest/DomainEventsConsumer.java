package io.recruitsuite.webhook.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.common.events.EventAccess;
import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.Events;
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
import java.time.Duration;
import java.util.UUID;

/**
 * Turns domain events into queued deliveries before their offset is committed (at least once; the
 * unique (event, endpoint) pair makes replays no-ops). A database outage holds the partition and
 * retries, so no event is skipped.
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
        return deliveries.fanOut(id, org, type, payload, withoutContact, EventAccess.readableWith(type), traceParent)
                .onFailure().invoke(e -> LOG.warnf("queueing deliveries of %s failed, retrying: %s", id, e.toString()))
                // retry until the database answers; when shutting down, give up: the offset stays
                // uncommitted and the next consumer of the partition queues the event again
                .onFailure(e -> !stopping).retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .invoke(queued -> {
                    if (queued > 0) {
                        dispatcher.wake();
                    }
                })
                .replaceWithVoid();
    }
}
