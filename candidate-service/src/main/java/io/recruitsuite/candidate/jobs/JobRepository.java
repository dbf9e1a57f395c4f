package io.recruitsuite.candidate.jobs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Jobs, always within one organization; their stages are {@link StageRepository}'s. */
@ApplicationScoped
@WithSession
public class JobRepository extends OrganizationScopedRepository<Job> {

    public JobRepository() {
        super(Job.class);
    }

    public Uni<List<Job>> page(String organizationId, JobStatus status, int offset, int limit) {
        return list(organizationId, status == null ? null : "status = :status", Keyset.ORDER, parameters(status), offset, limit);
    }

    public Uni<List<Job>> after(String organizationId, JobStatus status, Cursor cursor, int limit) {
        return list(organizationId, Keyset.and(status == null ? null : "status = :status", Keyset.after(null, cursor)), Keyset.ORDER,
                Keyset.bind(parameters(status), cursor), 0, limit);
    }

    public Uni<Long> count(String organizationId, JobStatus status) {
        return count(organizationId, status == null ? null : "status = :status", parameters(status));
    }

    private static Parameters parameters(JobStatus status) {
        return status == null ? null : Parameters.with("status", status);
    }
}
