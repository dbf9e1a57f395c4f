package io.recruitsuite.common.outbox;

import io.recruitsuite.common.events.Topics;
import io.recruitsuite.common.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The publishing half of the transactional outbox. One batch at a time, in id order, inside a
 * transaction that holds an advisory lock, so only one replica publishes and the events of an
 * organization reach Kafka in the order they were written. A row is marked published only after
 * Kafka acknowledged it; if the broker is down the transaction rolls back and the same rows are
 * tried again on the next run: nothing is lost, and the idempotent producer keeps retries from
 * writing a record twice.
 * <p>
 * After a failed send the relay closes its producer at once ({@code close(Duration.ZERO)}) and takes a
 * new one for the next run. The idempotent producer keeps a partition's order only while its retries
 * succeed: a batch that fails for good (its delivery timeout passed while the broker was away, or the
 * broker refused it) does not stop the batches queued behind it, and those would reach the broker when
 * it comes back, ahead of the failed record the next run sends again. Closing the producer forcibly
 * aborts every record it has not sent yet, so nothing of the batch lands after its first failure; the
 * producer keeps one request in flight ({@link OutboxProducers}), so no later request is already on its
 * way when an earlier one fails.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final Supplier<Producer<String, String>> producers;
    /** The current producer; null after a failed send closed it, until the next run takes a new one. */
    private volatile Producer<String, String> producer;
    private final UnaryOperator<String> physicalTopic;
    private final long advisoryLockId;
    private final int batchSize;
    private final Duration sendTimeout;

    /**
     * {@code producers} makes the relay's producer (again after a failed send closed the previous one);
     * {@code physicalTopic} maps the logical topic stored with each event to the deployment's topic name.
     */
    public OutboxRelay(Pool pool, Supplier<Producer<String, String>> producers, UnaryOperator<String> physicalTopic, long advisoryLockId,
            int batchSize, Duration sendTimeout) {
        this.pool = pool;
        this.producers = producers;
        this.physicalTopic = physicalTopic;
        this.advisoryLockId = advisoryLockId;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    private record Pending(long id, String eventId, String topic, String key, String type, String payload, String traceParent) {
    }

    /**
     * Publishes up to one batch. Blocks the calling thread while Kafka acknowledges, so call it from a
     * worker thread (the services' scheduled publishers do). Returns how many events were published.
     */
    public int publishBatch() {
        return pool.withTransaction(conn -> tryLock(conn)
                        .chain(locked -> locked ? publishLocked(conn) : Uni.createFrom().item(0)))
                .await().atMost(sendTimeout.plusSeconds(10));
    }

    /** Closes the relay's producer, waiting up to {@code timeout} for what it still sends. */
    public void close(Duration timeout) {
        Producer<String, String> current = producer;
        producer = null;
        if (current != null) {
            current.close(timeout);
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            current = producers.get();
            producer = current;
        }
        return current;
    }

    /**
     * Stops {@code failing} from sending anything more: every record it holds and has not sent is
     * aborted (its future fails), so none is written after the record that failed. Safe from a send
     * callback (the producer's own thread), where a close may not wait.
     */
    private void abandon(Producer<String, String> failing) {
        if (producer == failing) {
            producer = null;
        }
        try {
            failing.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debugf("outbox: closing the failed producer: %s", e.getMessage());
        }
    }

    /** How many events wait to be published and how old the oldest is, for metrics and health. */
    public Uni<Lag> lag() {
        return pool.query("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox where published_at is null")
                .execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Lag(r.getLong(0), r.getDouble(1));
                });
    }

    public record Lag(long pending, double oldestSeconds) {
    }

    /** Deletes published rows older than {@code retention}; the outbox is not an event store. */
    public Uni<Integer> purgePublished(Duration retention) {
        return pool.preparedQuery("delete from outbox where published_at is not null and published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .map(rows -> rows.rowCount());
    }

    private Uni<Boolean> tryLock(SqlConnection conn) {
        return conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(advisoryLockId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Uni<Integer> publishLocked(SqlConnection conn) {
        return conn.preparedQuery("select id, event_id::text, topic, record_key, event_type, payload, trace_parent from outbox "
                        + "where published_at is null order by id limit $1")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>();
                    for (Row r : rows) {
                        pending.add(new Pending(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6)));
                    }
                    return pending;
                })
                .chain(pending -> pending.isEmpty()
                        ? Uni.createFrom().item(0)
                        : send(pending).chain(acknowledged -> markPublished(conn, pending.subList(0, acknowledged))));
    }

    /**
     * Sends the batch in order and returns how many events, counted from the first, Kafka
     * acknowledged. Only that prefix is marked published; the rest is sent again next time, after
     * it. Nothing is sent past a failed send, and nothing at all while the broker's metadata is
     * unavailable: otherwise records sent after the broker came back would overtake a failed one,
     * and the retry would put the failed one (and its followers, again) behind them. Records handed
     * to the producer before the failure was known are sent asynchronously, so the first failure also
     * closes the producer at once (see the class comment), aborting those it has not sent.
     */
    private Uni<Integer> send(List<Pending> pending) {
        return Uni.createFrom().item(() -> {
            Producer<String, String> producer = producer();
            try {
                pending.stream().map(Pending::topic).distinct().map(physicalTopic).forEach(producer::partitionsFor);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Kafka is unavailable: " + e.getMessage(), e);
            }
            AtomicReference<Exception> failed = new AtomicReference<>();
            List<Future<?>> acks = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                if (failed.get() != null) {
                    break;
                }
                ProducerRecord<String, String> record = new ProducerRecord<>(physicalTopic.apply(p.topic()), p.key(), p.payload());
                record.headers().add(new RecordHeader(Topics.HEADER_EVENT_TYPE, p.type().getBytes(StandardCharsets.UTF_8)));
                record.headers().add(new RecordHeader(Topics.HEADER_EVENT_ID, p.eventId().getBytes(StandardCharsets.UTF_8)));
                if (p.traceParent() != null) {
                    record.headers().add(new RecordHeader(TraceParent.HEADER, p.traceParent().getBytes(StandardCharsets.UTF_8)));
                }
                try {
                    acks.add(producer.send(record, (metadata, e) -> {
                        if (e != null && failed.compareAndSet(null, e)) {
                            abandon(producer);
                        }
                    }));
                } catch (RuntimeException e) {
                    if (failed.compareAndSet(null, e)) {
                        abandon(producer);
                    }
                }
            }
            if (failed.get() == null) {
                try {
                    producer.flush();
                } catch (RuntimeException e) {
                    // a failure after the loop closed the producer; its futures say which records were acknowledged
                    LOG.debugf("outbox: flush: %s", e.getMessage());
                }
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            int acknowledged = 0;
            for (Future<?> ack : acks) {
                try {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged++;
                } catch (Exception e) {
                    failed.compareAndSet(null, e);
                    break;
                }
            }
            if (acknowledged == 0 && failed.get() != null) {
                throw new IllegalStateException("Kafka did not acknowledge the batch", failed.get());
            }
            if (acknowledged < pending.size()) {
                LOG.warnf("outbox: Kafka acknowledged %d of %d events; the rest follow on the next run (%s)",
                        acknowledged, pending.size(), failed.get());
            }
            return acknowledged;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<Integer> markPublished(SqlConnection conn, List<Pending> pending) {
        Long[] ids = pending.stream().map(Pending::id).toArray(Long[]::new);
        return conn.preparedQuery("update outbox set published_at = now() where id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> pending.size());
    }
}
