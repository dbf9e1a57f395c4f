package io.recruitsuite.console.session;

import io.quarkus.oidc.IdToken;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in person of this request, as a member of an organization here. */
@RequestScoped
public class CurrentMember {

    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    MemberDirectory directory;

    public Uni<Membership> membership() {
        Object verified = idToken.getClaim("email_verified");
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(String.valueOf(verified));
        return directory.of(idToken.getSubject(), idToken.getClaim("email"), emailVerified);
    }

    /** What the page header shows: the provider's name or email of the person. */
    public String displayName() {
        String name = idToken.getClaim("name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String email = idToken.getClaim("email");
        return email != null ? email : idToken.getSubject();
    }
}
