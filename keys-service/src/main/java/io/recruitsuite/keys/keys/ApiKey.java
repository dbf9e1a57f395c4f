package io.recruitsuite.keys.keys;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored API key. The secret is not here, only its keyed hash. */
@Entity
@Table(name = "api_keys")
public class ApiKey implements OrganizationOwned {

    @Id
    public String id;
    @Column(name = "organization_id")
    public String organizationId;
    public String name;
    public String prefix;
    @Column(name = "secret_hash")
    public byte[] secretHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> scopes;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoked_reason")
    public String revokedReason;
    /** When the key was announced as inactive (key.inactive), cleared by the next use. */
    @Column(name = "inactivity_notified_at")
    public OffsetDateTime inactivityNotifiedAt;
    /** When the key was announced as expired (key.expired), once. */
    @Column(name = "expiry_notified_at")
    public OffsetDateTime expiryNotifiedAt;

    @Override
    public String organizationId() {
        return organizationId;
    }

    public KeyStatus status(OffsetDateTime now) {
        if (revokedAt != null) {
            return KeyStatus.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return KeyStatus.EXPIRED;
        }
        return KeyStatus.ACTIVE;
    }

    public void revoke(OffsetDateTime at, String reason) {
        revokedAt = at;
        revokedReason = reason;
    }
}
