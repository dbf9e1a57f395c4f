package io.recruitsuite.gateway;

import io.recruitsuite.gateway.ratelimit.Decision;
import io.recruitsuite.gateway.ratelimit.LocalLimiter;
import io.recruitsuite.gateway.ratelimit.Window;
import io.recruitsuite.gateway.ratelimit.Windows;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sliding-window arithmetic shared with ratelimit.lua, on a clock the test controls. */
class LocalLimiterTest {

    private final LocalLimiter limiter = new LocalLimiter();

    private Decision at(long now) {
        List<Window> windows = List.of(Window.sliding("w", "limit of 10 per minute", 10, 60_000, "t", now));
        return Windows.decide(windows, limiter.evaluate(windows, now));
    }

    @Test
    void noDoubleBurstAtTheWindowEdge() {
        long bucketStart = 60_000 * 1000;
        for (int i = 0; i < 10; i++) {
            assertTrue(at(bucketStart + 59_000).allowed());
        }
        assertFalse(at(bucketStart + 59_500).allowed());
        // a fixed window would allow 10 more right after the edge; the sliding one allows none yet
        Decision justAfter = at(bucketStart + 60_100);
        assertFalse(justAfter.allowed());
        assertTrue(justAfter.retryAfterSeconds() >= 1);
        // half a window later half the old burst has slid out
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (at(bucketStart + 90_000).allowed()) {
                allowed++;
            }
        }
        assertEquals(5, allowed);
    }

    @Test
    void retryAfterPointsAtWhenARequestFitsAgain() {
        long start = 60_000 * 2000;
        for (int i = 0; i < 10; i++) {
            at(start + 1_000);
        }
        Decision refused = at(start + 2_000);
        assertFalse(refused.allowed());
        long retryAt = start + 2_000 + refused.retryAfterSeconds() * 1000;
        assertTrue(at(retryAt).allowed(), "allowed again at the Retry-After it gave");
    }
}
