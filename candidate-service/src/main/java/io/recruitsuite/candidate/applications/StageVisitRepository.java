package io.recruitsuite.candidate.applications;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.jobs.StageType;
import io.recruitsuite.candidate.persistence.ScopedHql;
import io.recruitsuite.candidate.reports.PipelineReport;
import io.recruitsuite.candidate.reports.TimeToHire;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stage history of applications, always within one organization. */
@ApplicationScoped
@WithSession
public class StageVisitRepository extends OrganizationScopedRepository<StageVisit> {

    public StageVisitRepository() {
        super(StageVisit.class);
    }

    /** Closes the application's open visit at {@code at}. */
    public Uni<Integer> close(String organizationId, String applicationId, OffsetDateTime at) {
        return update(organizationId, "completedAt = :at", "applicationId = :applicationId and completedAt is null",
                Parameters.with("at", at).and("applicationId", applicationId));
    }

    /** The stage history of each application, oldest visit first. */
    public Uni<Map<String, List<StageVisit>>> history(String organizationId, List<String> applicationIds) {
        return list(organizationId, "applicationId in :applicationIds", "applicationId, startedAt, id",
                Parameters.with("applicationIds", applicationIds))
                .map(visits -> {
                    Map<String, List<StageVisit>> out = new HashMap<>();
                    for (StageVisit v : visits) {
                        out.computeIfAbsent(v.applicationId(), k -> new ArrayList<>()).add(v);
                    }
                    return out;
                });
    }

    /** The stage history of a job's applications with each application's status, in each application's order: one query. */
    public Uni<List<PipelineReport.Visit>> visitsOfJob(String organizationId, String jobId) {
        return ScopedHql.list("select v.applicationId, v.stageId, v.startedAt, v.completedAt, a.status from StageVisit v "
                        + "join Application a on a.id = v.applicationId"
                        + ScopedHql.where("v", "a.organizationId = v.organizationId and a.jobId = :jobId")
                        + " order by v.applicationId, v.startedAt, v.id",
                Object[].class, organizationId, Parameters.with("jobId", jobId))
                .map(rows -> rows.stream().map(r -> new PipelineReport.Visit((String) r[0], (String) r[1], (OffsetDateTime) r[2],
                        (OffsetDateTime) r[3], r[4] == ApplicationStatus.REJECTED)).toList());
    }

    /**
     * Every hire whose time falls in [from, to) (either bound may be open), optionally of one job: an application's hire is
     * its first entry into a stage of type hired. One aggregate query.
     */
    public Uni<List<TimeToHire.Hire>> hires(String organizationId, String jobId, OffsetDateTime from, OffsetDateTime to) {
        Parameters p = Parameters.with("hired", StageType.HIRED);
        String condition = "a.organizationId = v.organizationId and s.type = :hired";
        if (jobId != null) {
            condition += " and a.jobId = :jobId";
            p.and("jobId", jobId);
        }
        List<String> having = new ArrayList<>();
        if (from != null) {
            having.add("min(v.startedAt) >= :from");
            p.and("from", from);
        }
        if (to != null) {
            having.add("min(v.startedAt) < :to");
            p.and("to", to);
        }
        String hql = "select a.id, a.jobId, j.title, a.createdAt, min(v.startedAt) from StageVisit v "
                + "join Application a on a.id = v.applicationId join Stage s on s.id = v.stageId join Job j on j.id = a.jobId"
                + ScopedHql.where("v", condition) + " group by a.id, a.jobId, j.title, a.createdAt"
                + (having.isEmpty() ? "" : " having " + String.join(" and ", having));
        return ScopedHql.list(hql, Object[].class, organizationId, p)
                .map(rows -> rows.stream().map(r -> new TimeToHire.Hire((String) r[0], (String) r[1], (String) r[2], (OffsetDateTime) r[3],
                        (OffsetDateTime) r[4])).toList());
    }
}
