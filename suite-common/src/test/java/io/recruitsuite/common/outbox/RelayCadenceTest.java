package io.recruitsuite.common.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelayCadenceTest {

    private static final long BUSY = Duration.ofMillis(100).toNanos();
    private static final long IDLE = Duration.ofSeconds(2).toNanos();
    private final RelayCadence cadence = new RelayCadence(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void anIdleRelayLooksSeldom() {
        long now = 1_000_000_000_000L;
        assertEquals(IDLE, cadence.nextDelay(0, false, false, 0, now));
        // the last append is older than the idle interval
        assertEquals(IDLE, cadence.nextDelay(0, false, true, now - IDLE - 1, now));
    }

    @Test
    void eventsFlowingKeepItLookingOften() {
        long now = 1_000_000_000_000L;
        assertEquals(BUSY, cadence.nextDelay(3, false, false, 0, now), "it just published");
        assertEquals(BUSY, cadence.nextDelay(0, true, false, 0, now), "it failed and retries");
        // appended but not committed yet when it looked: it keeps looking for a while
        assertEquals(BUSY, cadence.nextDelay(0, false, true, now - BUSY, now));
        assertEquals(BUSY, cadence.nextDelay(0, false, true, now - IDLE + 1, now));
    }

    @Test
    void anAppendBringsOnlyALaterRunForward() {
        assertTrue(cadence.wakeEarlier(IDLE));
        assertTrue(cadence.wakeEarlier(BUSY + 1));
        assertFalse(cadence.wakeEarlier(BUSY));
        assertFalse(cadence.wakeEarlier(-5), "already running");
    }

    @Test
    void theIdleIntervalIsNeverShorterThanTheBusyOne() {
        assertThrows(IllegalArgumentException.class, () -> new RelayCadence(Duration.ofSeconds(1), Duration.ofMillis(100)));
        assertThrows(IllegalArgumentException.class, () -> new RelayCadence(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
