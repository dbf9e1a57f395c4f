package io.recruitsuite.candidate.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;

/**
 * HQL projections of organization-owned rows (joins, a few attributes, aggregates), which the entity queries of
 * {@code OrganizationScopedRepository} do not cover. Used only by the scoped repositories; each query starts its
 * condition with the organization ({@code <alias>.organizationId = :organizationId and (…)}), checked here, and
 * the organization is bound here from the caller's. Runs in the caller's reactive session.
 */
public final class ScopedHql {

    static final String ORGANIZATION = "organizationId";

    private ScopedHql() {
    }

    /** {@code where <alias>.organizationId = :organizationId and (<condition>)}: the organization first, the condition kept in parentheses. */
    public static String where(String alias, String condition) {
        String tenant = " where " + alias + "." + ORGANIZATION + " = :" + ORGANIZATION;
        return condition == null || condition.isBlank() ? tenant : tenant + " and (" + condition + ")";
    }

    public static <R> Uni<List<R>> list(String hql, Class<R> type, String organizationId, Parameters parameters) {
        return Panache.getSession().chain(s -> bind(s.createSelectionQuery(hql, type), hql, organizationId, parameters).getResultList());
    }

    /** At most {@code limit} rows from {@code offset}. */
    public static <R> Uni<List<R>> list(String hql, Class<R> type, String organizationId, Parameters parameters, int offset, int limit) {
        return Panache.getSession().chain(s -> bind(s.createSelectionQuery(hql, type), hql, organizationId, parameters)
                .setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public static <R> Uni<R> single(String hql, Class<R> type, String organizationId, Parameters parameters) {
        return Panache.getSession().chain(s -> bind(s.createSelectionQuery(hql, type), hql, organizationId, parameters)
                .setMaxResults(1).getSingleResultOrNull());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, String hql, String organizationId, Parameters parameters) {
        if (organizationId == null) {
            throw new IllegalArgumentException("a scoped query needs an organization");
        }
        if (!hql.contains("." + ORGANIZATION + " = :" + ORGANIZATION)) {
            throw new IllegalArgumentException("not scoped to an organization: " + hql);
        }
        query.setParameter(ORGANIZATION, organizationId);
        Map<String, Object> values = parameters == null ? Map.of() : parameters.map();
        values.forEach(query::setParameter);
        return query;
    }
}
