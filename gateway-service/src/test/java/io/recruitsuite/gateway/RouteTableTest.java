package io.recruitsuite.gateway;

import io.recruitsuite.gateway.routing.RouteTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    record R(String path, String upstream, Optional<String> readScope, Optional<String> writeScope, String auth,
             String rateClass, String maxBody) implements GatewayConfig.Route {
    }

    private final RouteTable table = new RouteTable(List.of(
            new R("/api/v1/search/**", "search", Optional.of("search:read"), Optional.of("search:read"), "api-key", "search", "default"),
            new R("/api/v1/candidates/**", "candidate", Optional.of("candidates:read"), Optional.of("candidates:write"), "api-key", "general", "upload"),
            new R("/api/v1/keys/**", "keys", Optional.empty(), Optional.empty(), "session", "general", "default")));

    @Test
    void matchesPrefixesAndPicksTheScopeByMethod() {
        var get = table.match("GET", "/api/v1/candidates/cand_1").orElseThrow();
        assertEquals("candidate", get.upstream());
        assertEquals(Optional.of("candidates:read"), get.scope());
        assertTrue(get.upload());
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
