package io.recruitsuite.search.indexing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Reads {@code recruit.candidate-events}. A malformed record is logged and skipped; a failure to
 * apply a good one (database down) is retried with back-off, holding the partition, so no event
 * is lost and the order per organization holds.
 */
@ApplicationScoped
public class CandidateEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CandidateEventsConsumer.class);

    @Inject
    Indexer indexer;
    @Inject
    ObjectMapper mapper;

    @Incoming("candidate-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        JsonNode event;
        Indexer.Source source = new Indexer.Source(record.partition(), record.offset());
        try {
            event = mapper.readTree(record.value());
            java.util.UUID.fromString(event.path("id").asText());
        } catch (Exception e) {
            LOG.warn("skipping a candidate event that is not a valid envelope");
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> indexer.apply(event, source))
                .onFailure(CandidateEventsConsumer::isTransient).invoke(e -> LOG.warnf("indexing %s %s failed, retrying: %s",
                        event.path("type").asText(), event.path("id").asText(), e.toString()))
                .onFailure(CandidateEventsConsumer::isTransient).retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("skipping event %s that cannot be applied: %s", event.path("id").asText(), e.toString());
                    return null;
                });
    }

    /** Bad data will never apply; anything else (database or network trouble) may on a later try. */
    public static boolean isTransient(Throwable e) {
        return !(e instanceof IllegalArgumentException || e instanceof java.time.DateTimeException
                || e instanceof NullPointerException || e instanceof ClassCastException);
    }
}
