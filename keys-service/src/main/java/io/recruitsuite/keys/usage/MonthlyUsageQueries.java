package io.recruitsuite.keys.usage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * Monthly request counters: an upsert that adds to the month's count in one statement (native SQL: HQL
 * has no insert-or-add), in the caller's transaction. A report for an organization that no longer
 * exists adds nothing.
 */
@ApplicationScoped
public class MonthlyUsageQueries {

    static final String ADD = "insert into key_usage_monthly (organization_id, month, requests) "
            + "select cast(:organizationId as text), cast(:month as date), cast(:requests as bigint) "
            + "where exists (select 1 from organizations where id = cast(:organizationId as text)) "
            + "on conflict (organization_id, month) do update set requests = key_usage_monthly.requests + excluded.requests";

    static final String REQUESTS = "select requests from key_usage_monthly "
            + "where organization_id = cast(:organizationId as text) and month = cast(:month as date)";

    /** The organization's count for the month; 0 when nothing was reported yet. */
    public Uni<Long> requests(String organizationId, LocalDate month) {
        return Panache.getSession().chain(s -> s.createNativeQuery(REQUESTS, Long.class)
                        .setParameter("organizationId", organizationId)
                        .setParameter("month", month)
                        .getResultList())
                .map(rows -> rows.isEmpty() || rows.get(0) == null ? 0L : ((Number) rows.get(0)).longValue());
    }

    public Uni<Void> add(String organizationId, LocalDate month, long requests) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ADD)
                        .setParameter("organizationId", organizationId)
                        .setParameter("month", month)
                        .setParameter("requests", requests)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
