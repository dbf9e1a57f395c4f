package io.recruitsuite.keys.keys;

import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.keys.events.KeyEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
    Pool pool;
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

    public Uni<Void> announceExpired() {
        return pool.withTransaction(tx -> keys.claimNewlyExpired(tx).chain(expired -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ApiKey key : expired) {
                chain = chain.chain(() -> events.keyExpired(tx, key));
            }
            return chain;
        }));
    }

    public Uni<Void> announceInactive() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.inactivityAfter());
        return pool.withTransaction(tx -> keys.claimNewlyInactive(tx, before).chain(inactive -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ApiKey key : inactive) {
                chain = chain.chain(() -> events.keyInactive(tx, key));
            }
            return chain;
        }));
    }
}
