package io.recruitsuite.keys.limits;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** One row per organization with overrides, addressed by the organization's id (the operator API's and the caller's). */
@ApplicationScoped
@WithSession
public class OrganizationLimitsRepository implements PanacheRepositoryBase<OrganizationLimits, String> {
}
