package io.recruitsuite.gateway.ratelimit;

/**
 * The outcome for one request: allowed or not, and the figures of the tightest window for the
 * response headers. {@code deniedBy} names the window that refused, for the 429 body. {@code quota}
 * is the monthly quota's standing when the plan has one (null otherwise).
 */
public record Decision(boolean allowed, Window deniedBy, long retryAfterSeconds, Window tightest, long limit, long remaining,
                       long resetSeconds, Quota quota) {

    /** A plan's monthly quota: requests included, requests left, seconds until the month ends. */
    public record Quota(long limit, long remaining, long resetSeconds) {
    }

    public static Decision unlimited() {
        return new Decision(true, null, 0, null, -1, -1, 0, null);
    }
}
