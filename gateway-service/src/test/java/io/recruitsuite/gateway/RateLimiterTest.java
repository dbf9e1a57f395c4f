package io.recruitsuite.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.recruitsuite.common.testing.TestTokens;
import io.recruitsuite.gateway.auth.Principal;
import io.recruitsuite.gateway.ratelimit.Decision;
import io.recruitsuite.gateway.ratelimit.RateLimitConfig;
import io.recruitsuite.gateway.ratelimit.RateLimiter;
import io.recruitsuite.gateway.usage.UsageRecorder;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter against the real local Redis. */
@QuarkusTest
class RateLimiterTest {

    @Inject
    RateLimiter limiter;
    @Inject
    RateLimitConfig config;
    @Inject
    UsageRecorder usage;
    @Inject
    RedisDataSource redis;

    static Principal key(String org, String keyId, Principal.Limits limits) {
        return new Principal("api_key", org, "key:" + keyId, keyId, "rsa_test_" + keyId, null, List.of("search:read"), "professional", limits);
    }

    Decision check(Principal p, String rateClass) {
        return limiter.check(p, rateClass).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void theSixtyFirstRequestOfAnOrganizationInAMinuteIsRefused() {
        String org = TestTokens.newOrganizationId();
        Principal.Limits limits = new Principal.Limits(-1, 60, 30, 300, 6000);
        // two keys of one organization share its 60 per minute
        for (int i = 0; i < 60; i++) {
            Decision d = check(key(org, i % 2 == 0 ? "k1" : "k2", limits), "general");
            assertTrue(d.allowed(), "request " + (i + 1));
            assertEquals(60, d.limit());
            assertEquals(59 - i, d.remaining(), "remaining after request " + (i + 1));
        }
        Decision refused = check(key(org, "k1", limits), "general");
        assertFalse(refused.allowed());
        assertEquals("organization-minute", refused.deniedBy().name());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 120, "retry after " + refused.retryAfterSeconds());
        assertEquals(0, refused.remaining());
        // another organization is not affected
        assertTrue(check(key(TestTokens.newOrganizationId(), "k1", limits), "general").allowed());
    }

    @Test
    void searchHasItsOwnThirtyPerMinute() {
        String org = TestTokens.newOrganizationId();
        Principal.Limits limits = new Principal.Limits(-1, 60, 30, 300, 6000);
        for (int i = 0; i < 30; i++) {
            assertTrue(check(key(org, "k", limits), "search").allowed());
        }
        Decision refused = check(key(org, "k", limits), "search");
        assertFalse(refused.allowed());
        assertEquals("search-minute", refused.deniedBy().name());
        assertTrue(check(key(org, "k", limits), "general").allowed(), "other endpoints still have room");
    }

    @Test
    void theKeyHourWindowAndTheMonthlyQuotaHold() {
        String org = TestTokens.newOrganizationId();
        Principal.Limits hourly = new Principal.Limits(-1, 1000, 1000, 1000, 12);
        for (int i = 0; i < 12; i++) {
            assertTrue(check(key(org, "hourly", hourly), "general").allowed());
        }
        Decision hour = check(key(org, "hourly", hourly), "general");
        assertEquals("key-hour", hour.deniedBy().name());
        assertTrue(hour.retryAfterSeconds() > 60, "an hour window asks to wait more than a minute: " + hour.retryAfterSeconds());
        assertTrue(check(key(org, "other", hourly), "general").allowed(), "the hour window is per key");

        String quotaOrg = TestTokens.newOrganizationId();
        Principal.Limits monthly = new Principal.Limits(5, 1000, 1000, 1000, 1000);
        for (int i = 0; i < 5; i++) {
            assertTrue(check(key(quotaOrg, "a" + i, monthly), "general").allowed());
        }
        Decision quota = check(key(quotaOrg, "fresh", monthly), "general");
        assertEquals("monthly-quota", quota.deniedBy().name());
        assertTrue(quota.deniedBy().description().contains("monthly quota of 5"));
    }

    @Test
    void refusedRequestsDoNotCount() {
        String org = TestTokens.newOrganizationId();
        Principal.Limits limits = new Principal.Limits(-1, 3, 3, 300, 6000);
        for (int i = 0; i < 3; i++) {
            check(key(org, "k", limits), "general");
        }
        for (int i = 0; i < 10; i++) {
            assertFalse(check(key(org, "k", limits), "general").allowed());
        }
        assertEquals(0, check(key(org, "k", limits), "general").remaining());
    }

    @Test
    void aBurstAtOneOrganizationIsCountedInRedisAndLeavesOthersOnRedis() {
        String org = TestTokens.newOrganizationId();
        Principal.Limits limits = new Principal.Limits(-1, 60, 30, 300, 6000);
        List<Uni<Decision>> burst = IntStream.range(0, 100)
                .mapToObj(i -> limiter.check(key(org, "k" + i % 4, limits), "general")).toList();
        List<Decision> decisions = Uni.join().all(burst).andFailFast().await().atMost(Duration.ofSeconds(20));
        assertEquals(60, decisions.stream().filter(Decision::allowed).count(), "100 concurrent requests against 60 per minute");
        // the next organization is answered from Redis (59 of 60 left), not from a replica's local allowance
        assertEquals(59, check(key(TestTokens.newOrganizationId(), "k", limits), "general").remaining());
    }

    @Test
    void aMonthlyQuotaBucketRedisLostStartsFromWhatWasCountedNotFromZero() {
        String org = TestTokens.newOrganizationId();
        Principal.Limits limits = new Principal.Limits(100, 1000, 1000, 1000, 1000);
        for (int i = 0; i < 5; i++) {
            Principal p = key(org, "k", limits);
            Decision d = check(p, "general");
            assertTrue(d.allowed());
            usage.record(p);
        }
        assertEquals(95, check(key(org, "k", limits), "general").quota().remaining() + 1, "the sixth request is not recorded");
        String bucket = "rl:{" + org + "}:q:" + YearMonth.now(ZoneOffset.UTC);
        redis.key().del(bucket);

        // the keys-service is not reachable in these tests: the bucket starts from this replica's unreported count,
        // provisionally (the keys-service's own count replaces it once it answers)
        Decision restored = check(key(org, "k", limits), "general");
        assertEquals(100 - 5 - 1, restored.quota().remaining(), "5 recorded requests survive the lost bucket");
        long ttl = redis.key().pttl(bucket);
        assertTrue(ttl > 0 && ttl <= config.quotaUnconfirmedFor().toMillis(), "a provisional bucket expires soon: " + ttl);
    }
}
