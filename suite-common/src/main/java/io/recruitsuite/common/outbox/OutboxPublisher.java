package io.recruitsuite.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.common.events.KafkaClients;
import io.recruitsuite.common.polling.PollCadence;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the {@link OutboxRelay} of a service that writes events (build property {@code outbox.enabled=true}):
 * drains the outbox on a short interval on a worker thread, and purges what was published long ago.
 */
@ApplicationScoped
@IfBuildProperty(name = "outbox.enabled", stringValue = "true")
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    @Inject
    Pool pool;
    @Inject
    MeterRegistry meters;

    @Inject
    KafkaClients kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "outbox.send-timeout", defaultValue = "10s")
    Duration sendTimeout;

    @ConfigProperty(name = "outbox.retention", defaultValue = "P7D")
    Duration retention;

    @ConfigProperty(name = "outbox.advisory-lock-id")
    long advisoryLockId;

    @ConfigProperty(name = "outbox.poll-interval", defaultValue = "100ms")
    Duration pollInterval;

    @ConfigProperty(name = "outbox.idle-poll-interval", defaultValue = "2s")
    Duration idlePollInterval;

    // the Quarkus scheduler does not go below one second; events should leave within a fraction of it
    private ScheduledExecutorService loop;
    private PollCadence cadence;
    /** The relay's next run; replaced, never doubled, under its own lock (runs and wake-ups race for it). */
    private ScheduledFuture<?> next;
    private final Object scheduling = new Object();

    private volatile OutboxRelay relay;
    private volatile boolean failing;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Double> oldestSeconds = new AtomicReference<>(0.0);
    private Counter published;

    void start(@Observes StartupEvent event) {
        // a supplier: the relay takes a new producer after a failed send made it close the previous one
        relay = new OutboxRelay(pool, () -> OutboxProducers.create(kafka, applicationName + "-outbox", sendTimeout), kafka::topic,
                advisoryLockId, batchSize, sendTimeout);
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Events written but not yet acknowledged by Kafka").register(meters);
        Gauge.builder("outbox.oldest.age", oldestSeconds, AtomicReference::get).baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox (0 when none waits)").register(meters);
        published = Counter.builder("outbox.published").description("Events published to Kafka").register(meters);
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        cadence = new PollCadence(pollInterval, idlePollInterval);
        synchronized (scheduling) {
            next = loop.schedule(this::run, cadence.busyNanos(), TimeUnit.NANOSECONDS);
        }
        OutboxActivity.listen(this::wakeUp);
    }

    /** One run, then the next one after the delay the cadence gives. */
    private void run() {
        int count = 0;
        try {
            count = publish();
        } finally {
            long delay = cadence.nextDelay(count > 0, failing, OutboxActivity.everAppended(), OutboxActivity.lastAppend(), System.nanoTime());
            synchronized (scheduling) {
                if (!loop.isShutdown()) {
                    next = loop.schedule(this::run, delay, TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    /** An event was appended: an idle relay's next run comes forward to the busy interval (a running one reschedules itself). */
    private void wakeUp() {
        synchronized (scheduling) {
            if (next != null && !loop.isShutdown() && cadence.wakeEarlier(next.getDelay(TimeUnit.NANOSECONDS)) && next.cancel(false)) {
                next = loop.schedule(this::run, cadence.busyNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        OutboxActivity.stopListening();
        if (loop != null) {
            synchronized (scheduling) {
                // cancelled first: after shutdown the executor still carries out a delayed run, which stop would wait for
                if (next != null) {
                    next.cancel(false);
                }
                loop.shutdown();
            }
            try {
                loop.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (relay != null) {
            relay.close(Duration.ofSeconds(2));
        }
    }

    /** Publishes what waits, batch after batch; returns how many events were published. */
    int publish() {
        if (relay == null) {
            return 0;
        }
        int total = 0;
        try {
            int published;
            do {
                published = relay.publishBatch();
                this.published.increment(published);
                total += published;
            } while (published == batchSize);
            if (failing) {
                LOG.info("outbox: publishing again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("outbox: cannot publish now, events stay in the outbox until Kafka is back (%s)", e.getMessage());
                failing = true;
            }
        }
        return total;
    }

    /** Refreshes the lag gauges; a count over the unpublished rows (a partial index keeps it cheap). */
    @Scheduled(every = "${outbox.lag-refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshLag() {
        if (relay == null) {
            return Uni.createFrom().voidItem();
        }
        return relay.lag().invoke(lag -> {
            pending.set(lag.pending());
            oldestSeconds.set(lag.oldestSeconds());
        }).replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.debugf("outbox: cannot read the lag now (%s)", e.getMessage());
            return null;
        });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            relay.purgePublished(retention).await().atMost(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            LOG.warnf("outbox: purge failed (%s)", e.getMessage());
        }
    }

    public OutboxRelay relay() {
        return relay;
    }
}
