package io.recruitsuite.common.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The keys-service's answer to "whose key is this?" ({@code POST /internal/v1/keys/verify}), as the
 * gateway reads it: the key's organization, scopes, plan and limits, or the outcome that refuses it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyVerification(
        boolean valid,
        Refusal reason,
        String organizationId,
        String keyId,
        String prefix,
        List<String> scopes,
        String plan,
        OffsetDateTime expiresAt,
        Limits limits) {

    /** Why a key is refused. */
    public enum Refusal {
        INVALID, REVOKED, EXPIRED, PLAN_WITHOUT_ACCESS;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Refusal fromWire(String wire) {
            for (Refusal refusal : values()) {
                if (refusal.wire().equals(wire)) {
                    return refusal;
                }
            }
            // a newer keys-service may know more reasons to refuse; the gateway refuses them too
            return INVALID;
        }
    }

    public record Limits(long monthlyRequests, int organizationPerMinute, int searchPerMinute, int keyPerMinute, int keyPerHour) {
    }

    public KeyVerification {
        if (valid == (reason != null)) {
            throw new IllegalArgumentException("a key is either valid or refused for a reason");
        }
    }

    public static KeyVerification refused(Refusal reason) {
        return new KeyVerification(false, reason, null, null, null, null, null, null, null);
    }

    public static KeyVerification accepted(String organizationId, String keyId, String prefix, List<String> scopes, String plan,
            OffsetDateTime expiresAt, Limits limits) {
        return new KeyVerification(true, null, organizationId, keyId, prefix, scopes, plan, expiresAt, limits);
    }
}
