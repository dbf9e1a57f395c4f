package io.recruitsuite.gateway.ratelimit;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * The rate-limit fields of every response, for the tightest window: the {@code X-RateLimit-*}
 * trio of seed 000, the {@code RateLimit-Limit/Remaining/Reset} trio of seed 002, and the IETF
 * structured {@code RateLimit-Policy} and {@code RateLimit} fields; and {@code X-Quota-*} for the plan's
 * monthly quota. Resets are seconds from now.
 */
public final class RateLimitHeaders {

    // names made once as ASCII bytes: written on every answer, they are then copied rather than encoded each time
    private static final CharSequence QUOTA_LIMIT = HttpHeaders.createOptimized("X-Quota-Limit");
    private static final CharSequence QUOTA_REMAINING = HttpHeaders.createOptimized("X-Quota-Remaining");
    private static final CharSequence QUOTA_RESET = HttpHeaders.createOptimized("X-Quota-Reset");
    private static final CharSequence X_LIMIT = HttpHeaders.createOptimized("X-RateLimit-Limit");
    private static final CharSequence X_REMAINING = HttpHeaders.createOptimized("X-RateLimit-Remaining");
    private static final CharSequence X_RESET = HttpHeaders.createOptimized("X-RateLimit-Reset");
    private static final CharSequence LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
    private static final CharSequence REMAINING = HttpHeaders.createOptimized("RateLimit-Remaining");
    private static final CharSequence RESET = HttpHeaders.createOptimized("RateLimit-Reset");
    private static final CharSequence POLICY = HttpHeaders.createOptimized("RateLimit-Policy");
    private static final CharSequence RATE_LIMIT = HttpHeaders.createOptimized("RateLimit");

    private RateLimitHeaders() {
    }

    public static void write(HttpServerResponse response, Decision d) {
        if (d.quota() != null) {
            // the plan's monthly quota, whichever window is tightest: a client sees its month's standing on every answer
            response.putHeader(QUOTA_LIMIT, Long.toString(d.quota().limit()));
            response.putHeader(QUOTA_REMAINING, Long.toString(d.quota().remaining()));
            response.putHeader(QUOTA_RESET, Long.toString(d.quota().resetSeconds()));
        }
        if (d.tightest() == null) {
            return;
        }
        String limit = Long.toString(d.limit());
        String remaining = Long.toString(d.remaining());
        String reset = Long.toString(d.resetSeconds());
        response.putHeader(X_LIMIT, limit);
        response.putHeader(X_REMAINING, remaining);
        response.putHeader(X_RESET, reset);
        response.putHeader(LIMIT, limit);
        response.putHeader(REMAINING, remaining);
        response.putHeader(RESET, reset);
        String name = d.tightest().name();
        response.putHeader(POLICY, "\"" + name + "\";q=" + limit + ";w=" + d.tightest().lengthMillis() / 1000);
        response.putHeader(RATE_LIMIT, "\"" + name + "\";r=" + remaining + ";t=" + reset);
    }
}
