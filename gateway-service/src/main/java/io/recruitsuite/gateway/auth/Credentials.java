package io.recruitsuite.gateway.auth;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the client presented: an API key ({@code Authorization: Bearer|token <key>} or
 * {@code X-API-Key}), a dashboard JWT ({@code Authorization: Bearer <jwt>}), or nothing usable.
 */
public record Credentials(Kind kind, String value) {

    public enum Kind { API_KEY, JWT, NONE, MALFORMED }

    public static final int MAX_LENGTH = 8192;

    // looked up on every request: names made once, their hash with them, instead of hashed anew per look-up
    private static final CharSequence API_KEY_HEADER = HttpHeaders.createOptimized("X-API-Key");

    public static Credentials from(HttpServerRequest request) {
        String apiKeyHeader = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (apiKeyHeader != null && authorization != null) {
            return new Credentials(Kind.MALFORMED, null);
        }
        if (apiKeyHeader != null) {
            String key = apiKeyHeader.strip();
            return key.startsWith("rsa_") && key.length() < MAX_LENGTH ? new Credentials(Kind.API_KEY, key) : new Credentials(Kind.MALFORMED, null);
        }
        if (authorization == null) {
            return new Credentials(Kind.NONE, null);
        }
        if (authorization.length() > MAX_LENGTH) {
            return new Credentials(Kind.MALFORMED, null);
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return new Credentials(Kind.MALFORMED, null);
        }
        String scheme = authorization.substring(0, space);
        String value = authorization.substring(space + 1).strip();
        if (value.isEmpty()) {
            return new Credentials(Kind.MALFORMED, null);
        }
        if (scheme.equalsIgnoreCase("token")) {
            return new Credentials(Kind.API_KEY, value);
        }
        if (scheme.equalsIgnoreCase("bearer")) {
            return value.startsWith("rsa_") ? new Credentials(Kind.API_KEY, value) : new Credentials(Kind.JWT, value);
        }
        return new Credentials(Kind.MALFORMED, null);
    }

    @Override
    public String toString() {
        return "Credentials[" + kind + "]";
    }
}
