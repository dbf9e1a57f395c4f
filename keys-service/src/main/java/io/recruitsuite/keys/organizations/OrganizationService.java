package io.recruitsuite.keys.organizations;

import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.events.KeyEvents;
import io.recruitsuite.keys.keys.ApiKeyRepository;
import io.recruitsuite.keys.plans.Plan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Operator-side administration: organizations, their plan and their members. */
@ApplicationScoped
public class OrganizationService {

    public static final String REVOKED_MEMBER_REMOVED = "member_removed";
    public static final String REVOKED_PLAN_WITHOUT_ACCESS = "plan_without_api_access";

    @Inject
    Pool pool;
    @Inject
    OrganizationRepository organizations;
    @Inject
    ApiKeyRepository keys;
    @Inject
    KeyEvents events;

    public Uni<Organization> create(String name, String plan) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.validation("name: must be 1 to 200 characters");
        }
        String wirePlan = Plan.parse(plan).wire();
        return pool.withTransaction(tx -> organizations.insert(tx, Ids.newId("org"), name.strip(), wirePlan));
    }

    public Uni<Organization> get(String id) {
        return organizations.find(id).onItem().ifNull().failWith(() -> ApiException.notFound("Organization"));
    }

    /** Changes the plan; a plan without API access also revokes every active key at once. */
    public Uni<Organization> changePlan(String id, String plan) {
        String newPlan = Plan.parse(plan).wire();
        return pool.withTransaction(tx -> organizations.findForUpdate(tx, id)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Organization"))
                        .call(org -> org.plan().equals(newPlan) ? Uni.createFrom().voidItem()
                                : organizations.updatePlan(tx, id, newPlan)
                                .chain(() -> events.planChanged(tx, id, org.plan(), newPlan))
                                .chain(() -> Plan.FREE.wire().equals(newPlan)
                                        ? keys.revokeAllOfOrganization(tx, id, REVOKED_PLAN_WITHOUT_ACCESS)
                                        .chain(revoked -> events.keysRevoked(tx, revoked, REVOKED_PLAN_WITHOUT_ACCESS))
                                        : Uni.createFrom().voidItem())))
                .chain(() -> get(id));
    }

    public Uni<Member> addMember(String organizationId, String userId, String role) {
        if (userId == null || userId.isBlank() || userId.length() > 100) {
            throw ApiException.validation("userId: must be 1 to 100 characters");
        }
        if (!Member.ROLES.contains(role)) {
            throw ApiException.validation("role: must be one of " + String.join(", ", Member.ROLES));
        }
        return pool.withTransaction(tx -> organizations.findForUpdate(tx, organizationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Organization"))
                .chain(org -> organizations.upsertMember(tx, organizationId, userId, role)));
    }

    public Uni<List<Member>> members(String organizationId) {
        return get(organizationId).chain(org -> organizations.listMembers(organizationId));
    }

    /** Removes a member and revokes every key they created, in one transaction. */
    public Uni<Integer> removeMember(String organizationId, String userId) {
        return pool.withTransaction(tx -> organizations.deleteMember(tx, organizationId, userId)
                .chain(deleted -> deleted ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ApiException.notFound("Member")))
                .chain(() -> keys.revokeCreatedBy(tx, organizationId, userId, REVOKED_MEMBER_REMOVED))
                .call(revoked -> events.keysRevoked(tx, revoked, REVOKED_MEMBER_REMOVED))
                .call(revoked -> events.memberRemoved(tx, organizationId, userId, revoked))
                .map(List::size));
    }
}
