package io.recruitsuite.common.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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

    // the Quarkus scheduler does not go below one second; events should leave within a fraction of it
    private ScheduledExecutorService loop;

    private volatile Producer<String, String> producer;
    private volatile OutboxRelay relay;
    private volatile boolean failing;

    void start(@Observes StartupEvent event) {
        producer = OutboxProducers.create(bootstrapServers, applicationName + "-outbox", sendTimeout);
        relay = new OutboxRelay(pool, producer, advisoryLockId, batchSize, sendTimeout);
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::publish, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdown();
            try {
                loop.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    void publish() {
        if (relay == null) {
            return;
        }
        try {
            int published;
            do {
                published = relay.publishBatch();
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
