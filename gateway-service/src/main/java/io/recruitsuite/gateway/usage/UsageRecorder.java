package io.recruitsuite.gateway.usage;

import io.quarkus.scheduler.Scheduled;
import io.recruitsuite.gateway.auth.KeysClient;
import io.recruitsuite.gateway.auth.Principal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests and error answers per key and hour in memory and reports them to the keys-service in batches, so
 * {@code last_used_at} and monthly counts need no database write per request.
 */
@Singleton
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class);
    public static final int MAX_BATCH = 1000;
    private static final long HOUR_MILLIS = 3_600_000L;

    @Inject
    KeysClient keys;

    /** One key's requests in one hour (UTC); {@code errors} counts those answered with a 4xx or 5xx status. */
    private record Counter(String keyId, String organizationId, long hourStartMillis, AtomicLong requests, AtomicLong errors,
                           AtomicLong lastUsedMillis) {
        Counter(String keyId, String organizationId, long hourStartMillis) {
            this(keyId, organizationId, hourStartMillis, new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    /** A key's hour: the counters' key, made on every request without formatting a string. */
    private record KeyHour(String keyId, long hourStartMillis) {
    }

    private final Map<KeyHour, Counter> counters = new ConcurrentHashMap<>();
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

    /** An admitted request of an API key; {@link #recordError} follows when its answer is an error. */
    public void record(Principal principal) {
        if (principal.keyId() == null) {
            return;
        }
        long now = System.currentTimeMillis();
        Counter c = counter(principal.keyId(), principal.organizationId(), hourStart(now));
        c.requests().incrementAndGet();
        c.lastUsedMillis().set(now);
    }

    /** The admitted request was answered with a 4xx or 5xx status. */
    public void recordError(Principal principal) {
        if (principal.keyId() == null) {
            return;
        }
        long now = System.currentTimeMillis();
        Counter c = counter(principal.keyId(), principal.organizationId(), hourStart(now));
        c.errors().incrementAndGet();
        // an error counted in an hour with no request of its own (the request began in the previous hour) still
        // counts as one request there, so errors never exceed requests in any hour
        c.requests().accumulateAndGet(c.errors().get(), Math::max);
        c.lastUsedMillis().accumulateAndGet(now, Math::max);
    }

    private Counter counter(String keyId, String organizationId, long hourStart) {
        return counters.computeIfAbsent(new KeyHour(keyId, hourStart), id -> new Counter(keyId, organizationId, hourStart));
    }

    private static long hourStart(long millis) {
        return millis - Math.floorMod(millis, HOUR_MILLIS);
    }

    @Scheduled(every = "${gateway.usage.flush-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        JsonArray entries = new JsonArray();
        for (var it = counters.entrySet().iterator(); it.hasNext() && entries.size() < MAX_BATCH; ) {
            Counter c = it.next().getValue();
            it.remove();
            long n = c.requests().get();
            reporting.computeIfAbsent(c.organizationId(), org -> new AtomicLong()).addAndGet(n);
            entries.add(new JsonObject()
                    .put("keyId", c.keyId())
                    .put("organizationId", c.organizationId())
                    .put("requests", n)
                    .put("errors", Math.min(n, c.errors().get()))
                    .put("hour", iso(c.hourStartMillis()))
                    .put("lastUsedAt", iso(c.lastUsedMillis().get())));
        }
        return keys.reportUsage(new JsonObject().put("entries", entries))
                .onFailure().invoke(e -> LOG.debugf("usage report failed, counts kept for the next one: %s", e.getMessage()))
                .onFailure().invoke(() -> entries.forEach(o -> {
                    JsonObject entry = (JsonObject) o;
                    Counter c = counter(entry.getString("keyId"), entry.getString("organizationId"),
                            Instant.parse(entry.getString("hour")).toEpochMilli());
                    c.requests().addAndGet(entry.getLong("requests"));
                    c.errors().addAndGet(entry.getLong("errors"));
                    c.lastUsedMillis().accumulateAndGet(Instant.parse(entry.getString("lastUsedAt")).toEpochMilli(), Math::max);
                }))
                .onTermination().invoke(() -> entries.forEach(o -> {
                    JsonObject entry = (JsonObject) o;
                    reporting.computeIfPresent(entry.getString("organizationId"),
                            (org, n) -> n.addAndGet(-entry.getLong("requests")) == 0 ? null : n);
                }))
                .onFailure().recoverWithNull();
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toString();
    }
}
