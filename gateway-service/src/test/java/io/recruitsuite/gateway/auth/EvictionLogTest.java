package io.recruitsuite.gateway.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key cache's race rule: a verdict read before an eviction of its key or organization is never cached. */
class EvictionLogTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final EvictionLog log = new EvictionLog(clock::get);

    @Test
    void aVerificationThatStartedBeforeTheRevocationDoesNotCacheItsVerdict() {
        long started = log.now();
        clock.addAndGet(10);
        log.evicted("rsa_live_abcdefgh");   // the revocation event arrives while the keys-service answers
        clock.addAndGet(10);
        assertTrue(log.evictedSince("rsa_live_abcdefgh", "org_1", started));
        assertFalse(log.evictedSince("rsa_live_zzzzzzzz", "org_1", started), "other keys are not affected");
    }

    @Test
    void anOrganizationEvictionCoversEveryKeyOfIt() {
        long started = log.now();
        clock.addAndGet(5);
        log.evicted("org_1");               // plan changed, member removed
        assertTrue(log.evictedSince("rsa_live_abcdefgh", "org_1", started));
        assertFalse(log.evictedSince("rsa_live_abcdefgh", "org_2", started));
    }

    @Test
    void aVerificationThatStartedAfterTheEvictionMayCache() {
        log.evicted("rsa_live_abcdefgh");
        clock.addAndGet(1);
        long started = log.now();
        assertFalse(log.evictedSince("rsa_live_abcdefgh", "org_1", started));
    }

    @Test
    void theSameInstantCountsAsAfter() {
        long started = log.now();
        log.evicted("org_1");
        assertTrue(log.evictedSince(null, "org_1", started), "an eviction at the start instant may have raced the read");
    }

    @Test
    void oldEvictionsAreForgottenAndTheClockMayWrap() {
        clock.set(Long.MAX_VALUE - 5);
        log.evicted("rsa_live_abcdefgh");
        long started = log.now();
        clock.addAndGet(10);                // wraps past Long.MAX_VALUE, as System.nanoTime may
        log.evicted("org_1");
        assertTrue(log.evictedSince(null, "org_1", started), "nanoTime differences, not values, are compared");
        clock.addAndGet(Duration.ofMinutes(2).toNanos());
        log.forgetOlderThan(Duration.ofMinutes(1));
        assertEquals(0, log.size());
    }
}
