package io.recruitsuite.webhook.endpoints;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A customer's webhook endpoint. {@code secret} and {@code previousSecret} are ciphertexts (see
 * {@code SecretBox}): a delivery needs the secret itself to sign, so it is encrypted, not hashed.
 */
@Entity
@Table(name = "webhook_endpoints")
public class Endpoint implements OrganizationOwned {

    /** Paused after a streak of failed attempts. */
    public static final String FAILING = "failing";
    /** Disabled because the receiver answered 410 Gone. */
    public static final String GONE = "gone";
    /** Disabled because the member who set it up (or whose API key did) was removed from the organization. */
    public static final String CREATOR_REMOVED = "creator_removed";
    /** Disabled by someone of the organization (the console's switch, or the API); nothing is queued until enabled. */
    public static final String DISABLED_BY_USER = "disabled_by_user";

    @Id
    public String id;
    @Column(name = "organization_id")
    public String organizationId;
    public String url;
    public String description;
    /** Subscribed event types; empty means every public type that {@link #readScopes} can read. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> events;
    /**
     * The read scopes of whoever created the endpoint or last changed its URL or subscriptions: it receives only the
     * event types and contact fields these could read ({@code EventAccess}); empty {@code events} means every type they can read.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "read_scopes")
    public List<String> readScopes = List.of();
    @Convert(converter = EndpointStatus.Column.class)
    public EndpointStatus status;
    /** Why the endpoint is paused or disabled ({@link #FAILING}, {@link #GONE}, {@link #CREATOR_REMOVED}); null while active. */
    @Column(name = "status_reason")
    public String statusReason;
    /**
     * Who set the endpoint up: the dashboard user of a session, or the prefix of an API key (what {@code member.removed}
     * names). Stamped at creation, at a URL change and at an enable after {@link #CREATOR_REMOVED}; both null when unknown
     * (endpoints made before they were recorded).
     */
    @Column(name = "creator_user_id")
    public String creatorUserId;
    @Column(name = "creator_key_prefix")
    public String creatorKeyPrefix;
    public byte[] secret;
    @Column(name = "previous_secret")
    public byte[] previousSecret;
    /** The key that sealed {@code secret} and {@code previousSecret}; null for secrets sealed before key ids. */
    @Column(name = "secret_key_id")
    public String secretKeyId;
    @Column(name = "previous_secret_until")
    public OffsetDateTime previousSecretUntil;
    /** Whether deliveries also carry the legacy {@code X-Webhook-Signature} (body only, no timestamp: replayable). */
    @Column(name = "legacy_signature")
    public boolean legacySignature = true;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Override
    public String organizationId() {
        return organizationId;
    }

    @PrePersist
    void created() {
        createdAt = now();
        updatedAt = createdAt;
        if (status == null) {
            status = EndpointStatus.ACTIVE;
        }
    }

    @PreUpdate
    void updated() {
        updatedAt = now();
    }

    private static OffsetDateTime now() {
        // PostgreSQL keeps microseconds: what the API answers at once equals what it reads later
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
