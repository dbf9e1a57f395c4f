package io.recruitsuite.gateway;

import io.recruitsuite.gateway.routing.RouteTable;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    record R(String path, String upstream, Optional<String> readScope, Optional<String> writeScope, String auth,
             String rateClass, Optional<MemorySize> maxBody, boolean uploads) implements GatewayConfig.Route {
        @Override
        public boolean secretAnswers() {
            return path.startsWith("/api/v1/keys");
        }
    }

    private final RouteTable table = new RouteTable(List.of(
            new R("/api/v1/search/**", "search", Optional.of("search:read"), Optional.of("search:read"), "api-key", "search", Optional.of(new MemorySize(BigInteger.valueOf(65536))), false),
            new R("/api/v1/candidates/**", "candidate", Optional.of("candidates:read"), Optional.of("candidates:write"), "api-key", "general", Optional.empty(), true),
            new R("/api/v1/keys/**", "keys", Optional.empty(), Optional.empty(), "session", "general", Optional.empty(), false)), 1_048_576);

    @Test
    void matchesPrefixesAndPicksTheScopeByMethod() {
        var get = table.match("GET", "/api/v1/candidates/cand_1").orElseThrow();
        assertEquals("candidate", get.upstream());
        assertEquals(Optional.of("candidates:read"), get.scope());
        assertTrue(get.uploads());
        assertEquals(1_048_576, get.maxBody());
        assertEquals(65536, table.match("POST", "/api/v1/search/feedback").orElseThrow().maxBody());
        assertEquals(Optional.of("candidates:write"), table.match("DELETE", "/api/v1/candidates/cand_1").orElseThrow().scope());
        assertEquals(Optional.of("candidates:read"), table.match("GET", "/api/v1/candidates").orElseThrow().scope());
        assertEquals("search", table.match("POST", "/api/v1/search").orElseThrow().rateClass());
        assertEquals(RouteTable.Auth.SESSION, table.match("POST", "/api/v1/keys").orElseThrow().auth());
    }

    @Test
    void doesNotMatchLookAlikes() {
        assertTrue(table.match("GET", "/api/v1/candidatesX").isEmpty());
        assertTrue(table.match("GET", "/api/v1/searching").isEmpty());
        assertTrue(table.match("GET", "/api/v2/candidates").isEmpty());
    }
}
