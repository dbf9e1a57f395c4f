package io.recruitsuite.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts, per client address, the well-formed API keys the keys-service refused as unknown (each one
 * cost a lookup) in fixed windows. An address over its budget gets no more lookups until its window
 * ends; keys already verified keep working from the cache. Plain logic with an injectable clock, so it
 * is tested without waiting.
 */
public final class FailedAttempts {

    private record Counter(long windowStart, int failures) {
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final int budget;
    private final long windowMillis;
    private final int maxAddresses;

    public FailedAttempts(LongSupplier clockMillis, int budget, long windowMillis, int maxAddresses) {
        this.clockMillis = clockMillis;
        this.budget = budget;
        this.windowMillis = windowMillis;
        this.maxAddresses = maxAddresses;
    }

    /** Seconds until the address may try unknown keys again; 0 when it may now. */
    public long blockedForSeconds(String address) {
        Counter c = counters.get(address);
        long now = clockMillis.getAsLong();
        if (c == null || now - c.windowStart() >= windowMillis || c.failures() < budget) {
            return 0;
        }
        return Math.max(1, (c.windowStart() + windowMillis - now + 999) / 1000);
    }

    public void failed(String address) {
        long now = clockMillis.getAsLong();
        if (counters.size() >= maxAddresses && !counters.containsKey(address)) {
            forgetEnded();
        }
        counters.compute(address, (a, c) -> c == null || now - c.windowStart() >= windowMillis
                ? new Counter(now, 1) : new Counter(c.windowStart(), c.failures() + 1));
    }

    /** Drops the counters of ended windows, so a flood of addresses does not grow the map. */
    public void forgetEnded() {
        long now = clockMillis.getAsLong();
        counters.entrySet().removeIf(e -> now - e.getValue().windowStart() >= windowMillis);
    }
}
