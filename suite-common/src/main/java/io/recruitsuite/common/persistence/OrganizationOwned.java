package io.recruitsuite.common.persistence;

/** An entity that belongs to one organization; its repository extends {@link OrganizationScopedRepository}. */
public interface OrganizationOwned {

    String organizationId();
}
