package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.security.KeyVerification;

import java.time.Instant;

/**
 * The cached outcome of verifying one key: its principal and when it expires, or the reason it is refused.
 * Negative verdicts are cached too, so a flood of requests with a revoked key never reaches the keys-service.
 * A cached verdict is checked against {@code expiresAt} on every request, so a key stops working at the
 * second it expires, whatever the cache, the lifecycle job or Kafka are doing.
 */
public record KeyVerdict(String prefix, String organizationId, Principal principal, KeyVerification.Refusal reason, Instant expiresAt) {

    public KeyVerdict(String prefix, String organizationId, Principal principal, KeyVerification.Refusal reason) {
        this(prefix, organizationId, principal, reason, null);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean valid() {
        return principal != null;
    }
}
