package io.recruitsuite.keys.keys;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/** What the gateway learns about a presented key: who it belongs to and what it may do, or why it fails. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyResult(
        boolean valid,
        String reason,
        String organizationId,
        String keyId,
        String prefix,
        List<String> scopes,
        String plan,
        OffsetDateTime expiresAt,
        Limits limits) {

    public static final String INVALID = "invalid";
    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";
    public static final String PLAN_WITHOUT_ACCESS = "plan_without_access";

    public record Limits(long monthlyRequests, int organizationPerMinute, int searchPerMinute, int keyPerMinute, int keyPerHour) {
    }

    public static VerifyResult failure(String reason) {
        return new VerifyResult(false, reason, null, null, null, null, null, null, null);
    }
}
