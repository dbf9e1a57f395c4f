package io.recruitsuite.candidate.jobs;

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

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jobs and their stages, always within one organization. */
@ApplicationScoped
public class JobRepository {

    private static final String COLUMNS = "id, organization_id, title, description, department, location, employment_type, status, "
            + "published_at, closed_at, created_at, updated_at";
    private static final String STAGE_COLUMNS = "id, organization_id, job_id, name, position";

    @Inject
    Pool pool;

    public Uni<Job> insert(SqlClient tx, Job j) {
        return tx.preparedQuery("insert into jobs (id, organization_id, title, description, department, location, employment_type, status, "
                        + "published_at, closed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(j.id(), j.organizationId(), j.title(), j.description(), j.department(), j.location(),
                        j.employmentType(), j.status().wire(), j.publishedAt(), j.closedAt())))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<List<Stage>> insertStages(SqlClient tx, List<Stage> stages) {
        List<Tuple> batch = stages.stream()
                .map(s -> Tuple.of(s.id(), s.organizationId(), s.jobId(), s.name(), s.position()))
                .toList();
        return tx.preparedQuery("insert into stages (id, organization_id, job_id, name, position) values ($1, $2, $3, $4, $5)")
                .executeBatch(batch)
                .replaceWith(stages);
    }

    public Uni<Job> find(SqlClient client, String organizationId, String id, boolean lock) {
        return client.preparedQuery("select " + COLUMNS + " from jobs where organization_id = $1 and id = $2" + (lock ? " for update" : ""))
                .execute(Tuple.of(organizationId, id))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Job> find(String organizationId, String id) {
        return find(pool, organizationId, id, false);
    }

    public Uni<Job> update(SqlClient tx, Job j) {
        return tx.preparedQuery("update jobs set title = $3, description = $4, department = $5, location = $6, employment_type = $7, "
                        + "status = $8, published_at = $9, closed_at = $10, updated_at = clock_timestamp() "
                        + "where organization_id = $1 and id = $2 returning " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(j.organizationId(), j.id(), j.title(), j.description(), j.department(), j.location(),
                        j.employmentType(), j.status().wire(), j.publishedAt(), j.closedAt())))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<List<Job>> listPage(String organizationId, JobStatus status, int offset, int limit) {
        Where where = where(organizationId, status);
        return pool.preparedQuery("select " + COLUMNS + " from jobs " + where.sql() + " order by created_at desc, id desc limit "
                        + where.param(limit) + " offset " + where.param(offset))
                .execute(where.args())
                .map(JobRepository::mapAll);
    }

    public Uni<List<Job>> listAfter(String organizationId, JobStatus status, Cursor cursor, int limit) {
        Where where = where(organizationId, status).after("created_at", "id", cursor);
        return pool.preparedQuery("select " + COLUMNS + " from jobs " + where.sql() + " order by created_at desc, id desc limit "
                        + where.param(limit))
                .execute(where.args())
                .map(JobRepository::mapAll);
    }

    public Uni<Long> count(String organizationId, JobStatus status) {
        Where where = where(organizationId, status);
        return pool.preparedQuery("select count(*) from jobs " + where.sql())
                .execute(where.args())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The stages of each job, in pipeline order. */
    public Uni<Map<String, List<Stage>>> stagesOf(SqlClient client, String organizationId, List<String> jobIds) {
        return client.preparedQuery("select " + STAGE_COLUMNS + " from stages where organization_id = $1 and job_id = any($2) "
                        + "order by job_id, position")
                .execute(Tuple.of(organizationId, jobIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<Stage>> out = new HashMap<>();
                    for (Row r : rows) {
                        Stage s = mapStage(r);
                        out.computeIfAbsent(s.jobId(), k -> new ArrayList<>()).add(s);
                    }
                    return out;
                });
    }

    public Uni<Map<String, List<Stage>>> stagesOf(String organizationId, List<String> jobIds) {
        return stagesOf(pool, organizationId, jobIds);
    }

    public Uni<Stage> findStage(SqlClient client, String organizationId, String stageId) {
        return client.preparedQuery("select " + STAGE_COLUMNS + " from stages where organization_id = $1 and id = $2")
                .execute(Tuple.of(organizationId, stageId))
                .map(rows -> rows.size() == 0 ? null : mapStage(rows.iterator().next()));
    }

    public Uni<Stage> findStage(String organizationId, String stageId) {
        return findStage(pool, organizationId, stageId);
    }

    /** Application counts per job, for the jobs shown. */
    public Uni<Map<String, JobCounts>> countsOf(String organizationId, List<String> jobIds) {
        return pool.preparedQuery("select job_id, count(*), count(*) filter (where status = 'active'), count(*) filter (where status = 'rejected') "
                        + "from applications where organization_id = $1 and job_id = any($2) group by job_id")
                .execute(Tuple.of(organizationId, jobIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, JobCounts> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString(0), new JobCounts(r.getLong(1), r.getLong(2), r.getLong(3)));
                    }
                    return out;
                });
    }

    private static Where where(String organizationId, JobStatus status) {
        Where where = Where.organization("organization_id", organizationId);
        if (status != null) {
            where.and("status = ?", status.wire());
        }
        return where;
    }

    private static List<Job> mapAll(RowSet<Row> rows) {
        List<Job> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(map(r));
        }
        return out;
    }

    private static Job map(Row r) {
        return new Job(r.getString("id"), r.getString("organization_id"), r.getString("title"), r.getString("description"),
                r.getString("department"), r.getString("location"), r.getString("employment_type"),
                JobStatus.parse("status", r.getString("status")), r.getOffsetDateTime("published_at"), r.getOffsetDateTime("closed_at"),
                r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at"));
    }

    static Stage mapStage(Row r) {
        return new Stage(r.getString("id"), r.getString("organization_id"), r.getString("job_id"), r.getString("name"), r.getInteger("position"));
    }

    /** Marks the start of a status transition inside the transaction, for published/closed times. */
    public Uni<OffsetDateTime> now(SqlClient tx) {
        return tx.query("select clock_timestamp()").execute().map(rows -> rows.iterator().next().getOffsetDateTime(0));
    }
}
