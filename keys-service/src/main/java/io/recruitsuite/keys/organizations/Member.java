package io.recruitsuite.keys.organizations;

import java.time.OffsetDateTime;
import java.util.List;

public record Member(String organizationId, String userId, String role, OffsetDateTime createdAt) {

    public static final List<String> ROLES = List.of("owner", "admin", "member");

    public boolean canManageKeys() {
        return "owner".equals(role) || "admin".equals(role);
    }
}
