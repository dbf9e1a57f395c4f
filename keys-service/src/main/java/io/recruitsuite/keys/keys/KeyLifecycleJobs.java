package io.recruitsuite.keys.keys;

import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.keys.events.KeyEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Announces keys that expired and keys unused for the inactivity period, once each. */
@ApplicationScoped
public class KeyLifecycleJobs {

    private static final Logger LOG = Logger.getLogger(KeyLifecycleJobs.class);

    @Inject
    ApiKeyRepository keys;
    @Inject
    KeyEvents events;
    @Inject
    KeysConfig config;

    @Scheduled(every = "${keys.lifecycle-check:1m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announce() {
        return announceExpired().chain(this::announceInactive)
                .onFailure().invoke(e -> LOG.warnf("key lifecycle check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @WithTransaction
    public Uni<Void> announceExpired() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return keys.lockNewlyExpired(now).chain(expired -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ApiKey key : expired) {
                key.expiryNotifiedAt = now;
                chain = chain.chain(() -> events.keyExpired(key));
            }
            return chain;
        });
    }

    @WithTransaction
    public Uni<Void> announceInactive() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return keys.lockNewlyInactive(now, now.minus(config.inactivityAfter())).chain(inactive -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ApiKey key : inactive) {
                key.inactivityNotifiedAt = now;
                chain = chain.chain(() -> events.keyInactive(key));
            }
            return chain;
        });
    }
}
