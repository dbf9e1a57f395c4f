package io.recruitsuite.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests of one organization in flight to one upstream. Each organization may hold only so many of
 * an upstream's slots, so one tenant's slow or heavy traffic cannot fill the shared bulkhead (and the
 * breaker's window) that every other tenant relies on.
 */
final class TenantSlots {

    // by upstream, then organization: no key concatenated on every acquire and release
    private final Map<String, Map<String, AtomicInteger>> inFlight = new ConcurrentHashMap<>();

    boolean tryAcquire(String upstream, String organizationId, int limit) {
        AtomicInteger count = of(upstream).computeIfAbsent(organizationId, k -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(String upstream, String organizationId) {
        of(upstream).computeIfPresent(organizationId, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    int inFlight(String upstream, String organizationId) {
        AtomicInteger count = of(upstream).get(organizationId);
        return count == null ? 0 : count.get();
    }

    private Map<String, AtomicInteger> of(String upstream) {
        Map<String, AtomicInteger> organizations = inFlight.get(upstream);
        return organizations != null ? organizations : inFlight.computeIfAbsent(upstream, u -> new ConcurrentHashMap<>());
    }
}
