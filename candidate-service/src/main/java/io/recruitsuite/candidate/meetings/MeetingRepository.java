package io.recruitsuite.candidate.meetings;

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
import java.util.Locale;

/** Meetings, always within one organization. */
@ApplicationScoped
@WithSession
public class MeetingRepository extends OrganizationScopedRepository<Meeting> {

    /** List filters, each optional: the person (candidate, prospect, or an attendee in any case) and a time range the meeting overlaps. */
    public record Filter(String candidateId, String prospectId, String attendee, OffsetDateTime from, OffsetDateTime to) {
    }

    public MeetingRepository() {
        super(Meeting.class);
    }

    public Uni<Boolean> deleteById(String organizationId, String id) {
        return delete(organizationId, "id = :id", Parameters.with("id", id)).map(deleted -> deleted > 0);
    }

    public Uni<List<Meeting>> page(String organizationId, Filter filter, int offset, int limit) {
        Condition c = condition(filter);
        return list(organizationId, c.where(), Keyset.ORDER, c.parameters(), offset, limit);
    }

    public Uni<List<Meeting>> after(String organizationId, Filter filter, Cursor cursor, int limit) {
        Condition c = condition(filter);
        return list(organizationId, Keyset.and(c.where(), Keyset.after(null, cursor)), Keyset.ORDER, Keyset.bind(c.parameters(), cursor),
                0, limit);
    }

    public Uni<Long> count(String organizationId, Filter filter) {
        Condition c = condition(filter);
        return count(organizationId, c.where(), c.parameters());
    }

    private record Condition(String where, Parameters parameters) {
    }

    private static Condition condition(Filter f) {
        List<String> and = new ArrayList<>();
        Parameters p = new Parameters();
        if (f.candidateId() != null) {
            and.add("candidateId = :candidateId");
            p.and("candidateId", f.candidateId());
        }
        if (f.prospectId() != null) {
            and.add("prospectId = :prospectId");
            p.and("prospectId", f.prospectId());
        }
        if (f.attendee() != null) {
            and.add("cast(sql('? @> array[cast(? as text)]', attendeeKeys, :attendee) as Boolean)");
            p.and("attendee", f.attendee().toLowerCase(Locale.ROOT));
        }
        if (f.from() != null) {
            and.add("endsAt > :from");
            p.and("from", f.from());
        }
        if (f.to() != null) {
            and.add("startsAt < :to");
            p.and("to", f.to());
        }
        return new Condition(and.isEmpty() ? null : String.join(" and ", and), p);
    }
}
