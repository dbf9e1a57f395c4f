package io.recruitsuite.gateway.ratelimit;

import io.recruitsuite.gateway.auth.KeysClient;
import io.recruitsuite.gateway.usage.UsageRecorder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a monthly quota counter starts when Redis has lost it (restart, flush, eviction): the
 * keys-service's count of what the gateways reported, plus what this replica admitted and has not
 * reported yet. Concurrent requests of one organization share one lookup. While the keys-service does
 * not answer, the bucket starts provisionally (over-admission then bounded by the per-minute limits).
 */
@ApplicationScoped
public class QuotaSeeds {

    private static final Logger LOG = Logger.getLogger(QuotaSeeds.class);

    @Inject
    KeysClient keys;
    @Inject
    UsageRecorder usage;
    @Inject
    RateLimitConfig config;

    private final Map<String, Uni<Long>> lookups = new ConcurrentHashMap<>();

    /**
     * The count to start the bucket at, as the rate-limit script takes it: {@code "N"}; or, while the
     * keys-service cannot say, {@code "N@ms"}: this replica's unreported requests, kept only for
     * {@code quota-unconfirmed-for} and then restored again.
     */
    public Uni<String> monthly(String organizationId, YearMonth month) {
        String id = organizationId + "|" + month;
        return lookups.computeIfAbsent(id, ignored -> keys.monthlyUsage(organizationId, month)
                        .onTermination().invoke(() -> lookups.remove(id))
                        .memoize().indefinitely())
                .map(reported -> Long.toString(reported + usage.pending(organizationId)))
                .onFailure().invoke(e -> LOG.debugf("monthly usage of %s unavailable, counting provisionally: %s", organizationId, e.toString()))
                .onFailure().recoverWithItem(() -> usage.pending(organizationId) + "@" + config.quotaUnconfirmedFor().toMillis());
    }
}
