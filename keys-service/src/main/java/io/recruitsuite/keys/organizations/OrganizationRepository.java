package io.recruitsuite.keys.organizations;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Organizations are the tenants themselves: the operator API addresses them by id, so their repository
 * is the plain Panache one.
 */
@ApplicationScoped
@WithSession
public class OrganizationRepository implements PanacheRepositoryBase<Organization, String> {
}
