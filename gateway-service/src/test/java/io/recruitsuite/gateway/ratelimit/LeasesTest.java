package io.recruitsuite.gateway.ratelimit;

import io.recruitsuite.gateway.auth.Principal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lease arithmetic on its own: what Redis counted in advance is admitted here exactly once, or given back. */
class LeasesTest {

    private static final long NOW = 1_764_500_010_000L; // 10 s into a minute
    private static final long LIFETIME = 1_000;
    private static final Principal.Limits LIMITS = new Principal.Limits(-1, 100_000, 1000, 100_000, 1_000_000);

    private final List<Leases.Unused> givenBack = new ArrayList<>();
    private final Leases leases = new Leases(8, LIFETIME, givenBack::add);
    private final Leases.Holder holder = holder("k1");

    private static Leases.Holder holder(String key) {
        return new Leases.Holder("api_key", "org_l", key, "key:" + key, "general", LIMITS);
    }

    private static List<Window> windows(long now) {
        return List.of(Window.sliding("organization-minute", "organization limit", 100_000, Windows.MINUTE, "rl:{org_l}:m", now),
                Window.sliding("key-hour", "key limit", 1_000_000, Windows.HOUR, "rl:{org_l}:k:k1:h", now));
    }

    /** What the script answers after counting {@code granted}: the organization's minute is the tightest window. */
    private static Decision answer(long remainingAfterGrant, long now) {
        Window tightest = windows(now).get(0);
        return new Decision(true, null, 0, tightest, 100_000, remainingAfterGrant, 50, null);
    }

    @Test
    void grantsStartAtOneAndDoubleWhileLeasesAreUsedUpUpToTheCap() {
        assertEquals(1, leases.nextGrant(holder));
        assertEquals(99_999, leases.admit(holder, answer(99_999, NOW), 1, windows(NOW), NOW).remaining());
        long remaining = 99_999;
        List<Long> grants = new ArrayList<>();
        for (int lease = 0; lease < 6; lease++) {
            assertNull(leases.take(holder, NOW), "the lease is used up: ask Redis");
            long grant = leases.nextGrant(holder);
            grants.add(grant);
            remaining -= grant;
            assertEquals(remaining + grant - 1, leases.admit(holder, answer(remaining, NOW), grant, windows(NOW), NOW).remaining());
            for (int i = 1; i < grant; i++) {
                Decision leased = leases.take(holder, NOW);
                assertNotNull(leased, "request " + i + " of a lease of " + grant);
                assertEquals(remaining + grant - 1 - i, leased.remaining(), "remaining falls by one per request");
            }
        }
        assertEquals(List.of(2L, 4L, 8L, 8L, 8L, 8L), grants);
        assertEquals(0, leases.held());
        assertTrue(givenBack.isEmpty());
    }

    @Test
    void anExpiredLeaseGivesItsUnusedRequestsBackToTheBucketsTheyWereCountedIn() {
        leases.admit(holder, answer(99_992, NOW), 8, windows(NOW), NOW);
        assertNotNull(leases.take(holder, NOW + 10));
        assertEquals(6, leases.held());
        assertNull(leases.take(holder, NOW + LIFETIME), "a lease admits nothing after its lifetime");
        assertEquals(List.of(new Leases.Unused(List.of("rl:{org_l}:m:" + NOW / Windows.MINUTE, "rl:{org_l}:k:k1:h:" + NOW / Windows.HOUR), 6)),
                givenBack);
        assertEquals(0, leases.held());
    }

    @Test
    void aLeaseEndsWithTheBucketItWasCountedIn() {
        long beforeMinuteEnds = (NOW / Windows.MINUTE + 1) * Windows.MINUTE - 100;
        leases.admit(holder, answer(99_992, beforeMinuteEnds), 8, windows(beforeMinuteEnds), beforeMinuteEnds);
        assertNotNull(leases.take(holder, beforeMinuteEnds + 99));
        assertNull(leases.take(holder, beforeMinuteEnds + 100), "the next minute's requests are counted in the next bucket");
        assertEquals(1, givenBack.size());
        assertEquals(6, givenBack.get(0).count());
    }

    @Test
    void blocksOfRequestsThatRacedAddUpAndEachAnswerShowsThemAll() {
        leases.admit(holder, answer(99_996, NOW), 4, windows(NOW), NOW);
        // a second request asked Redis before the first lease arrived: Redis now has 8 counted
        Decision second = leases.admit(holder, answer(99_992, NOW), 4, windows(NOW), NOW);
        assertEquals(99_992 + 6, second.remaining());
        assertEquals(6, leases.held());
        for (int i = 0; i < 6; i++) {
            assertNotNull(leases.take(holder, NOW));
        }
        assertNull(leases.take(holder, NOW));
        assertTrue(givenBack.isEmpty());
    }

    @Test
    void leasesAreHeldPerCallerAndTheSweepGivesBackAndForgets() {
        leases.admit(holder, answer(99_992, NOW), 8, windows(NOW), NOW);
        Leases.Holder other = holder("k2");
        assertNull(leases.take(other, NOW), "another key has no lease");
        assertEquals(1, leases.nextGrant(other));
        leases.sweep(NOW + LIFETIME, 60_000);
        assertEquals(1, givenBack.size());
        assertEquals(7, givenBack.get(0).count());
        assertEquals(0, leases.held());
        assertEquals(1, leases.holders(), "a caller that only asked holds nothing");
        leases.sweep(NOW + 30_000, 60_000);
        assertEquals(1, leases.holders());
        leases.sweep(NOW + 120_000, 60_000);
        assertEquals(0, leases.holders(), "a caller idle for a minute is forgotten");
        assertEquals(1, givenBack.size());
    }

    @Test
    void atShutdownEveryUnusedRequestGoesBack() {
        leases.admit(holder, answer(99_992, NOW), 8, windows(NOW), NOW);
        leases.admit(holder("k2"), answer(99_988, NOW), 4, windows(NOW), NOW);
        leases.giveBackAll();
        assertEquals(7 + 3, givenBack.stream().mapToLong(Leases.Unused::count).sum());
        assertEquals(0, leases.held());
    }
}
