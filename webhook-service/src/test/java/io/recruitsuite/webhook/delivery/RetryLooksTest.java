package io.recruitsuite.webhook.delivery;

import io.recruitsuite.common.polling.PollCadence;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryLooksTest {

    private static final long BUSY = Duration.ofMillis(250).toNanos();
    private static final long IDLE = Duration.ofSeconds(2).toNanos();
    private static final long NOW = 1_000_000_000_000L;

    private final RetryLooks looks = new RetryLooks(new PollCadence(Duration.ofMillis(250), Duration.ofSeconds(2)));

    @Test
    void aRetryDueBeforeTheIdleLookGetsALookOfItsOwnJustAfterItIsDue() {
        long second = Duration.ofSeconds(1).toNanos();
        assertEquals(NOW + second + BUSY, looks.retryIn(second, NOW));
        assertEquals(NOW + second + BUSY, looks.nextLook(NOW + IDLE, NOW), "the idle look would be late");
        assertEquals(NOW + BUSY, looks.nextLook(NOW + BUSY, NOW), "a busy look comes sooner anyway");
    }

    @Test
    void laterRetriesAreLeftToTheIdleCadence() {
        assertEquals(-1, looks.retryIn(IDLE, NOW));
        assertEquals(-1, looks.retryIn(Duration.ofMinutes(5).toNanos(), NOW));
        assertEquals(NOW + IDLE, looks.nextLook(NOW + IDLE, NOW));
    }

    @Test
    void everyRetryOwedIsLookedForInTurnAndForgottenOnceAClaimBeganAfterIt() {
        long first = looks.retryIn(Duration.ofMillis(300).toNanos(), NOW);
        long second = looks.retryIn(Duration.ofMillis(900).toNanos(), NOW);
        assertEquals(first, looks.nextLook(NOW + IDLE, NOW));
        // the claim at the first look took the first retry; the second is still owed
        assertEquals(second, looks.nextLook(first + IDLE, first));
        // a claim that began before the second was due does not settle it
        assertEquals(second, looks.nextLook(second + IDLE, second - 1));
        assertEquals(second + IDLE, looks.nextLook(second + IDLE, second));
    }
}
