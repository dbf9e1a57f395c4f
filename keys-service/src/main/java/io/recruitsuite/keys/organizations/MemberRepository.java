package io.recruitsuite.keys.organizations;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class MemberRepository extends OrganizationScopedRepository<Member> {

    public MemberRepository() {
        super(Member.class);
    }

    public Uni<Member> find(String organizationId, String userId) {
        return single(organizationId, "userId = :userId", Parameters.with("userId", userId));
    }

    public Uni<List<Member>> listByOrganization(String organizationId) {
        return list(organizationId, null, "createdAt, userId", null);
    }

    /**
     * Every membership of a person signed in at an OpenID provider, across organizations (the console must learn the
     * organization from here, never from the provider's token): by the provider's subject, or else by an email address
     * the provider verified. Oldest membership first.
     */
    public Uni<List<Member>> ofIdentity(String subject, String verifiedEmail, int limit) {
        String where = verifiedEmail == null
                ? "identitySubject = :subject"
                : "identitySubject = :subject or (identitySubject is null and email = :email)";
        Parameters parameters = Parameters.with("subject", subject);
        if (verifiedEmail != null) {
            parameters = parameters.and("email", verifiedEmail);
        }
        return acrossOrganizations().list(where + " order by createdAt, organizationId", parameters, null, limit);
    }

    public Uni<Boolean> remove(String organizationId, String userId) {
        return delete(organizationId, "userId = :userId", Parameters.with("userId", userId)).map(deleted -> deleted > 0);
    }
}
