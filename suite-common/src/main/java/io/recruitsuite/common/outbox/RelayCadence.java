package io.recruitsuite.common.outbox;

import java.time.Duration;

/**
 * How soon the relay looks at the outbox again. While events flow (the last run published some, or failed
 * and must retry, or this process appended an event within the last {@code idle} interval) it looks every
 * {@code busy} interval, so an event leaves within a fraction of a second; otherwise every {@code idle}
 * interval, which only catches what another replica appended and could not publish itself. Each look is a
 * transaction on the database: ten a second per service kept an idle suite's services and PostgreSQL busy.
 */
public final class RelayCadence {

    private final long busyNanos;
    private final long idleNanos;

    public RelayCadence(Duration busy, Duration idle) {
        if (busy.isNegative() || busy.isZero() || idle.compareTo(busy) < 0) {
            throw new IllegalArgumentException("the idle interval (" + idle + ") must be at least the busy one (" + busy + "), which must be positive");
        }
        this.busyNanos = busy.toNanos();
        this.idleNanos = idle.toNanos();
    }

    /**
     * The delay in nanoseconds before the next run, after a run that published {@code published} events
     * ({@code failed}: could not publish), at {@code now}, the last append of this process having been at
     * {@code lastAppend} (both {@link System#nanoTime()}; {@code lastAppend} is meaningless when {@code everAppended} is false).
     */
    public long nextDelay(int published, boolean failed, boolean everAppended, long lastAppend, long now) {
        boolean appendedLately = everAppended && now - lastAppend < idleNanos;
        return published > 0 || failed || appendedLately ? busyNanos : idleNanos;
    }

    /** Whether a run due in {@code remainingNanos} should be brought forward because an event was just appended. */
    public boolean wakeEarlier(long remainingNanos) {
        return remainingNanos > busyNanos;
    }

    public long busyNanos() {
        return busyNanos;
    }
}
