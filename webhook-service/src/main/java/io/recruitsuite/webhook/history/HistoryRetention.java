package io.recruitsuite.webhook.history;

import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.webhook.WebhooksConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Deletes events older than the retention, a batch per statement, until none is left. */
@ApplicationScoped
public class HistoryRetention {

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);

    @Inject
    EventHistory history;
    @Inject
    WebhooksConfig config;

    @Scheduled(every = "${webhooks.history.purge-every}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minus(config.history().retention()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("deleted %d event(s) past the history's retention", n);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("trimming the event history failed, the next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes every event before {@code cutoff}; how many. */
    public Uni<Integer> purgeOlderThan(OffsetDateTime cutoff) {
        int batch = config.history().purgeBatch();
        return history.deleteOlderThan(cutoff, batch)
                .chain(n -> n < batch ? Uni.createFrom().item(n) : purgeOlderThan(cutoff).map(more -> n + more));
    }
}
