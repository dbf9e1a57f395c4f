package io.recruitsuite.search.reindex;

import io.recruitsuite.common.events.EventEnvelope;
import io.recruitsuite.common.events.Events;
import io.recruitsuite.common.events.KafkaClients;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recruitsuite.search.SearchConfig;
import io.recruitsuite.search.indexing.CandidateEventsConsumer;
import io.recruitsuite.search.indexing.IndexRepository;
import io.recruitsuite.search.indexing.Indexer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rebuilds one organization's index from the candidate-events topic: an ephemeral consumer (no
 * group, nothing committed, the live consumer's group untouched) reads every partition from the
 * earliest offset and re-applies that organization's events in order through {@link Indexer#replay}.
 * <p>
 * It finishes only once it has applied everything the live consumer has applied for the
 * organization: under the organization's exclusive lock (live writes hold it shared) it compares
 * its position with the live consumer's; if the live consumer is ahead it keeps reading. In that
 * same transaction it removes the organization's documents that neither the replay nor a newer
 * live event wrote (documents whose events no longer exist), and marks the run completed.
 * Blocking by design: it runs on its own thread, never on the event loop.
 */
@ApplicationScoped
public class TopicReplay {

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);
    private static final int PROGRESS_EVERY = 100;

    @Inject
    Indexer indexer;
    @Inject
    IndexRepository index;
    @Inject
    ReindexRepository runs;
    @Inject
    ObjectMapper mapper;
    @Inject
    SearchConfig config;
    @Inject
    KafkaClients kafka;
    @ConfigProperty(name = "mp.messaging.incoming.candidate-events.topic")
    String topic;

    public record Result(long read, long applied, int swept) {
    }

    public Result rebuild(UUID run, String organizationId, OffsetDateTime since) {
        SearchConfig.Reindex settings = config.reindex();
        Duration wait = settings.timeout();
        long deadline = System.nanoTime() + wait.toNanos();
        long read = 0;
        long applied = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.properties(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                ConsumerConfig.CLIENT_ID_CONFIG, "search-reindex-" + run)),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replay did not reach the end of " + topic + " within " + wait);
                }
                ConsumerRecords<String, String> records = consumer.poll(settings.pollTimeout());
                for (ConsumerRecord<String, String> record : records) {
                    if (!organizationId.equals(record.key())) {
                        continue;
                    }
                    read++;
                    if (replay(organizationId, record)) {
                        applied++;
                    }
                    if (read % PROGRESS_EVERY == 0) {
                        runs.progress(run, read, applied).await().atMost(wait);
                    }
                }
                if (!caughtUp(consumer, partitions)) {
                    continue;
                }
                Map<Integer, Long> next = new HashMap<>();
                partitions.forEach(p -> next.put(p.partition(), consumer.position(p)));
                Integer swept = finish(run, organizationId, since, next, read, applied).await().atMost(wait);
                if (swept != null) {
                    return new Result(read, applied, swept);
                }
            }
        }
    }

    /** Applies one record; false when it is not a valid envelope of the organization or cannot be applied. */
    private boolean replay(String organizationId, ConsumerRecord<String, String> record) {
        EventEnvelope event;
        try {
            event = Events.parse(mapper, record.value());
            UUID.fromString(event.id());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!organizationId.equals(event.organizationId())) {
            return false;
        }
        return Uni.createFrom().deferred(() -> indexer.replay(event))
                .onFailure(CandidateEventsConsumer::isTransient).retry().withBackOff(config.indexingRetry().initial(), config.indexingRetry().max())
                .expireIn(config.reindex().timeout().toMillis())
                .map(v -> true)
                .onFailure(e -> !CandidateEventsConsumer.isTransient(e)).recoverWithItem(e -> {
                    LOG.errorf("reindex skips event %s that cannot be applied: %s", event.id(), e.toString());
                    return false;
                })
                .await().atMost(config.reindex().timeout());
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    /**
     * Completes the run if the replay has passed every offset the live consumer applied for the
     * organization; null (keep reading) otherwise.
     */
    private Uni<Integer> finish(UUID run, String organizationId, OffsetDateTime since, Map<Integer, Long> next, long read, long applied) {
        return runs.pool().withTransaction(tx -> index.lockOrganizationExclusive(tx, organizationId)
                .chain(() -> runs.livePositions(tx, organizationId))
                .chain(live -> {
                    boolean behind = live.entrySet().stream()
                            .anyMatch(e -> next.getOrDefault(e.getKey(), Long.MAX_VALUE) <= e.getValue());
                    if (behind) {
                        return Uni.createFrom().nullItem();
                    }
                    return runs.sweep(tx, organizationId, since)
                            .call(swept -> runs.complete(tx, run, read, applied, swept));
                }));
    }
}
