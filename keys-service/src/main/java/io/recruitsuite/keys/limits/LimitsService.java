package io.recruitsuite.keys.limits;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.recruitsuite.common.error.ApiException;
import io.recruitsuite.keys.events.KeyEvents;
import io.recruitsuite.keys.organizations.Organization;
import io.recruitsuite.keys.organizations.OrganizationRepository;
import io.recruitsuite.keys.plans.Plan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

/**
 * Operator-side overrides of an organization's rate-limit windows. Every change is announced on the key
 * events topic in its transaction ({@code organization.limits_changed}): the gateways drop the organization's
 * cached key verdicts, and their next verification carries the new windows.
 */
@ApplicationScoped
public class LimitsService {

    @Inject
    OrganizationRepository organizations;
    @Inject
    OrganizationLimitsRepository limits;
    @Inject
    LimitsResolver resolver;
    @Inject
    KeyEvents events;

    @WithSession
    public Uni<LimitsView> get(String organizationId) {
        return organization(organizationId, LockModeType.NONE)
                .chain(org -> limits.findById(organizationId).map(row -> view(org, row)));
    }

    /** Replaces the organization's overrides with {@code requested}: a window left out goes back to the plan's value. */
    @WithTransaction
    public Uni<LimitsView> set(String organizationId, LimitOverrides requested) {
        LimitOverrides valid = resolver.validate(requested);
        // the organization's row is locked so concurrent changes are announced in the order they are stored
        return organization(organizationId, LockModeType.PESSIMISTIC_WRITE)
                .chain(org -> limits.findById(organizationId)
                        .chain(row -> {
                            if (row == null) {
                                OrganizationLimits created = new OrganizationLimits(organizationId);
                                created.replaceWith(valid);
                                return limits.persist(created);
                            }
                            row.replaceWith(valid);
                            return Uni.createFrom().item(row);
                        })
                        .call(limits::flush)
                        .call(row -> announce(org, row))
                        .map(row -> view(org, row)));
    }

    /** Drops every override: the organization gets its plan's windows again. */
    @WithTransaction
    public Uni<LimitsView> reset(String organizationId) {
        return organization(organizationId, LockModeType.PESSIMISTIC_WRITE)
                .chain(org -> limits.findById(organizationId)
                        .call(row -> row == null ? Uni.createFrom().voidItem() : limits.delete(row).call(() -> announce(org, null)))
                        .map(row -> view(org, null)));
    }

    private Uni<Organization> organization(String id, LockModeType lock) {
        return organizations.findById(id, lock).onItem().ifNull().failWith(() -> ApiException.notFound("Organization"));
    }

    private Uni<Void> announce(Organization org, OrganizationLimits row) {
        return events.limitsChanged(org.id, resolver.resolve(Plan.parse(org.plan), OrganizationLimits.overridesOf(row)).values());
    }

    private LimitsView view(Organization org, OrganizationLimits row) {
        Plan plan = Plan.parse(org.plan);
        return new LimitsView(org.id, plan.wire(), resolver.forPlan(plan).values(), OrganizationLimits.overridesOf(row),
                resolver.resolve(plan, OrganizationLimits.overridesOf(row)).values(), row == null ? null : row.updatedAt);
    }
}
