package io.recruitsuite.gateway.auth;

import io.recruitsuite.common.security.KeyVerification;

/**
 * The cached outcome of verifying one key: its principal, or the reason it is refused. Negative
 * verdicts are cached too, so a flood of requests with a revoked key never reaches the keys-service.
 */
public record KeyVerdict(String prefix, String organizationId, Principal principal, KeyVerification.Refusal reason) {

    public boolean valid() {
        return principal != null;
    }
}
