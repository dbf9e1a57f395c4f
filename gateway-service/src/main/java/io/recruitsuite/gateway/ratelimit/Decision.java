package io.recruitsuite.gateway.ratelimit;

/**
 * The outcome for one request: allowed or not, and the figures of the tightest window for the
 * response headers. {@code deniedBy} names the window that refused, for the 429 body.
 */
public record Decision(boolean allowed, Window deniedBy, long retryAfterSeconds, Window tightest, long limit, long remaining,
                       long resetSeconds) {

    public static Decision unlimited() {
        return new Decision(true, null, 0, null, -1, -1, 0);
    }
}
