package io.recruitsuite.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    /** What to do while Redis is unreachable: {@code open} (a local in-memory limiter) or {@code closed} (503). */
    String whenRedisDown();

    /** How long a failed Redis call keeps the gateway on its local limiter before trying Redis again. */
    Duration redisRetryAfter();

    /** Failed or timed-out Redis calls in a row after which the gateway stops trying Redis for {@link #redisRetryAfter()}. */
    int redisFailuresToSkip();

    /** Upper bound for a Redis round trip before the fallback applies. */
    Duration redisTimeout();

    /**
     * Share of each limit one replica may admit on its own while Redis does not answer (at least one
     * request, never more than what Redis last said was left): the bound on over-admission per replica.
     */
    double fallbackShare();

    /**
     * How long a monthly quota bucket restored without the keys-service's count (it did not answer)
     * lives before it is restored again.
     */
    Duration quotaUnconfirmedFor();

    /** The most requests one lease may count in advance for one caller and kind of request ({@link Leases}). */
    long leaseMaxRequests();

    /** The largest share of the room left in a request's tightest window one lease may take (at least one request). */
    double leaseShare();

    /** How long a lease's requests may be admitted (never past the end of the buckets they were counted in). */
    Duration leaseLifetime();

    /** How often unused requests of expired leases go back to Redis. */
    Duration leaseSweepEvery();
}
