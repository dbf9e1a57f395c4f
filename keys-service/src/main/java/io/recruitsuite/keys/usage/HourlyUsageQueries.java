package io.recruitsuite.keys.usage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Requests and error answers per organization and hour: an upsert that adds to the hour's counts in one statement
 * (native SQL, as for the monthly counters), in the caller's transaction.
 */
@ApplicationScoped
public class HourlyUsageQueries {

    static final String ADD = "insert into usage_hourly (organization_id, hour, requests, errors) "
            + "select cast(:organizationId as text), cast(:hour as timestamptz), cast(:requests as bigint), cast(:errors as bigint) "
            + "where exists (select 1 from organizations where id = cast(:organizationId as text)) "
            + "on conflict (organization_id, hour) do update set requests = usage_hourly.requests + excluded.requests, "
            + "errors = usage_hourly.errors + excluded.errors";

    static final String SINCE = "select hour, requests, errors from usage_hourly "
            + "where organization_id = cast(:organizationId as text) and hour >= cast(:since as timestamptz) order by hour";

    static final String PURGE = "delete from usage_hourly where hour < cast(:before as timestamptz)";

    public record Hour(OffsetDateTime hour, long requests, long errors) {
    }

    public Uni<Void> add(String organizationId, OffsetDateTime hour, long requests, long errors) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ADD)
                        .setParameter("organizationId", organizationId)
                        .setParameter("hour", hour)
                        .setParameter("requests", requests)
                        .setParameter("errors", errors)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The organization's hours from {@code since} on that had any request, oldest first. */
    public Uni<List<Hour>> since(String organizationId, OffsetDateTime since) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SINCE, Object[].class)
                        .setParameter("organizationId", organizationId)
                        .setParameter("since", since)
                        .getResultList())
                .map(rows -> rows.stream().map(HourlyUsageQueries::hour).toList());
    }

    public Uni<Integer> purgeBefore(OffsetDateTime before) {
        return Panache.getSession().chain(s -> s.createNativeQuery(PURGE).setParameter("before", before).executeUpdate());
    }

    private static Hour hour(Object[] row) {
        Object at = row[0];
        OffsetDateTime hour = at instanceof OffsetDateTime o ? o
                : at instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                : ((java.sql.Timestamp) at).toInstant().atOffset(java.time.ZoneOffset.UTC);
        return new Hour(hour, ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
