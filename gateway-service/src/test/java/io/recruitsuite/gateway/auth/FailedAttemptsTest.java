package io.recruitsuite.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailedAttemptsTest {

    final AtomicLong now = new AtomicLong(1_000_000);
    final FailedAttempts attempts = new FailedAttempts(now::get, 3, 60_000, 100);

    @Test
    void anAddressIsRefusedAfterItsBudgetUntilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, attempts.blockedForSeconds("10.0.0.1"), "attempt " + (i + 1));
            attempts.failed("10.0.0.1");
        }
        assertEquals(60, attempts.blockedForSeconds("10.0.0.1"));
        assertEquals(0, attempts.blockedForSeconds("10.0.0.2"), "another address is not affected");
        now.addAndGet(59_500);
        assertEquals(1, attempts.blockedForSeconds("10.0.0.1"));
        now.addAndGet(500);
        assertEquals(0, attempts.blockedForSeconds("10.0.0.1"), "a new window, a new budget");
    }

    @Test
    void endedWindowsAreForgottenSoAFloodOfAddressesDoesNotGrowTheMap() {
        FailedAttempts small = new FailedAttempts(now::get, 1, 1_000, 2);
        small.failed("a");
        small.failed("b");
        now.addAndGet(1_000);
        small.failed("c");
        assertEquals(0, small.blockedForSeconds("a"));
        assertEquals(1, small.blockedForSeconds("c"));
    }
}
