package io.recruitsuite.gateway.ratelimit;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;

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

    /** Every field {@link #write} may set: a service's answer relayed after them replaces them, never repeats them. */
    public static final List<String> NAMES = List.of("X-Quota-Limit", "X-Quota-Remaining", "X-Quota-Reset", "X-RateLimit-Limit",
            "X-RateLimit-Remaining", "X-RateLimit-Reset", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
            "RateLimit-Policy", "RateLimit");

    private RateLimitHeaders() {
    }

    /** Adds the fields to an answer that has none of them yet (added, not set: no search for an earlier value). */
    public static void write(HttpServerResponse response, Decision d) {
        MultiMap headers = response.headers();
        if (d.quota() != null) {
            // the plan's monthly quota, whichever window is tightest: a client sees its month's standing on every answer
            headers.add(QUOTA_LIMIT, Long.toString(d.quota().limit()));
            headers.add(QUOTA_REMAINING, Long.toString(d.quota().remaining()));
            headers.add(QUOTA_RESET, Long.toString(d.quota().resetSeconds()));
        }
        if (d.tightest() == null) {
            return;
        }
        String limit = Long.toString(d.limit());
        String remaining = Long.toString(d.remaining());
        String reset = Long.toString(d.resetSeconds());
        headers.add(X_LIMIT, limit);
        headers.add(X_REMAINING, remaining);
        headers.add(X_RESET, reset);
        headers.add(LIMIT, limit);
        headers.add(REMAINING, remaining);
        headers.add(RESET, reset);
        String name = d.tightest().name();
        headers.add(POLICY, "\"" + name + "\";q=" + limit + ";w=" + d.tightest().lengthMillis() / 1000);
        headers.add(RATE_LIMIT, "\"" + name + "\";r=" + remaining + ";t=" + reset);
    }
}
