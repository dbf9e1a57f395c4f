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

    /**
     * From the fields that tell callers apart: the gateway looks a caller up in its token and lease maps on
     * every request, and the generated hash would walk the scopes and limits each time. Equality stays whole.
     */
    @Override
    public int hashCode() {
        return (31 * java.util.Objects.hashCode(organizationId) + java.util.Objects.hashCode(subject)) * 31
                + java.util.Objects.hashCode(keyId);
    }

    public record Limits(long monthlyRequests, int organizationPerMinute, int searchPerMinute, int keyPerMinute, int keyPerHour) {
    }
}
