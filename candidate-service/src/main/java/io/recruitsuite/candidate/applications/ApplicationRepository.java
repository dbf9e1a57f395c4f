package io.recruitsuite.candidate.applications;

import io.recruitsuite.candidate.jobs.Stage;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Where;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Applications and their stage history, always within one organization. */
@ApplicationScoped
public class ApplicationRepository {

    private static final String COLUMNS = "id, organization_id, candidate_id, job_id, stage_id, status, rejection_reason, rejected_at, "
            + "created_at, updated_at";
    private static final String DETAIL = "select a.id, a.organization_id, a.candidate_id, a.job_id, a.stage_id, a.status, a.rejection_reason, "
            + "a.rejected_at, a.created_at, a.updated_at, s.name as stage_name, c.name as candidate_name, c.email as candidate_email, "
            + "c.phone as candidate_phone from applications a join stages s on s.id = a.stage_id join candidates c on c.id = a.candidate_id ";

    @Inject
    Pool pool;

    public Pool pool() {
        return pool;
    }

    public Uni<Application> insert(SqlClient tx, String id, String organizationId, String candidateId, String jobId, String stageId) {
        return tx.preparedQuery("insert into applications (id, organization_id, candidate_id, job_id, stage_id, status) "
                        + "values ($1, $2, $3, $4, $5, 'active') on conflict (organization_id, candidate_id, job_id) do nothing returning " + COLUMNS)
                .execute(Tuple.of(id, organizationId, candidateId, jobId, stageId))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Application> findForUpdate(SqlClient tx, String organizationId, String id) {
        return tx.preparedQuery("select " + COLUMNS + " from applications where organization_id = $1 and id = $2 for update")
                .execute(Tuple.of(organizationId, id))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    /** Just the candidate of an application, to take the candidate's lock before the application's. */
    public Uni<String> candidateOf(SqlClient client, String organizationId, String id) {
        return client.preparedQuery("select candidate_id from applications where organization_id = $1 and id = $2")
                .execute(Tuple.of(organizationId, id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    public Uni<String> idFor(SqlClient client, String organizationId, String candidateId, String jobId) {
        return client.preparedQuery("select id from applications where organization_id = $1 and candidate_id = $2 and job_id = $3")
                .execute(Tuple.of(organizationId, candidateId, jobId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    public Uni<Application> moveTo(SqlClient tx, Application a, String stageId) {
        return tx.preparedQuery("update applications set stage_id = $3, updated_at = clock_timestamp() where organization_id = $1 and id = $2 "
                        + "returning " + COLUMNS)
                .execute(Tuple.of(a.organizationId(), a.id(), stageId))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Application> reject(SqlClient tx, Application a, String reason) {
        return tx.preparedQuery("update applications set status = 'rejected', rejection_reason = $3, rejected_at = now(), "
                        + "updated_at = clock_timestamp() where organization_id = $1 and id = $2 returning " + COLUMNS)
                .execute(Tuple.of(a.organizationId(), a.id(), reason))
                .map(rows -> map(rows.iterator().next()));
    }

    /** Closes the open visit and, when {@code next} is given, opens one in it at the same instant. */
    public Uni<Void> recordStage(SqlClient tx, Application a, Stage next, String visitId) {
        Uni<Void> close = tx.preparedQuery("update stage_history set completed_at = now() "
                        + "where organization_id = $1 and application_id = $2 and completed_at is null")
                .execute(Tuple.of(a.organizationId(), a.id()))
                .replaceWithVoid();
        if (next == null) {
            return close;
        }
        return close.chain(() -> tx.preparedQuery("insert into stage_history (id, organization_id, application_id, stage_id, stage_name, started_at) "
                        + "values ($1, $2, $3, $4, $5, now())")
                .execute(Tuple.of(visitId, a.organizationId(), a.id(), next.id(), next.name()))
                .replaceWithVoid());
    }

    public Uni<ApplicationDetail> detail(SqlClient client, String organizationId, String id) {
        return client.preparedQuery(DETAIL + "where a.organization_id = $1 and a.id = $2")
                .execute(Tuple.of(organizationId, id))
                .map(rows -> rows.size() == 0 ? null : mapDetail(rows.iterator().next()));
    }

    public Uni<List<ApplicationDetail>> listPage(String organizationId, ApplicationFilter filter, int offset, int limit) {
        Where where = where(organizationId, filter);
        return pool.preparedQuery(DETAIL + where.sql() + " order by a.created_at desc, a.id desc limit " + where.param(limit)
                        + " offset " + where.param(offset))
                .execute(where.args())
                .map(ApplicationRepository::mapDetails);
    }

    public Uni<List<ApplicationDetail>> listAfter(String organizationId, ApplicationFilter filter, Cursor cursor, int limit) {
        Where where = where(organizationId, filter).after("a.created_at", "a.id", cursor);
        return pool.preparedQuery(DETAIL + where.sql() + " order by a.created_at desc, a.id desc limit " + where.param(limit))
                .execute(where.args())
                .map(ApplicationRepository::mapDetails);
    }

    public Uni<Long> count(String organizationId, ApplicationFilter filter) {
        Where where = where(organizationId, filter);
        return pool.preparedQuery("select count(*) from applications a " + where.sql())
                .execute(where.args())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The stage history of each application, oldest visit first. */
    public Uni<Map<String, List<StageVisit>>> history(SqlClient client, String organizationId, List<String> applicationIds) {
        return client.preparedQuery("select id, application_id, stage_id, stage_name, started_at, completed_at from stage_history "
                        + "where organization_id = $1 and application_id = any($2) order by application_id, started_at, id")
                .execute(Tuple.of(organizationId, applicationIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<StageVisit>> out = new HashMap<>();
                    for (Row r : rows) {
                        StageVisit v = new StageVisit(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                                r.getOffsetDateTime(4), r.getOffsetDateTime(5));
                        out.computeIfAbsent(v.applicationId(), k -> new ArrayList<>()).add(v);
                    }
                    return out;
                });
    }

    /**
     * What the search index records of a candidate's pipeline: the jobs applied to, and the stage of
     * the active application that moved last (a CV is filtered by one stage).
     */
    public Uni<PipelinePosition> position(SqlClient client, String organizationId, String candidateId) {
        return client.preparedQuery("select a.job_id, a.status, s.name from applications a join stages s on s.id = a.stage_id "
                        + "where a.organization_id = $1 and a.candidate_id = $2 order by a.updated_at desc, a.id desc")
                .execute(Tuple.of(organizationId, candidateId))
                .map(rows -> {
                    List<String> jobIds = new ArrayList<>();
                    String stage = null;
                    for (Row r : rows) {
                        jobIds.add(r.getString(0));
                        if (stage == null && ApplicationStatus.ACTIVE.wire().equals(r.getString(1))) {
                            stage = r.getString(2);
                        }
                    }
                    jobIds.sort(null);
                    return new PipelinePosition(stage, jobIds);
                });
    }

    private static Where where(String organizationId, ApplicationFilter filter) {
        Where where = Where.organization("a.organization_id", organizationId);
        if (filter.jobId() != null) {
            where.and("a.job_id = ?", filter.jobId());
        }
        if (filter.candidateId() != null) {
            where.and("a.candidate_id = ?", filter.candidateId());
        }
        if (filter.stageId() != null) {
            where.and("a.stage_id = ?", filter.stageId());
        }
        if (filter.status() != null) {
            where.and("a.status = ?", filter.status().wire());
        }
        return where;
    }

    private static List<ApplicationDetail> mapDetails(RowSet<Row> rows) {
        List<ApplicationDetail> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(mapDetail(r));
        }
        return out;
    }

    private static ApplicationDetail mapDetail(Row r) {
        return new ApplicationDetail(map(r), r.getString("stage_name"),
                new ApplicationDetail.Contact(r.getString("candidate_id"), r.getString("candidate_name"), r.getString("candidate_email"),
                        r.getString("candidate_phone")), List.of());
    }

    private static Application map(Row r) {
        return new Application(r.getString("id"), r.getString("organization_id"), r.getString("candidate_id"), r.getString("job_id"),
                r.getString("stage_id"), ApplicationStatus.parse("status", r.getString("status")), r.getString("rejection_reason"),
                r.getOffsetDateTime("rejected_at"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }

}
