package io.recruitsuite.keys;

import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.outbox.OutboxRelay;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.PoolOptions;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox relay's order when a send fails in the middle of a batch, with the fault injected at the
 * producer boundary. The producer here behaves as Kafka's does when a record's delivery times out while
 * the broker is away and the broker is back before the records queued behind it expire: the failed
 * record's callback runs first, and the records handed over after it are still delivered unless the
 * producer is closed before it sends them. Each organization's events must reach the log in outbox
 * order, each once. The relay runs against an outbox table in a schema of this test's own.
 */
class OutboxRelayOrderTest {

    private static final String TOPIC = Topics.CANDIDATE_EVENTS;

    private Vertx vertx;
    private Pool pool;
    private String schema;

    @BeforeEach
    void ownOutbox() throws IOException {
        schema = "relay_order_" + UUID.randomUUID().toString().replace("-", "");
        vertx = Vertx.vertx();
        PgConnectOptions options = new PgConnectOptions().setHost("127.0.0.1").setPort(5432).setDatabase("recruit_keys_test")
                .setUser("recruit").setPassword("recruit").addProperty("search_path", schema);
        pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(3)).connectingTo(options).using(vertx).build());
        String ddl;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/outbox/R__outbox.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        pool.query("create schema " + schema).execute().await().atMost(Duration.ofSeconds(30));
        pool.query(ddl).execute().await().atMost(Duration.ofSeconds(30));
    }

    @AfterEach
    void dropOutbox() {
        try {
            pool.query("drop schema " + schema + " cascade").execute().await().atMost(Duration.ofSeconds(30));
        } finally {
            pool.close().await().atMost(Duration.ofSeconds(10));
            vertx.close();
        }
    }

    @Test
    void aFailedSendInTheMiddleOfABatchKeepsEachOrganizationsOrderAndLosesNothing() {
        List<String> orgs = List.of("org_relay_a", "org_relay_b");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String org = orgs.get(i % 2);
            String eventId = UUID.randomUUID().toString();
            pool.preparedQuery("insert into outbox (event_id, topic, record_key, event_type, payload) values ($1, $2, $3, 'job.created', $4)")
                    .execute(Tuple.of(UUID.fromString(eventId), TOPIC, org, eventId)).await().atMost(Duration.ofSeconds(10));
            written.add(eventId);
        }
        // the fifth event (organization A's third) times out once; everything after it was already handed over
        Broker broker = new Broker(Set.of(written.get(4)));
        OutboxRelay relay = new OutboxRelay(pool, () -> new FlakyProducer(broker), logical -> "own." + logical,
                ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 200, Duration.ofSeconds(5));

        for (int run = 0; run < 5 && unpublished() > 0; run++) {
            try {
                relay.publishBatch();
            } catch (RuntimeException e) {
                // a run that had nothing acknowledged fails; the next one sends again
            }
        }
        relay.close(Duration.ofSeconds(1));

        assertEquals(0, unpublished(), "every event is published in the end");
        for (String org : orgs) {
            List<String> expected = new ArrayList<>();
            for (int i = orgs.indexOf(org); i < written.size(); i += 2) {
                expected.add(written.get(i));
            }
            List<String> firstCopies = new ArrayList<>(new java.util.LinkedHashSet<>(broker.log(org)));
            assertEquals(expected, firstCopies, "organization " + org + "'s events, first copies in the log, in outbox order");
            assertEquals(expected.size(), broker.log(org).size(), "no event of " + org + " is written twice");
        }
    }

    private long unpublished() {
        return pool.query("select count(*) from outbox where published_at is null").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** The partition log the producers write to (one partition per organization), and which sends fail once. */
    static final class Broker {

        private final Set<String> failOnce;
        private final List<ProducerRecord<String, String>> log = Collections.synchronizedList(new ArrayList<>());

        Broker(Set<String> failOnce) {
            this.failOnce = Collections.synchronizedSet(new HashSet<>(failOnce));
        }

        List<String> log(String key) {
            synchronized (log) {
                return log.stream().filter(r -> r.key().equals(key)).map(ProducerRecord::value).toList();
            }
        }
    }

    /**
     * A producer that sends what it was handed when it is flushed, in order, running each callback on
     * completion as Kafka's sender thread does. A record the broker fails is reported failed, and the
     * records behind it are still written unless the producer was closed by then, in which case they are
     * aborted, as Kafka's forced close aborts every batch it has not sent.
     */
    static final class FlakyProducer extends MockProducer<String, String> {

        private record Handed(ProducerRecord<String, String> record, Callback callback, CompletableFuture<RecordMetadata> ack) {
        }

        private final Broker broker;
        private final Deque<Handed> queue = new ArrayDeque<>();
        private volatile boolean closed;

        FlakyProducer(Broker broker) {
            super(false, null, new StringSerializer(), new StringSerializer());
            this.broker = broker;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (closed) {
                throw new IllegalStateException("Cannot perform operation after producer has been closed");
            }
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            queue.add(new Handed(record, callback, ack));
            return ack;
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return List.of(new PartitionInfo(topic, 0, null, null, null));
        }

        @Override
        public void flush() {
            Handed next;
            while ((next = poll()) != null) {
                Exception failure = null;
                if (closed) {
                    failure = new IllegalStateException("Producer is closed forcefully.");
                } else if (broker.failOnce.remove(next.record().value())) {
                    failure = new TimeoutException("Expiring 1 record(s): delivery timeout passed");
                }
                if (failure == null) {
                    broker.log.add(next.record());
                    RecordMetadata metadata = new RecordMetadata(new TopicPartition(next.record().topic(), 0), broker.log.size(), 0, 0L, 0, 0);
                    next.callback().onCompletion(metadata, null);
                    next.ack().complete(metadata);
                } else {
                    next.callback().onCompletion(null, failure);
                    next.ack().completeExceptionally(failure);
                }
            }
        }

        private synchronized Handed poll() {
            return queue.poll();
        }

        @Override
        public void close(Duration timeout) {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
