package io.recruitsuite.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    /** What to do while Redis is unreachable: {@code open} (a local in-memory limiter) or {@code closed} (503). */
    String whenRedisDown();

    /** How long a failed Redis call keeps the gateway on its local limiter before trying Redis again. */
    Duration redisRetryAfter();

    /** Upper bound for a Redis round trip before the fallback applies. */
    Duration redisTimeout();
}
