package io.recruitsuite.gateway.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When each key prefix or organization was last evicted from the key cache. A verification that started
 * before an eviction of its key or organization must not cache what it read: the keys-service may have
 * answered before the change that caused the eviction.
 */
final class EvictionLog {

    private final Map<String, Long> evictedAt = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    EvictionLog(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    long now() {
        return clock.getAsLong();
    }

    void evicted(String prefixOrOrganization) {
        evictedAt.put(prefixOrOrganization, clock.getAsLong());
    }

    /** Whether the key {@code prefix} or its organization was evicted at or after {@code startedNanos}. */
    boolean evictedSince(String prefix, String organizationId, long startedNanos) {
        Long byPrefix = prefix == null ? null : evictedAt.get(prefix);
        Long byOrganization = organizationId == null ? null : evictedAt.get(organizationId);
        return byPrefix != null && byPrefix - startedNanos >= 0 || byOrganization != null && byOrganization - startedNanos >= 0;
    }

    /** Forgets evictions older than {@code horizon}: no verification that started before them can still be running. */
    void forgetOlderThan(Duration horizon) {
        long cutoff = clock.getAsLong() - horizon.toNanos();
        evictedAt.values().removeIf(at -> at - cutoff < 0);
    }

    int size() {
        return evictedAt.size();
    }
}
