package io.recruitsuite.common.security;

import io.recruitsuite.common.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** Who is calling, as the gateway's internal token says. Every tenant-scoped query starts here. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String organizationId() {
        String org = token.getClaim(InternalToken.ORGANIZATION);
        if (org == null || org.isBlank()) {
            throw ApiException.unauthorized("Missing or invalid credentials");
        }
        return org;
    }

    public Set<String> scopes() {
        return token.getGroups();
    }

    public boolean hasScope(String scope) {
        Set<String> groups = token.getGroups();
        return groups != null && groups.contains(scope);
    }

    public String keyPrefix() {
        return token.getClaim(InternalToken.KEY_PREFIX);
    }

    public String userId() {
        return InternalToken.AUTH_SESSION.equals(token.getClaim(InternalToken.AUTH)) ? token.getSubject() : null;
    }

    /** {@link InternalToken#AUTH_API_KEY}, {@link InternalToken#AUTH_SESSION} or {@link InternalToken#AUTH_SERVICE}. */
    public String authMethod() {
        return token.getClaim(InternalToken.AUTH);
    }

    public String role() {
        return token.getClaim(InternalToken.ROLE);
    }
}
