package io.recruitsuite.common.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;

/**
 * The base of every repository of an organization-owned aggregate. Its queries exist only in scoped form:
 * each takes the organization first and filters by it, so a query that forgets the tenant cannot be
 * written against these repositories (they deliberately do not implement {@code PanacheRepositoryBase},
 * whose finders are unscoped). The few system tasks that must look across organizations (a key looked up
 * by its prefix, the lifecycle jobs) say so through {@link #acrossOrganizations()}.
 * Runs in the caller's reactive session ({@code @WithSession}/{@code @WithTransaction}).
 */
public abstract class OrganizationScopedRepository<E extends OrganizationOwned> {

    static final String ORGANIZATION = "organizationId";

    private final Class<E> type;

    protected OrganizationScopedRepository(Class<E> type) {
        this.type = type;
    }

    /** The HQL condition of a scoped query: the organization, and {@code where} (kept in parentheses, so an "or" cannot widen it). */
    static String scoped(String where) {
        String tenant = ORGANIZATION + " = :" + ORGANIZATION;
        return where == null || where.isBlank() ? tenant : tenant + " and (" + where + ")";
    }

    private String from(String where, String orderBy) {
        return "from " + type.getSimpleName() + " where " + scoped(where) + (orderBy == null ? "" : " order by " + orderBy);
    }

    /** This organization's entity with this id, or null: another organization's is never returned. */
    public Uni<E> findById(String organizationId, Object id) {
        return Panache.getSession().chain(s -> s.find(type, id))
                .map(e -> e != null && organizationId.equals(e.organizationId()) ? e : null);
    }

    /**
     * As {@link #findById(String, Object)}, with the row locked until the transaction ends. The lock
     * statement itself names the organization ({@code … where organization = ? and id = ? for update}),
     * so another organization's request for this id matches no row and neither takes nor waits for its lock.
     */
    public Uni<E> findByIdForUpdate(String organizationId, Object id) {
        if (organizationId == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("a scoped query needs an organization"));
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(lockById(), type)
                .setParameter(ORGANIZATION, organizationId)
                .setParameter("id", id)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull());
    }

    /** The HQL of {@link #findByIdForUpdate(String, Object)}: the scoped condition and the entity's id. */
    String lockById() {
        return "from " + type.getSimpleName() + " e where " + scoped("id(e) = :id");
    }

    public Uni<E> persist(E entity) {
        if (entity.organizationId() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException(type.getSimpleName() + " without an organization"));
        }
        return Panache.getSession().chain(s -> s.persist(entity)).replaceWith(entity);
    }

    protected Uni<E> single(String organizationId, String where, Parameters parameters) {
        return Panache.getSession().chain(s -> bind(s.createSelectionQuery(from(where, null), type), organizationId, parameters)
                .getSingleResultOrNull());
    }

    protected Uni<List<E>> list(String organizationId, String where, String orderBy, Parameters parameters) {
        return Panache.getSession().chain(s -> bind(s.createSelectionQuery(from(where, orderBy), type), organizationId, parameters)
                .getResultList());
    }

    /** One page of {@link #list(String, String, String, Parameters)}: {@code limit} rows from {@code offset}. */
    protected Uni<List<E>> list(String organizationId, String where, String orderBy, Parameters parameters, int offset, int limit) {
        return Panache.getSession().chain(s -> bind(s.createSelectionQuery(from(where, orderBy), type), organizationId, parameters)
                .setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    protected Uni<Long> count(String organizationId, String where, Parameters parameters) {
        String hql = "select count(*) from " + type.getSimpleName() + " where " + scoped(where);
        return Panache.getSession().chain(s -> bind(s.createSelectionQuery(hql, Long.class), organizationId, parameters).getSingleResult());
    }

    protected Uni<Integer> update(String organizationId, String set, String where, Parameters parameters) {
        String hql = "update " + type.getSimpleName() + " set " + set + " where " + scoped(where);
        return Panache.getSession().chain(s -> bind(s.createMutationQuery(hql), organizationId, parameters).executeUpdate());
    }

    protected Uni<Integer> delete(String organizationId, String where, Parameters parameters) {
        String hql = "delete from " + type.getSimpleName() + " where " + scoped(where);
        return Panache.getSession().chain(s -> bind(s.createMutationQuery(hql), organizationId, parameters).executeUpdate());
    }

    /** Queries across every organization, for system tasks only; the name makes each use stand out in review. */
    protected CrossOrganization acrossOrganizations() {
        return new CrossOrganization();
    }

    protected final class CrossOrganization {

        public Uni<List<E>> list(String where, Parameters parameters, LockMode lock) {
            return list(where, parameters, lock, Integer.MAX_VALUE);
        }

        /** At most {@code limit} rows. */
        public Uni<List<E>> list(String where, Parameters parameters, LockMode lock, int limit) {
            return Panache.getSession().chain(s -> {
                Mutiny.SelectionQuery<E> query = s.createSelectionQuery("from " + type.getSimpleName() + " where " + where, type);
                parameters.map().forEach(query::setParameter);
                if (lock != null) {
                    query.setLockMode(lock);
                }
                if (limit < Integer.MAX_VALUE) {
                    query.setMaxResults(limit);
                }
                return query.getResultList();
            });
        }

        public <R> Uni<R> single(String hql, Class<R> result, Parameters parameters) {
            return Panache.getSession().chain(s -> {
                Mutiny.SelectionQuery<R> query = s.createSelectionQuery(hql, result);
                parameters.map().forEach(query::setParameter);
                return query.getSingleResultOrNull();
            });
        }
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, String organizationId, Parameters parameters) {
        if (organizationId == null) {
            throw new IllegalArgumentException("a scoped query needs an organization");
        }
        query.setParameter(ORGANIZATION, organizationId);
        Map<String, Object> values = parameters == null ? Map.of() : parameters.map();
        values.forEach(query::setParameter);
        return query;
    }
}
