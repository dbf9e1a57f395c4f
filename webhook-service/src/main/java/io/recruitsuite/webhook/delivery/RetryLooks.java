package io.recruitsuite.webhook.delivery;

import io.recruitsuite.common.polling.PollCadence;

import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The looks a delivery worker owes the retries it scheduled. An idle worker looks at the queue only every idle
 * interval; a retry due sooner gets a look of its own, one busy interval after it is due (the database decides
 * by its own clock whether a row is due). Later retries are left to the idle cadence. Times are {@link System#nanoTime()}.
 */
final class RetryLooks {

    private final NavigableSet<Long> due = new ConcurrentSkipListSet<>();
    private final long horizonNanos;
    private final long marginNanos;

    RetryLooks(PollCadence cadence) {
        this.horizonNanos = cadence.idleNanos();
        this.marginNanos = cadence.busyNanos();
    }

    /** A retry falls due in {@code delayNanos}: when to look for it, or -1 when the idle cadence will do. */
    long retryIn(long delayNanos, long now) {
        if (delayNanos >= horizonNanos) {
            return -1;
        }
        long look = now + delayNanos + marginNanos;
        due.add(look);
        return look;
    }

    /**
     * The next look after a claim that began at {@code claimBegan}: {@code planned} (the cadence's), or sooner for a
     * retry still owed. A look due before the claim began was that claim; later ones are still owed.
     */
    long nextLook(long planned, long claimBegan) {
        due.headSet(claimBegan, true).clear();
        Long retry = due.ceiling(claimBegan);
        return retry != null && retry < planned ? retry : planned;
    }
}
