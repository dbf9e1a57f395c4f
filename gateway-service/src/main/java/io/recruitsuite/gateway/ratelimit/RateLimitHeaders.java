package io.recruitsuite.gateway.ratelimit;

import io.vertx.core.http.HttpServerResponse;

/**
 * The rate-limit fields of every response, for the tightest window: the {@code X-RateLimit-*}
 * trio of seed 000, the {@code RateLimit-Limit/Remaining/Reset} trio of seed 002, and the IETF
 * structured {@code RateLimit-Policy} and {@code RateLimit} fields; and {@code X-Quota-*} for the plan's
 * monthly quota. Resets are seconds from now.
 */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void write(HttpServerResponse response, Decision d) {
        if (d.quota() != null) {
            // the plan's monthly quota, whichever window is tightest: a client sees its month's standing on every answer
            response.putHeader("X-Quota-Limit", Long.toString(d.quota().limit()));
            response.putHeader("X-Quota-Remaining", Long.toString(d.quota().remaining()));
            response.putHeader("X-Quota-Reset", Long.toString(d.quota().resetSeconds()));
        }
        if (d.tightest() == null) {
            return;
        }
        String limit = Long.toString(d.limit());
        String remaining = Long.toString(d.remaining());
        String reset = Long.toString(d.resetSeconds());
        response.putHeader("X-RateLimit-Limit", limit);
        response.putHeader("X-RateLimit-Remaining", remaining);
        response.putHeader("X-RateLimit-Reset", reset);
        response.putHeader("RateLimit-Limit", limit);
        response.putHeader("RateLimit-Remaining", remaining);
        response.putHeader("RateLimit-Reset", reset);
        String name = d.tightest().name();
        response.putHeader("RateLimit-Policy", "\"" + name + "\";q=" + limit + ";w=" + d.tightest().lengthMillis() / 1000);
        response.putHeader("RateLimit", "\"" + name + "\";r=" + remaining + ";t=" + reset);
    }
}
