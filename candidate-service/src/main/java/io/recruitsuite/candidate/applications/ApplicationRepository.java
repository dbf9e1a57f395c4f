package io.recruitsuite.candidate.applications;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.jobs.JobCounts;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.candidate.persistence.ScopedHql;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applications, always within one organization. Reads return them as {@link ApplicationDetail}s: one query joins
 * the stage's name and the candidate's contact details in (no query per row).
 */
@ApplicationScoped
@WithSession
public class ApplicationRepository extends OrganizationScopedRepository<Application> {

    private static final String DETAIL = "select a, s.name, c.name, c.email, c.phone from Application a "
            + "join Stage s on s.id = a.stageId join Candidate c on c.id = a.candidateId";

    public ApplicationRepository() {
        super(Application.class);
    }

    /** Just the candidate of an application, to take the candidate's lock before the application's. */
    public Uni<String> candidateOf(String organizationId, String id) {
        return ScopedHql.single("select a.candidateId from Application a" + ScopedHql.where("a", "a.id = :id"), String.class,
                organizationId, Parameters.with("id", id));
    }

    /** The id of the candidate's application for the job, or null. */
    public Uni<String> idFor(String organizationId, String candidateId, String jobId) {
        return ScopedHql.single("select a.id from Application a" + ScopedHql.where("a", "a.candidateId = :candidateId and a.jobId = :jobId"),
                String.class, organizationId, Parameters.with("candidateId", candidateId).and("jobId", jobId));
    }

    public Uni<ApplicationDetail> detail(String organizationId, String id) {
        return ScopedHql.list(DETAIL + ScopedHql.where("a", "a.id = :id"), Object[].class, organizationId, Parameters.with("id", id))
                .map(rows -> rows.isEmpty() ? null : detail(rows.get(0)));
    }

    /** One page in (createdAt desc, id desc) order, by offset. */
    public Uni<List<ApplicationDetail>> page(String organizationId, ApplicationFilter filter, int offset, int limit) {
        return ScopedHql.list(DETAIL + ScopedHql.where("a", condition("a.", filter)) + " order by a.createdAt desc, a.id desc",
                Object[].class, organizationId, parameters(filter), offset, limit).map(ApplicationRepository::details);
    }

    /** Up to {@code limit} rows after {@code cursor} (exclusive). */
    public Uni<List<ApplicationDetail>> after(String organizationId, ApplicationFilter filter, Cursor cursor, int limit) {
        return ScopedHql.list(DETAIL + ScopedHql.where("a", Keyset.and(condition("a.", filter), Keyset.after("a", cursor)))
                        + " order by a.createdAt desc, a.id desc",
                Object[].class, organizationId, Keyset.bind(parameters(filter), cursor), 0, limit).map(ApplicationRepository::details);
    }

    public Uni<Long> count(String organizationId, ApplicationFilter filter) {
        return count(organizationId, condition("", filter), parameters(filter));
    }

    /**
     * What the search index records of a candidate's pipeline: the jobs applied to, and the stage of
     * the active application that moved last (a CV is filtered by one stage).
     */
    public Uni<PipelinePosition> position(String organizationId, String candidateId) {
        return ScopedHql.list("select a.jobId, a.status, s.name from Application a join Stage s on s.id = a.stageId"
                        + ScopedHql.where("a", "a.candidateId = :candidateId") + " order by a.updatedAt desc, a.id desc",
                Object[].class, organizationId, Parameters.with("candidateId", candidateId))
                .map(rows -> {
                    List<String> jobIds = new ArrayList<>();
                    String stage = null;
                    for (Object[] r : rows) {
                        jobIds.add((String) r[0]);
                        if (stage == null && r[1] == ApplicationStatus.ACTIVE) {
                            stage = (String) r[2];
                        }
                    }
                    jobIds.sort(null);
                    return new PipelinePosition(stage, jobIds);
                });
    }

    /** Application counts per job, for the jobs shown. */
    public Uni<Map<String, JobCounts>> countsByJob(String organizationId, List<String> jobIds) {
        return ScopedHql.list("select a.jobId, count(*), sum(case when a.status = :active then 1 else 0 end), "
                        + "sum(case when a.status = :rejected then 1 else 0 end) from Application a"
                        + ScopedHql.where("a", "a.jobId in :jobIds") + " group by a.jobId",
                Object[].class, organizationId, Parameters.with("jobIds", jobIds)
                        .and("active", ApplicationStatus.ACTIVE).and("rejected", ApplicationStatus.REJECTED))
                .map(rows -> {
                    Map<String, JobCounts> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put((String) r[0], new JobCounts(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                                ((Number) r[3]).longValue()));
                    }
                    return out;
                });
    }

    private static String condition(String p, ApplicationFilter filter) {
        List<String> and = new ArrayList<>();
        if (filter.jobId() != null) {
            and.add(p + "jobId = :jobId");
        }
        if (filter.candidateId() != null) {
            and.add(p + "candidateId = :candidateId");
        }
        if (filter.stageId() != null) {
            and.add(p + "stageId = :stageId");
        }
        if (filter.status() != null) {
            and.add(p + "status = :status");
        }
        return and.isEmpty() ? null : String.join(" and ", and);
    }

    private static Parameters parameters(ApplicationFilter filter) {
        Parameters p = new Parameters();
        if (filter.jobId() != null) {
            p.and("jobId", filter.jobId());
        }
        if (filter.candidateId() != null) {
            p.and("candidateId", filter.candidateId());
        }
        if (filter.stageId() != null) {
            p.and("stageId", filter.stageId());
        }
        if (filter.status() != null) {
            p.and("status", filter.status());
        }
        return p;
    }

    private static List<ApplicationDetail> details(List<Object[]> rows) {
        List<ApplicationDetail> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(detail(r));
        }
        return out;
    }

    private static ApplicationDetail detail(Object[] r) {
        Application a = (Application) r[0];
        return new ApplicationDetail(a, (String) r[1], new ApplicationDetail.Contact(a.candidateId(), (String) r[2], (String) r[3],
                (String) r[4]), List.of());
    }
}
