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

    public String status(OffsetDateTime now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return "expired";
        }
        return "active";
    }
}
