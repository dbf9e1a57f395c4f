package io.recruitsuite.console.session;

/** The organization and role a signed-in person has, as the keys-service says (never as the provider's token says). */
public record Membership(String organizationId, String userId, String role) {

    public boolean canWrite() {
        return "owner".equals(role) || "admin".equals(role);
    }
}
