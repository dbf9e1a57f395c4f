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

    /** Waits, if need be, until the current minute has at least {@code seconds} left: these tests count one minute's bucket. */
    static void awayFromTheMinutesEnd(int seconds) throws InterruptedException {
        long inMinute = System.currentTimeMillis() % 60_000;
        if (inMinute < 1_000 || inMinute > 60_000 - seconds * 1_000L) {
            Thread.sleep(60_000 - inMinute + 1_000);
        }
    }

    long hourCount(String org, String keyId, long hourBucket) {
        long count = 0;
        for (long b = hourBucket; b <= hourBucket + 1; b++) {
            String value = redis.value(String.class).get("rl:{" + org + "}:k:" + keyId + ":h:" + b);
            count += value == null ? 0 : Long.parseLong(value);
        }
        return count;
    }

    @Test
    void aBusyCallerIsCountedInBlocksAndWhatItDidNotUseGoesBack() throws InterruptedException {
        String org = TestTokens.newOrganizationId();
        Principal.Limits roomy = new Principal.Limits(-1, 1_000_000, 1_000_000, 1_000_000, 10_000_000);
        long hour = System.currentTimeMillis() / 3_600_000;
        long callsBefore = limiter.scriptCalls();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 3_000; i++) {
            Decision d = check(key(org, "busy", roomy), "general");
            assertTrue(d.allowed());
            assertTrue(d.remaining() < previous, "what is left falls with every request: " + d.remaining() + " after " + previous);
            previous = d.remaining();
        }
        long calls = limiter.scriptCalls() - callsBefore;
        assertTrue(calls <= 300, "3,000 requests of one caller took " + calls + " round trips to Redis");
        // Redis holds what was admitted and what this replica's lease still holds; never less
        long held = limiter.leased();
        assertEquals(3_000 + held, hourCount(org, "busy", hour));
        // once the lease has expired, what it did not use goes back: Redis then holds exactly the admitted requests
        Thread.sleep(config.leaseLifetime().toMillis() + 50);
        limiter.sweepLeases();
        long deadline = System.currentTimeMillis() + 5_000;
        while (hourCount(org, "busy", hour) != 3_000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(3_000, hourCount(org, "busy", hour));
        assertEquals(0, limiter.leased());
    }

    @Test
    void leasesNeverAdmitPastALimitAndItsLastRequestsAreCountedOneByOne() throws InterruptedException {
        awayFromTheMinutesEnd(20);
        String org = TestTokens.newOrganizationId();
        Principal.Limits limits = new Principal.Limits(-1, 2_000, 2_000, 1_000_000, 10_000_000);
        long allowed = 0;
        for (int burst = 0; burst < 25; burst++) {
            List<Uni<Decision>> requests = IntStream.range(0, 100)
                    .mapToObj(i -> limiter.check(key(org, "k" + i % 2, limits), "general")).toList();
            allowed += Uni.join().all(requests).andFailFast().await().atMost(Duration.ofSeconds(20)).stream()
                    .filter(Decision::allowed).count();
        }
        assertEquals(2_000, allowed, "2,500 requests in bursts of 100 against 2,000 per minute, two keys sharing it");
        Decision refused = check(key(org, "k0", limits), "general");
        assertFalse(refused.allowed());
        assertEquals("organization-minute", refused.deniedBy().name());
    }
}
