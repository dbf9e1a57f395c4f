package io.recruitsuite.keys.organizations;


import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.common.Ids;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.events.KeyEvents;
import io.recruitsuite.keys.keys.ApiKey;
import io.recruitsuite.keys.keys.ApiKeyRepository;
import io.recruitsuite.common.security.MemberStanding;
import io.recruitsuite.keys.plans.Plan;
import io.recruitsuite.keys.plans.PlansConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Operator-side administration: organizations, their plan and their members. */
@ApplicationScoped
public class OrganizationService {

    public static final String REVOKED_MEMBER_REMOVED = "member_removed";
    public static final String REVOKED_PLAN_WITHOUT_ACCESS = "plan_without_api_access";

    @Inject
    OrganizationRepository organizations;
    @Inject
    MemberRepository members;
    @Inject
    ApiKeyRepository keys;
    @Inject
    KeyEvents events;
    @Inject
    PlansConfig plans;

    @WithTransaction
    public Uni<Organization> create(String name, String plan) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.validation("name: must be 1 to 200 characters");
        }
        String wirePlan = Plan.parse(plan).wire();
        return organizations.persist(new Organization(Ids.newId("org"), name.strip(), wirePlan));
    }

    @WithSession
    public Uni<Organization> get(String id) {
        return organizations.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Organization"));
    }

    /** Changes the plan; a plan without API access also revokes every active key at once. */
    @WithTransaction
    public Uni<Organization> changePlan(String id, String plan) {
        String newPlan = Plan.parse(plan).wire();
        return organizations.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Organization"))
                .call(org -> {
                    if (org.plan.equals(newPlan)) {
                        return Uni.createFrom().voidItem();
                    }
                    String oldPlan = org.plan;
                    org.plan = newPlan;
                    return events.planChanged(id, oldPlan, newPlan)
                            .chain(() -> Plan.FREE.wire().equals(newPlan) ? revokeAll(keys.listUnrevoked(id), REVOKED_PLAN_WITHOUT_ACCESS)
                                    : Uni.createFrom().item(List.<ApiKey>of()));
                });
    }

    @WithTransaction
    public Uni<Member> addMember(String organizationId, String userId, String role) {
        return addMember(organizationId, userId, role, null, null);
    }

    /**
     * Adds a member, or changes an existing member's role; an email address or the OpenID provider's subject, when
     * given, is how the person signs in to the console (an existing member keeps what is not given).
     */
    @WithTransaction
    public Uni<Member> addMember(String organizationId, String userId, String role, String email, String identitySubject) {
        String normalisedEmail = MemberIdentity.email(email);
        String subject = MemberIdentity.subject(identitySubject);
        if (userId == null || userId.isBlank() || userId.length() > 100) {
            throw ApiException.validation("userId: must be 1 to 100 characters");
        }
        if (!Member.ROLES.contains(role)) {
            throw ApiException.validation("role: must be one of " + String.join(", ", Member.ROLES));
        }
        return organizations.findById(organizationId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Organization"))
                .chain(org -> members.find(organizationId, userId))
                .chain(existing -> {
                    Member member = existing != null ? existing : new Member(organizationId, userId, role);
                    member.role = role;
                    if (normalisedEmail != null) {
                        member.email = normalisedEmail;
                    }
                    if (subject != null) {
                        member.identitySubject = subject;
                    }
                    return existing != null ? Uni.createFrom().item(member) : members.persist(member);
                });
    }

    /** The memberships of a person signed in at the OpenID provider (see {@link MemberRepository#ofIdentity}). */
    @WithSession
    public Uni<List<Member>> membershipsOf(String subject, String verifiedEmail) {
        String checkedSubject = MemberIdentity.subject(subject);
        if (checkedSubject == null) {
            throw ApiException.validation("subject: required");
        }
        return members.ofIdentity(checkedSubject, MemberIdentity.email(verifiedEmail), MemberIdentity.MAX_MEMBERSHIPS);
    }

    /** Whether a user is a member now, their role, and whether the organization's plan includes API access. */
    @WithSession
    public Uni<MemberStanding> standing(String organizationId, String userId) {
        return organizations.findById(organizationId).chain(org -> org == null
                ? Uni.createFrom().item(MemberStanding.none(organizationId, userId))
                : members.find(organizationId, userId).map(member -> member == null
                        ? MemberStanding.none(organizationId, userId)
                        : new MemberStanding(true, organizationId, userId, member.role, org.plan, plans.of(Plan.parse(org.plan)).apiAccess())));
    }

    @WithSession
    public Uni<List<Member>> members(String organizationId) {
        return get(organizationId).chain(org -> members.listByOrganization(organizationId));
    }

    /** Removes a member and revokes every key they created, in one transaction. */
    @WithTransaction
    public Uni<Integer> removeMember(String organizationId, String userId) {
        return members.remove(organizationId, userId)
                .chain(deleted -> deleted ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ApiException.notFound("Member")))
                .chain(() -> revokeAll(keys.listUnrevokedCreatedBy(organizationId, userId), REVOKED_MEMBER_REMOVED))
                .call(revoked -> events.memberRemoved(organizationId, userId, revoked))
                .map(List::size);
    }

    private Uni<List<ApiKey>> revokeAll(Uni<List<ApiKey>> found, String reason) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return found.call(list -> {
            list.forEach(k -> k.revoke(now, reason));
            return events.keysRevoked(list, reason);
        });
    }
}
