package io.recruitsuite.common.outbox;

import io.recruitsuite.common.events.Topics;
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
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The publishing half of the transactional outbox. One batch at a time, in id order, inside a
 * transaction that holds an advisory lock, so only one replica publishes and the events of an
 * organization reach Kafka in the order they were written. A row is marked published only after
 * Kafka acknowledged it; if the broker is down the transaction rolls back and the same rows are
 * tried again on the next run: nothing is lost, and the idempotent producer keeps retries from
 * writing a record twice.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final Producer<String, String> producer;
    private final long advisoryLockId;
    private final int batchSize;
    private final Duration sendTimeout;

    public OutboxRelay(Pool pool, Producer<String, String> producer, long advisoryLockId, int batchSize, Duration sendTimeout) {
        this.pool = pool;
        this.producer = producer;
        this.advisoryLockId = advisoryLockId;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
    }

    private record Pending(long id, String eventId, String topic, String key, String type, String payload) {
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
        return conn.preparedQuery("select id, event_id::text, topic, record_key, event_type, payload from outbox "
                        + "where published_at is null order by id limit $1")
                .execute(Tuple.of(batchSize))
                .map(rows -> {
                    List<Pending> pending = new ArrayList<>();
                    for (Row r : rows) {
                        pending.add(new Pending(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                    }
                    return pending;
                })
                .chain(pending -> pending.isEmpty()
                        ? Uni.createFrom().item(0)
                        : send(pending).chain(() -> markPublished(conn, pending)));
    }

    private Uni<Void> send(List<Pending> pending) {
        return Uni.createFrom().item(() -> {
            List<Future<?>> acks = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                ProducerRecord<String, String> record = new ProducerRecord<>(p.topic(), p.key(), p.payload());
                record.headers().add(new RecordHeader(Topics.HEADER_EVENT_TYPE, p.type().getBytes(StandardCharsets.UTF_8)));
                record.headers().add(new RecordHeader(Topics.HEADER_EVENT_ID, p.eventId().getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            producer.flush();
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (Future<?> ack : acks) {
                try {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    LOG.warnf("outbox: Kafka did not acknowledge a batch of %d events; will retry: %s", pending.size(), e.toString());
                    throw new IllegalStateException("Kafka did not acknowledge the batch", e);
                }
            }
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<Integer> markPublished(SqlConnection conn, List<Pending> pending) {
        Long[] ids = pending.stream().map(Pending::id).toArray(Long[]::new);
        return conn.preparedQuery("update outbox set published_at = now() where id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> pending.size());
    }
}
