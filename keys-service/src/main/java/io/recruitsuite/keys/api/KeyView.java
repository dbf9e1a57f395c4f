package io.recruitsuite.keys.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.recruitsuite.keys.keys.ApiKey;
import io.recruitsuite.keys.keys.KeyStatus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A key as the dashboard sees it: never the secret, never the hash. {@code key} is set once, at creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(
        String id,
        String prefix,
        String name,
        List<String> scopes,
        KeyStatus status,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime expiresAt,
        OffsetDateTime revokedAt,
        String key) {

    public static KeyView of(ApiKey k) {
        return of(k, null);
    }

    public static KeyView of(ApiKey k, String secret) {
        return new KeyView(k.id, k.prefix, k.name, k.scopes, k.status(OffsetDateTime.now(ZoneOffset.UTC)), k.createdBy,
                k.createdAt, k.lastUsedAt, k.expiresAt, k.revokedAt, secret);
    }
}
