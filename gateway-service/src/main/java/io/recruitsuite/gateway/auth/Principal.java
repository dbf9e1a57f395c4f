package io.recruitsuite.gateway.auth;

import java.util.List;

/**
 * An authenticated caller, as the gateway forwards it: for an API key the key's organization,
 * prefix, scopes, plan and limits; for a dashboard session the user, role and role scopes.
 */
public record Principal(
        String authMethod,
        String organizationId,
        String subject,
        String keyId,
        String keyPrefix,
        String role,
        List<String> scopes,
        String plan,
        Limits limits) {

    public record Limits(long monthlyRequests, int organizationPerMinute, int searchPerMinute, int keyPerMinute, int keyPerHour) {
    }
}
