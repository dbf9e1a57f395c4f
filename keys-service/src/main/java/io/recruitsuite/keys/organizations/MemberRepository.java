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

    public Uni<Boolean> remove(String organizationId, String userId) {
        return delete(organizationId, "userId = :userId", Parameters.with("userId", userId)).map(deleted -> deleted > 0);
    }
}
