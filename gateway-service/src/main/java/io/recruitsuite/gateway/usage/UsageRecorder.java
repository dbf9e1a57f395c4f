package io.recruitsuite.gateway.usage;

import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.gateway.auth.KeysClient;
import io.recruitsuite.gateway.auth.Principal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests per key in memory and reports them to the keys-service in batches, so
 * {@code last_used_at} and monthly counts need no database write per request.
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class);
    public static final int MAX_BATCH = 1000;

    @Inject
    KeysClient keys;

    private record Counter(String organizationId, AtomicLong requests, AtomicLong lastUsedMillis) {
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** Requests of a report on its way to the keys-service, per organization: counted nowhere else until it lands. */
    private final Map<String, AtomicLong> reporting = new ConcurrentHashMap<>();

    /** Requests of an organization this replica admitted and the keys-service has not counted yet. */
    public long pending(String organizationId) {
        long sum = 0;
        for (Counter c : counters.values()) {
            if (c.organizationId().equals(organizationId)) {
                sum += c.requests().get();
            }
        }
        AtomicLong inFlight = reporting.get(organizationId);
        return sum + (inFlight == null ? 0 : inFlight.get());
    }

    public void record(Principal principal) {
        if (principal.keyId() == null) {
            return;
        }
        Counter c = counters.computeIfAbsent(principal.keyId(),
                id -> new Counter(principal.organizationId(), new AtomicLong(), new AtomicLong()));
        c.requests().incrementAndGet();
        c.lastUsedMillis().set(System.currentTimeMillis());
    }

    @Scheduled(every = "${gateway.usage.flush-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray entries = new JsonArray();
        for (var it = counters.entrySet().iterator(); it.hasNext() && entries.size() < MAX_BATCH; ) {
            var e = it.next();
            it.remove();
            long n = e.getValue().requests().get();
            reporting.computeIfAbsent(e.getValue().organizationId(), org -> new AtomicLong()).addAndGet(n);
            entries.add(new JsonObject()
                    .put("keyId", e.getKey())
                    .put("organizationId", e.getValue().organizationId())
                    .put("requests", n)
                    .put("lastUsedAt", Instant.ofEpochMilli(e.getValue().lastUsedMillis().get()).atOffset(ZoneOffset.UTC).toString()));
        }
        return keys.reportUsage(new JsonObject().put("entries", entries))
                .onFailure().invoke(e -> LOG.debugf("usage report failed, counts kept for the next one: %s", e.getMessage()))
                .onFailure().invoke(() -> entries.forEach(o -> {
                    JsonObject entry = (JsonObject) o;
                    Counter c = counters.computeIfAbsent(entry.getString("keyId"),
                            id -> new Counter(entry.getString("organizationId"), new AtomicLong(), new AtomicLong()));
                    c.requests().addAndGet(entry.getLong("requests"));
                    c.lastUsedMillis().accumulateAndGet(Instant.parse(entry.getString("lastUsedAt")).toEpochMilli(), Math::max);
                }))
                .onTermination().invoke(() -> entries.forEach(o -> {
                    JsonObject entry = (JsonObject) o;
                    reporting.computeIfPresent(entry.getString("organizationId"),
                            (org, n) -> n.addAndGet(-entry.getLong("requests")) == 0 ? null : n);
                }))
                .onFailure().recoverWithNull();
    }
}
