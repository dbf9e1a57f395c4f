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

    private volatile Producer<String, String> producer;
    private volatile OutboxRelay relay;
    private volatile boolean failing;

    void start(@Observes StartupEvent event) {
        producer = OutboxProducers.create(bootstrapServers, applicationName + "-outbox", sendTimeout);
        relay = new OutboxRelay(pool, producer, advisoryLockId, batchSize, sendTimeout);
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    @Scheduled(every = "${outbox.poll-interval:100ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
