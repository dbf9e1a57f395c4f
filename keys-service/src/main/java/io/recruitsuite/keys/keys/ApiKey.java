package io.recruitsuite.keys.keys;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored API key. The secret is not here, only its keyed hash. */
public record ApiKey(
        String id,
        String organizationId,
        String name,
        String prefix,
        byte[] secretHash,
        List<String> scopes,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt,
        String revokedReason) {

    public KeyStatus status(OffsetDateTime now) {
        if (revokedAt != null) {
            return KeyStatus.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return KeyStatus.EXPIRED;
        }
        return KeyStatus.ACTIVE;
    }
}
