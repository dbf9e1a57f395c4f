package io.recruitsuite.candidate.assessments;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Assessments, always within one organization. */
@ApplicationScoped
@WithSession
public class AssessmentRepository extends OrganizationScopedRepository<Assessment> {

    public record Filter(String applicationId, String candidateId, String jobId, String status) {
    }

    public AssessmentRepository() {
        super(Assessment.class);
    }

    public Uni<List<Assessment>> page(String organizationId, Filter filter, int offset, int limit) {
        Condition c = condition(filter);
        return list(organizationId, c.where(), Keyset.ORDER, c.parameters(), offset, limit);
    }

    public Uni<List<Assessment>> after(String organizationId, Filter filter, Cursor cursor, int limit) {
        Condition c = condition(filter);
        return list(organizationId, Keyset.and(c.where(), Keyset.after(null, cursor)), Keyset.ORDER, Keyset.bind(c.parameters(), cursor),
                0, limit);
    }

    public Uni<Long> count(String organizationId, Filter filter) {
        Condition c = condition(filter);
        return count(organizationId, c.where(), c.parameters());
    }

    public Uni<List<Assessment>> ofApplication(String organizationId, String applicationId) {
        return list(organizationId, "applicationId = :id", "createdAt, id", Parameters.with("id", applicationId));
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
        if (f.status() != null) {
            and.add("status = :status");
            p.and("status", f.status());
        }
        return new Condition(and.isEmpty() ? null : String.join(" and ", and), p);
    }
}
