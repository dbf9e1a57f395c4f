package io.recruitsuite.search.indexing;

import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.Events;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.search.SearchConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads {@code recruit.candidate-events} a poll at a time. Every upload of the poll is queued for
 * embedding at once (in order, several CVs per call to the model), and the events are applied strictly one after another, so
 * the model works on the next CVs while the database writes the previous one. One poll is read ahead: while a poll's events
 * are applied, the next poll's CVs are already fetched and embedded, so the model never waits for a poll's last writes, the
 * broker's answer and the next fetches (on two cores that idle gap cost about a sixth of the model's throughput).
 * <p>
 * A malformed record is logged and skipped; a failure to apply a good one (database down) is retried with back-off, holding
 * the partition, so no event is lost and the order per organization holds. A poll is acknowledged once all its events are
 * applied, and the offsets committed then cover only polls applied in full; a replay after a crash changes nothing (event ids).
 */
@ApplicationScoped
public class CandidateEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CandidateEventsConsumer.class);

    @Inject
    Indexer indexer;
    @Inject
    ObjectMapper mapper;
    @Inject
    SearchConfig config;

    private record Step(Indexer.Prepared prepared, Indexer.Source source) {
    }

    /** Done when every poll read so far has been applied; each poll's applying starts after the one before it. */
    private CompletableFuture<Void> applied = CompletableFuture.completedFuture(null);

    @Incoming("candidate-events")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> poll) {
        @SuppressWarnings("unchecked")
        ConsumerRecords<String, String> records = poll.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(metadata -> (ConsumerRecords<String, String>) metadata.getRecords())
                // the connector always attaches them; acknowledging a poll whose records were not read would lose them
                .orElseThrow(() -> new IllegalStateException("a poll without the metadata of its records"));
        List<EventEnvelope> events = new ArrayList<>(records.count());
        List<Indexer.Source> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = read(record);
            if (event != null) {
                events.add(event);
                sources.add(new Indexer.Source(record.partition(), record.offset()));
            }
        }
        List<Indexer.Prepared> prepared = indexer.prepareAll(events);
        List<Step> steps = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            steps.add(new Step(prepared.get(i), sources.get(i)));
        }
        CompletableFuture<Void> before = applied;
        CompletableFuture<Void> mine = before.thenCompose(ignored -> Multi.createFrom().iterable(steps)
                .onItem().transformToUniAndConcatenate(this::apply)
                .collect().last()
                .replaceWithVoid()
                .subscribeAsCompletionStage());
        applied = mine;
        mine.whenComplete((done, failure) -> {
            if (failure == null) {
                poll.ack();
            } else {
                poll.nack(failure);
            }
        });
        // the next poll is read once the one before this is applied: at most two polls in memory, one of them being written
        return Uni.createFrom().completionStage(before);
    }

    private EventEnvelope read(ConsumerRecord<String, String> record) {
        try {
            EventEnvelope event = Events.parse(mapper, record.value());
            java.util.UUID.fromString(event.id());
            return event;
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping a candidate event that is not a valid envelope");
            return null;
        }
    }

    private Uni<Void> apply(Step step) {
        EventEnvelope event = step.prepared().event();
        return Uni.createFrom().deferred(() -> indexer.apply(step.prepared(), step.source()))
                .onFailure(CandidateEventsConsumer::isTransient).invoke(e -> LOG.warnf("indexing %s %s failed, retrying: %s",
                        event.type(), event.id(), e.toString()))
                .onFailure(CandidateEventsConsumer::isTransient).retry()
                .withBackOff(config.indexingRetry().initial(), config.indexingRetry().max()).indefinitely()
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("skipping event %s that cannot be applied: %s", event.id(), e.toString());
                    return null;
                });
    }

    /** Bad data will never apply; anything else (database or network trouble) may on a later try. */
    public static boolean isTransient(Throwable e) {
        return !(e instanceof IllegalArgumentException || e instanceof java.time.DateTimeException
                || e instanceof NullPointerException || e instanceof ClassCastException);
    }
}
