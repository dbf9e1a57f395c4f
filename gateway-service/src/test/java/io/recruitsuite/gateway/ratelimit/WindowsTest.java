package io.recruitsuite.gateway.ratelimit;

import io.recruitsuite.gateway.auth.Principal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The windows a request counts against are sized by the limits its key's verification carried: the plan's, or an
 * organization's overrides when an operator set some. Nothing in the gateway decides a size on its own.
 */
class WindowsTest {

    private static final long NOW = 1_764_500_000_000L;

    static Principal key(Principal.Limits limits) {
        return new Principal("api_key", "org_w", "key:k1", "k1", "rsa_test_k1", null, List.of("search:read"), "professional", limits);
    }

    @Test
    void theDefaultWindowsOfSeedZeroZeroZero() {
        List<Window> general = Windows.forRequest(key(new Principal.Limits(-1, 60, 30, 300, 6000)), "general", NOW);
        assertEquals(List.of("organization-minute", "key-minute", "key-hour"), general.stream().map(Window::name).toList());
        assertEquals(List.of(60L, 300L, 6000L), general.stream().map(Window::limit).toList());
        assertEquals(List.of(Windows.MINUTE, Windows.MINUTE, Windows.HOUR), general.stream().map(Window::lengthMillis).toList());
        List<Window> search = Windows.forRequest(key(new Principal.Limits(-1, 60, 30, 300, 6000)), "search", NOW);
        assertEquals("search-minute", search.get(1).name());
        assertEquals(30, search.get(1).limit());
    }

    @Test
    void anOrganizationsOverriddenWindowsAreTheOnesApplied() {
        Principal.Limits overridden = new Principal.Limits(10_000, 7, 3, 50, 100);
        List<Window> windows = Windows.forRequest(key(overridden), "search", NOW);
        assertEquals(List.of("organization-minute", "search-minute", "key-minute", "key-hour", "monthly-quota"),
                windows.stream().map(Window::name).toList());
        assertEquals(List.of(7L, 3L, 50L, 100L, 10_000L), windows.stream().map(Window::limit).toList());
        // a 429 names the window with its size
        assertTrue(windows.get(0).description().contains("7 requests per minute"), windows.get(0).description());
        assertTrue(windows.get(3).description().contains("100 requests per hour"), windows.get(3).description());
    }

    @Test
    void theHeadersTellTheTightestOverriddenWindow() {
        List<Window> windows = Windows.forRequest(key(new Principal.Limits(-1, 7, 3, 50, 100)), "general", NOW);
        // the script's answer: allowed, nothing denied, no wait; then limit, remaining, reset (ms) per window
        long[] answer = {1, 0, 0, 7, 4, 20_000, 50, 47, 20_000, 100, 97, 1_800_000};
        Decision d = Windows.decide(windows, answer);
        assertTrue(d.allowed());
        assertNull(d.deniedBy());
        assertEquals("organization-minute", d.tightest().name());
        assertEquals(7, d.limit());
        assertEquals(4, d.remaining());
        assertEquals(20, d.resetSeconds());
    }
}
