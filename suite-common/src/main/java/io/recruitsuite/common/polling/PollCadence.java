package io.recruitsuite.common.polling;

import java.time.Duration;

/**
 * How soon a background poller (an outbox relay, a delivery worker) looks at its table again. While work flows
 * (the last look found some, or failed and must retry, or this process was told of new work within the last
 * {@code idle} interval) it looks every {@code busy} interval, so work is taken within a fraction of a second;
 * otherwise every {@code idle} interval, which only catches what another replica left or what fell due without a
 * signal. Each look is a query on the database: several a second per service kept an idle suite's services and
 * PostgreSQL busy.
 */
public final class PollCadence {

    private final long busyNanos;
    private final long idleNanos;

    public PollCadence(Duration busy, Duration idle) {
        if (busy.isNegative() || busy.isZero() || idle.compareTo(busy) < 0) {
            throw new IllegalArgumentException("the idle interval (" + idle + ") must be at least the busy one (" + busy + "), which must be positive");
        }
        this.busyNanos = busy.toNanos();
        this.idleNanos = idle.toNanos();
    }

    /**
     * The delay in nanoseconds before the next look, after a look that {@code foundWork} (or {@code failed}), at
     * {@code now}, this process having last been told of new work at {@code lastSignal} (both {@link System#nanoTime()};
     * {@code lastSignal} is meaningless when {@code everSignalled} is false).
     */
    public long nextDelay(boolean foundWork, boolean failed, boolean everSignalled, long lastSignal, long now) {
        boolean signalledLately = everSignalled && now - lastSignal < idleNanos;
        return foundWork || failed || signalledLately ? busyNanos : idleNanos;
    }

    /** Whether a look due in {@code remainingNanos} should be brought forward because new work was just signalled. */
    public boolean wakeEarlier(long remainingNanos) {
        return remainingNanos > busyNanos;
    }

    public long busyNanos() {
        return busyNanos;
    }

    public long idleNanos() {
        return idleNanos;
    }
}
