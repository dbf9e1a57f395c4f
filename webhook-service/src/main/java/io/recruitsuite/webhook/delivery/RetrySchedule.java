package io.recruitsuite.webhook.delivery;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: the configured delays (growing exponentially, about three
 * days in all), each varied by a jitter so retries of many deliveries spread out. A receiver's
 * Retry-After (429/502/503/504) pushes the next attempt later, never earlier, up to a bound.
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final double jitter;
    private final Duration maxRetryAfter;

    public RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** The delay after the {@code attemptsMade}-th failed attempt, or null when the schedule is used up. */
    public Duration next(int attemptsMade, Duration retryAfter, RandomGenerator random) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return null;
        }
        long base = delays.get(attemptsMade - 1).toMillis();
        long varied = Math.round(base * (1 + jitter * (random.nextDouble() * 2 - 1)));
        if (retryAfter != null) {
            long asked = Math.min(retryAfter.toMillis(), maxRetryAfter.toMillis());
            varied = Math.max(varied, asked);
        }
        return Duration.ofMillis(Math.max(0, varied));
    }

    public int retries() {
        return delays.size();
    }

    /** Reads a Retry-After header given in seconds; dates and garbage count as absent. */
    public static Duration parseRetryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
