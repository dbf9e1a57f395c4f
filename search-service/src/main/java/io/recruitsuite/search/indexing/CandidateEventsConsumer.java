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
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Events read and not yet applied (or skipped). */
    private final AtomicInteger unapplied = new AtomicInteger();
    private final Queue<CompletableFuture<Void>> waitingForRoom = new ConcurrentLinkedQueue<>();

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
        unapplied.addAndGet(steps.size());
        CompletableFuture<Void> mine = applied.thenCompose(ignored -> Multi.createFrom().iterable(groups(steps))
                .onItem().transformToUniAndConcatenate(group -> applyGroup(group).invoke(() -> released(group.size())))
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
        // the next poll is read while fewer than search.events-ahead events wait to be applied: the model always has the
        // next CVs queued (a small poll no longer leaves it idle until the next one is read and fetched), memory stays bounded
        return Uni.createFrom().completionStage(room());
    }

    /** Done once fewer than {@code search.events-ahead} events read are not yet applied. */
    private CompletableFuture<Void> room() {
        if (unapplied.get() < config.eventsAhead()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> room = new CompletableFuture<>();
        waitingForRoom.add(room);
        // an application may have finished between the check and the wait
        released(0);
        return room;
    }

    private void released(int events) {
        if (unapplied.addAndGet(-events) < config.eventsAhead()) {
            CompletableFuture<Void> waiting;
            while ((waiting = waitingForRoom.poll()) != null) {
                waiting.complete(null);
            }
        }
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

    /** Consecutive events of the poll, at most {@code search.events-per-transaction} to a group. */
    private List<List<Step>> groups(List<Step> steps) {
        List<List<Step>> groups = new ArrayList<>();
        for (int i = 0; i < steps.size(); i += config.eventsPerTransaction()) {
            groups.add(steps.subList(i, Math.min(steps.size(), i + config.eventsPerTransaction())));
        }
        return groups;
    }

    /**
     * A group's events in one transaction, retried while the failure may pass; when it cannot apply as a whole (bad data in
     * one event), its events are applied one by one, so only the bad one is skipped.
     */
    private Uni<Void> applyGroup(List<Step> group) {
        if (group.size() == 1) {
            return apply(group.get(0));
        }
        return Uni.createFrom().deferred(() -> indexer.applyTogether(group.stream().map(Step::prepared).toList(),
                        group.stream().map(Step::source).toList()))
                .onFailure(CandidateEventsConsumer::isTransient).invoke(e -> LOG.warnf("indexing %d events failed, retrying: %s",
                        group.size(), e.toString()))
                .onFailure(CandidateEventsConsumer::isTransient).retry()
                .withBackOff(config.indexingRetry().initial(), config.indexingRetry().max()).indefinitely()
                .onFailure().recoverWithUni(e -> Multi.createFrom().iterable(group)
                        .onItem().transformToUniAndConcatenate(this::apply)
                        .collect().last()
                        .replaceWithVoid());
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
