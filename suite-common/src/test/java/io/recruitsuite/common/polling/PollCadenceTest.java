package io.recruitsuite.common.polling;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollCadenceTest {

    private static final long BUSY = Duration.ofMillis(100).toNanos();
    private static final long IDLE = Duration.ofSeconds(2).toNanos();
    private final PollCadence cadence = new PollCadence(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void anIdlePollerLooksSeldom() {
        long now = 1_000_000_000_000L;
        assertEquals(IDLE, cadence.nextDelay(false, false, false, 0, now));
        // the last signal is older than the idle interval
        assertEquals(IDLE, cadence.nextDelay(false, false, true, now - IDLE - 1, now));
    }

    @Test
    void workFlowingKeepsItLookingOften() {
        long now = 1_000_000_000_000L;
        assertEquals(BUSY, cadence.nextDelay(true, false, false, 0, now), "it just found work");
        assertEquals(BUSY, cadence.nextDelay(false, true, false, 0, now), "it failed and retries");
        // told of work not committed yet when it looked: it keeps looking for a while
        assertEquals(BUSY, cadence.nextDelay(false, false, true, now - BUSY, now));
        assertEquals(BUSY, cadence.nextDelay(false, false, true, now - IDLE + 1, now));
    }

    @Test
    void aSignalBringsOnlyALaterLookForward() {
        assertTrue(cadence.wakeEarlier(IDLE));
        assertTrue(cadence.wakeEarlier(BUSY + 1));
        assertFalse(cadence.wakeEarlier(BUSY));
        assertFalse(cadence.wakeEarlier(-5), "already running");
    }

    @Test
    void theIdleIntervalIsNeverShorterThanTheBusyOne() {
        assertThrows(IllegalArgumentException.class, () -> new PollCadence(Duration.ofSeconds(1), Duration.ofMillis(100)));
        assertThrows(IllegalArgumentException.class, () -> new PollCadence(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
