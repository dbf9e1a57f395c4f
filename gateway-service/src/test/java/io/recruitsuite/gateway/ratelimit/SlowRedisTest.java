package io.recruitsuite.gateway.ratelimit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.gateway.auth.Principal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Redis slower than the limiter's budget (not down): each replica admits on its own at most
 * {@code fallback-share} of a limit, and never more than Redis last said was left.
 */
@QuarkusTest
@WithTestResource(SlowRedisResource.class)
class SlowRedisTest {

    @Inject
    RateLimiter limiter;
    @Inject
    RateLimitConfig config;

    static Principal key(String org) {
        return new Principal("api_key", org, "key:k", "k", "rsa_test_k", null, List.of("search:read"), "professional",
                new Principal.Limits(-1, 60, 30, 300, 6000));
    }

    Decision check(Principal p) {
        return limiter.check(p, "general").await().atMost(Duration.ofSeconds(5));
    }

    @AfterEach
    void fast() throws InterruptedException {
        SlowRedisResource.proxy.delay(0);
        // the limiter tries Redis again only after this pause
        Thread.sleep(config.redisRetryAfter().toMillis() + 200);
    }

    @Test
    void aSlowRedisLetsAReplicaExceedALimitByItsShareOnly() throws InterruptedException {
        // the share is per minute window: the test runs within one
        startWithRoomInTheMinute(Duration.ofSeconds(25));
        Principal org = key(TestTokens.newOrganizationId());
        for (int i = 0; i < 10; i++) {
            assertTrue(check(org).allowed(), "request " + (i + 1) + " while Redis is fast");
        }
        SlowRedisResource.proxy.delay(config.redisTimeout().toMillis() + 300);
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            if (check(org).allowed()) {
                admitted++;
            }
        }
        long share = (long) Math.ceil(60 * config.fallbackShare());
        assertTrue(admitted >= 1, "the gateway keeps serving (fails open) while Redis is slow");
        assertTrue(admitted <= share, admitted + " admitted while Redis was slow; at most " + share + " (the share of 60)");
    }

    @Test
    void whatRedisLastSaidWasLeftCapsTheLocalAllowance() throws InterruptedException {
        // what Redis said holds for its minute: the test runs within one (a new minute's window starts at the share)
        startWithRoomInTheMinute(Duration.ofSeconds(25));
        Principal org = key(TestTokens.newOrganizationId());
        for (int i = 0; i < 58; i++) {
            assertTrue(check(org).allowed());
        }
        SlowRedisResource.proxy.delay(config.redisTimeout().toMillis() + 300);
        int admitted = 0;
        for (int i = 0; i < 20; i++) {
            if (check(org).allowed()) {
                admitted++;
            }
        }
        assertEquals(2, admitted, "Redis said 2 were left, so the replica admits 2 on its own");
    }

    /** Waits for the next minute when less than {@code room} is left of this one (the windows are aligned to the minute). */
    static void startWithRoomInTheMinute(Duration room) throws InterruptedException {
        long left = 60_000 - System.currentTimeMillis() % 60_000;
        if (left < room.toMillis()) {
            Thread.sleep(left + 100);
        }
    }
}
