package io.recruitsuite.common.security;

/**
 * The keys-service's answer to "is this dashboard user still a member, and with what role?"
 * ({@code GET /internal/v1/organizations/{organizationId}/members/{userId}}). A session's token only
 * names the user; the gateway takes the role and the plan's API access from here, never from the token.
 */
public record MemberStanding(boolean member, String organizationId, String userId, String role, String plan, boolean apiAccess) {

    public static MemberStanding none(String organizationId, String userId) {
        return new MemberStanding(false, organizationId, userId, null, null, false);
    }
}
