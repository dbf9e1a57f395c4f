package io.recruitsuite.candidate.interviews;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Interviews, always within one organization. */
@ApplicationScoped
@WithSession
public class InterviewRepository extends OrganizationScopedRepository<Interview> {

    /** List filters, each optional; {@code from}/{@code to} bound the start time (from inclusive, to exclusive). */
    public record Filter(String applicationId, String candidateId, String jobId, OffsetDateTime from, OffsetDateTime to, String status) {
    }

    public InterviewRepository() {
        super(Interview.class);
    }

    public Uni<List<Interview>> page(String organizationId, Filter filter, int offset, int limit) {
        Condition c = condition(filter);
        return list(organizationId, c.where(), Keyset.ORDER, c.parameters(), offset, limit);
    }

    public Uni<List<Interview>> after(String organizationId, Filter filter, Cursor cursor, int limit) {
        Condition c = condition(filter);
        return list(organizationId, Keyset.and(c.where(), Keyset.after(null, cursor)), Keyset.ORDER, Keyset.bind(c.parameters(), cursor),
                0, limit);
    }

    public Uni<Long> count(String organizationId, Filter filter) {
        Condition c = condition(filter);
        return count(organizationId, c.where(), c.parameters());
    }

    /** The interviews of these applications (cancelled ones too), earliest first. */
    public Uni<List<Interview>> ofApplications(String organizationId, List<String> applicationIds) {
        return list(organizationId, "applicationId in :ids", "startsAt, id", Parameters.with("ids", applicationIds));
    }

    /**
     * Takes the calendar row of each interviewer until the transaction ends (an upsert locks the row it meets), in one
     * order for every booking so that two bookings sharing people cannot deadlock. The overlap check runs after it.
     */
    public Uni<Void> lockCalendars(String organizationId, List<String> interviewerKeys) {
        List<String> sorted = interviewerKeys.stream().sorted().distinct().toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : sorted) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "insert into interviewer_calendars (organization_id, interviewer) values (:org, :who) "
                                    + "on conflict (organization_id, interviewer) do update set booked_at = clock_timestamp()")
                    .setParameter("org", organizationId).setParameter("who", key).executeUpdate()).replaceWithVoid());
        }
        return chain;
    }

    /** A scheduled interview other than {@code self} that shares an interviewer and overlaps [startsAt, endsAt), or null. */
    public Uni<Interview> overlapping(String organizationId, String self, List<String> interviewerKeys, OffsetDateTime startsAt,
                                      OffsetDateTime endsAt) {
        Parameters p = Parameters.with("scheduled", Interview.SCHEDULED).and("self", self == null ? "" : self)
                .and("startsAt", startsAt).and("endsAt", endsAt);
        List<String> anyOf = new ArrayList<>();
        for (int i = 0; i < interviewerKeys.size(); i++) {
            // the containment the GIN index on interviewer_keys serves, typed as the column's elements (text)
            anyOf.add("cast(sql('? @> array[cast(? as text)]', interviewerKeys, :who" + i + ") as Boolean)");
            p.and("who" + i, interviewerKeys.get(i));
        }
        String where = "status = :scheduled and id <> :self and startsAt < :endsAt and endsAt > :startsAt and ("
                + String.join(" or ", anyOf) + ")";
        return list(organizationId, where, "startsAt, id", p, 0, 1).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private record Condition(String where, Parameters parameters) {
    }

    private static Condition condition(Filter f) {
        List<String> and = new ArrayList<>();
        Parameters p = new Parameters();
        if (f.applicationId() != null) {
            and.add("applicationId = :applicationId");
            p.and("applicationId", f.applicationId());
        }
        if (f.candidateId() != null) {
            and.add("candidateId = :candidateId");
            p.and("candidateId", f.candidateId());
        }
        if (f.jobId() != null) {
            and.add("jobId = :jobId");
            p.and("jobId", f.jobId());
        }
        if (f.from() != null) {
            and.add("startsAt >= :from");
            p.and("from", f.from());
        }
        if (f.to() != null) {
            and.add("startsAt < :to");
            p.and("to", f.to());
        }
        if (f.status() != null) {
            and.add("status = :status");
            p.and("status", f.status());
        }
        return new Condition(and.isEmpty() ? null : String.join(" and ", and), p);
    }
}
