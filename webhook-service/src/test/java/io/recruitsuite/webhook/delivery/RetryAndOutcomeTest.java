package io.recruitsuite.webhook.delivery;

import io.recruitsuite.webhook.delivery.DeliveryRepository.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of delivery: what an answer means, and when a failed delivery is tried again. */
class RetryAndOutcomeTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10));

    @Test
    void answersMapToOutcomes() {
        assertEquals(new AttemptResult(Outcome.SUCCEEDED, false), AttemptResult.of(200));
        assertEquals(new AttemptResult(Outcome.SUCCEEDED, false), AttemptResult.of(204));
        assertEquals(new AttemptResult(Outcome.GONE, false), AttemptResult.of(410));
        assertEquals(new AttemptResult(Outcome.FAILED, false), AttemptResult.of(301), "a redirect is not followed, so it fails");
        assertEquals(new AttemptResult(Outcome.FAILED, false), AttemptResult.of(500));
        assertEquals(new AttemptResult(Outcome.FAILED, false), AttemptResult.of(404));
        assertEquals(new AttemptResult(Outcome.FAILED, false), AttemptResult.of(null), "no answer (timeout, refused) fails");
        for (int slow : List.of(429, 502, 503, 504)) {
            assertEquals(new AttemptResult(Outcome.FAILED, true), AttemptResult.of(slow), slow + " asks to slow down");
        }
    }

    @Test
    void delaysFollowTheScheduleWithinTheJitterAndEndWhenItIsUsedUp() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 0.2, Duration.ofHours(1));
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            for (int attempt = 1; attempt <= DELAYS.size(); attempt++) {
                long base = DELAYS.get(attempt - 1).toMillis();
                long delay = schedule.next(attempt, null, random).toMillis();
                assertTrue(delay >= base * 0.8 - 1 && delay <= base * 1.2 + 1, "attempt " + attempt + ": " + delay);
            }
        }
        assertNull(schedule.next(DELAYS.size() + 1, null, random), "no retry after the last delay");
        assertNull(schedule.next(0, null, random));
        assertEquals(DELAYS.size(), schedule.retries());
    }

    @Test
    void retryAfterPushesLaterNeverEarlierAndIsBounded() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 0.0, Duration.ofMinutes(30));
        Random random = new Random(1);
        assertEquals(Duration.ofMinutes(5), schedule.next(1, Duration.ofMinutes(5), random), "later than the 10 s step");
        assertEquals(Duration.ofMinutes(10), schedule.next(3, Duration.ofSeconds(1), random), "never earlier than the schedule");
        assertEquals(Duration.ofMinutes(30), schedule.next(1, Duration.ofDays(2), random), "bounded by the configured maximum");
    }

    @Test
    void retryAfterIsReadInSecondsOnly() {
        assertEquals(Duration.ofSeconds(120), RetrySchedule.parseRetryAfter(" 120 "));
        assertNull(RetrySchedule.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertNull(RetrySchedule.parseRetryAfter("-5"));
        assertNull(RetrySchedule.parseRetryAfter(null));
        assertFalse(RetrySchedule.parseRetryAfter("0").isNegative());
    }
}
