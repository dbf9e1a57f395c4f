package io.recruitsuite.webhook.signing;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.webhook.WebhooksConfig;
import io.recruitsuite.webhook.endpoints.Endpoint;
import io.recruitsuite.webhook.endpoints.EndpointRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Key rotation for secrets at rest, online: after a new active key is configured (the old one kept as a
 * retired key), stored secrets still sealed under another key are opened and sealed again under the
 * active one, a batch per transaction, until none is left; then the retired key can be removed.
 */
@ApplicationScoped
public class SecretResealer {

    private static final Logger LOG = Logger.getLogger(SecretResealer.class);

    @Inject
    EndpointRepository endpoints;
    @Inject
    SecretBox secrets;
    @Inject
    WebhooksConfig config;

    /** One batch: how many endpoints were sealed again, how many could not be opened, and the last id read (null at the end). */
    public record Progress(int resealed, int unreadable, String lastId) {
    }

    @Scheduled(every = "${webhooks.reseal.every}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resealAll() {
        return resealFrom("")
                .onFailure().invoke(e -> LOG.warnf("sealing secrets again under the active key failed, next run retries: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> resealFrom(String afterId) {
        return resealBatch(afterId).chain(p -> p.lastId() == null ? Uni.createFrom().voidItem() : resealFrom(p.lastId()));
    }

    /**
     * Seals again, under the active key, the next batch of endpoints after {@code afterId} whose secrets another
     * key sealed. A secret no configured key opens is left as it is (and counted): it cannot block the others.
     */
    @WithTransaction
    public Uni<Progress> resealBatch(String afterId) {
        int size = config.reseal().batch();
        return endpoints.lockSealedUnderAnotherKey(secrets.activeKeyId(), afterId, size).map(batch -> {
            int resealed = 0;
            int unreadable = 0;
            for (Endpoint e : batch) {
                try {
                    byte[] secret = secrets.seal(secrets.open(e.id, e.secret));
                    byte[] previous = e.previousSecret == null ? null : secrets.seal(secrets.open(e.id, e.previousSecret));
                    e.secret = secret;
                    e.previousSecret = previous;
                    e.secretKeyId = secrets.activeKeyId();
                    resealed++;
                } catch (IllegalStateException notOpened) {
                    unreadable++;
                }
            }
            if (resealed > 0 || unreadable > 0) {
                LOG.infof("sealed the secrets of %d endpoints again under key %s; %d could not be opened with any configured key",
                        resealed, secrets.activeKeyId(), unreadable);
            }
            return new Progress(resealed, unreadable, batch.size() < size ? null : batch.get(batch.size() - 1).id);
        });
    }
}
