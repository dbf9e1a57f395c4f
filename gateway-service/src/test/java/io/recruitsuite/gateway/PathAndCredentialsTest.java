package io.recruitsuite.gateway;

import io.recruitsuite.gateway.auth.Credentials;
import io.recruitsuite.gateway.routing.GatewayHandlerAccess;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathAndCredentialsTest {

    @Test
    void onlyCanonicalPathsPass() {
        assertTrue(GatewayHandlerAccess.isCanonical("/api/v1/candidates/cand_1", "/api/v1/candidates/cand_1?page=2"));
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/candidates/../keys", "/api/v1/candidates/../keys"));
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/candidates/x", "/api/v1/candidates/%2e%2e/keys"));
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/candidates/x", "/api/v1/candidates%2Fx"));
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1//candidates", "/api/v1//candidates"));
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/a\\b", "/api/v1/a\\b"));
        assertTrue(GatewayHandlerAccess.isCanonical("/api/v1/search", "/api/v1/search?q=a%2Fb%5Cc%2E"), "query values are free");
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/candidates/x", "/api/v1/candidates/x%5C"), "an escape at the path's end");
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/candidates/x", "/api/v1/candidates/x%2f?page=1"));
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/candidates/..", "/api/v1/candidates/.."), "a dot segment at the end");
        assertFalse(GatewayHandlerAccess.isCanonical("/api/v1/./candidates", "/api/v1/./candidates"));
        assertTrue(GatewayHandlerAccess.isCanonical("/api/v1/candidates/a..b", "/api/v1/candidates/a..b"), "dots inside a name are a name");
        assertTrue(GatewayHandlerAccess.isCanonical("/api/v1/candidates/.x", "/api/v1/candidates/.x%41"));
    }

    private static HttpServerRequest request(String... headers) {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < headers.length; i += 2) {
            map.add(headers[i], headers[i + 1]);
        }
        return (HttpServerRequest) Proxy.newProxyInstance(HttpServerRequest.class.getClassLoader(), new Class<?>[]{HttpServerRequest.class},
                // a header is asked for by String or by a prepared CharSequence, as the real request allows
                (proxy, method, args) -> method.getName().equals("getHeader") ? map.get((CharSequence) args[0]) : null);
    }

    @Test
    void readsTheThreeDocumentedWaysToPresentAKey() {
        assertEquals(new Credentials(Credentials.Kind.API_KEY, "rsa_live_x"), Credentials.from(request("Authorization", "Bearer rsa_live_x")));
        assertEquals(new Credentials(Credentials.Kind.API_KEY, "rsa_live_x"), Credentials.from(request("Authorization", "token rsa_live_x")));
        assertEquals(new Credentials(Credentials.Kind.API_KEY, "rsa_live_x"), Credentials.from(request("X-API-Key", "rsa_live_x")));
        assertEquals(Credentials.Kind.JWT, Credentials.from(request("Authorization", "Bearer eyJhbGciOi.x.y")).kind());
        assertEquals(Credentials.Kind.NONE, Credentials.from(request()).kind());
        assertEquals(Credentials.Kind.MALFORMED, Credentials.from(request("Authorization", "Basic dXNlcjpwYXNz")).kind());
        assertEquals(Credentials.Kind.MALFORMED, Credentials.from(request("Authorization", "Bearer")).kind());
        assertEquals(Credentials.Kind.MALFORMED, Credentials.from(request("Authorization", "Bearer rsa_a", "X-API-Key", "rsa_b")).kind());
        assertEquals(Credentials.Kind.MALFORMED, Credentials.from(request("Authorization", "Bearer " + "a".repeat(9000))).kind());
    }
}
