package io.recruitsuite.candidate.candidates;

import io.recruitsuite.candidate.paging.Cursor;
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
import java.util.List;

/** Candidates, always read and written within one organization. */
@ApplicationScoped
public class CandidateRepository {

    private static final String COLUMNS = "id, organization_id, name, email, phone, tags, created_at, updated_at";

    @Inject
    Pool pool;

    public Uni<Candidate> insert(SqlClient tx, String id, String organizationId, String name, String email, String phone, List<String> tags) {
        return tx.preparedQuery("insert into candidates (id, organization_id, name, email, phone, tags) values ($1, $2, $3, $4, $5, $6) "
                        + "returning " + COLUMNS)
                .execute(Tuple.of(id, organizationId, name, email, phone, tags.toArray(String[]::new)))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Candidate> find(String organizationId, String id) {
        return find(pool, organizationId, id, false);
    }

    public Uni<Candidate> findForUpdate(SqlClient tx, String organizationId, String id) {
        return find(tx, organizationId, id, true);
    }

    private Uni<Candidate> find(SqlClient client, String organizationId, String id, boolean lock) {
        return client.preparedQuery("select " + COLUMNS + " from candidates where organization_id = $1 and id = $2" + (lock ? " for update" : ""))
                .execute(Tuple.of(organizationId, id))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Candidate> update(SqlClient tx, Candidate c) {
        return tx.preparedQuery("update candidates set name = $3, email = $4, phone = $5, tags = $6, updated_at = clock_timestamp() "
                        + "where organization_id = $1 and id = $2 returning " + COLUMNS)
                .execute(Tuple.of(c.organizationId(), c.id(), c.name(), c.email(), c.phone(), c.tags().toArray(String[]::new)))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Boolean> delete(SqlClient tx, String organizationId, String id) {
        return tx.preparedQuery("delete from candidates where organization_id = $1 and id = $2")
                .execute(Tuple.of(organizationId, id))
                .map(rows -> rows.rowCount() > 0);
    }

    /** One page in (created_at desc, id desc) order, by offset. */
    public Uni<List<Candidate>> listPage(String organizationId, CandidateFilter filter, int offset, int limit) {
        Where where = where(organizationId, filter);
        where.args.addValue(limit).addValue(offset);
        return pool.preparedQuery("select " + COLUMNS + " from candidates " + where.sql
                        + " order by created_at desc, id desc limit $" + (where.next) + " offset $" + (where.next + 1))
                .execute(where.args)
                .map(CandidateRepository::mapAll);
    }

    /** Up to {@code limit} rows after {@code cursor} (exclusive); inserts elsewhere do not shift them. */
    public Uni<List<Candidate>> listAfter(String organizationId, CandidateFilter filter, Cursor cursor, int limit) {
        Where where = where(organizationId, filter);
        String sql = "select " + COLUMNS + " from candidates " + where.sql;
        int n = where.next;
        if (cursor != null) {
            sql += " and (created_at, id) < ($" + n + ", $" + (n + 1) + ")";
            where.args.addOffsetDateTime(cursor.createdAt()).addString(cursor.id());
            n += 2;
        }
        where.args.addValue(limit);
        return pool.preparedQuery(sql + " order by created_at desc, id desc limit $" + n)
                .execute(where.args)
                .map(CandidateRepository::mapAll);
    }

    public Uni<Long> count(String organizationId, CandidateFilter filter) {
        Where where = where(organizationId, filter);
        return pool.preparedQuery("select count(*) from candidates " + where.sql)
                .execute(where.args)
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static final class Where {
        String sql;
        Tuple args;
        int next;
    }

    private static Where where(String organizationId, CandidateFilter filter) {
        Where w = new Where();
        StringBuilder sql = new StringBuilder("where organization_id = $1");
        Tuple args = Tuple.of(organizationId);
        int n = 2;
        if (filter.search() != null) {
            sql.append(" and (name ilike $").append(n).append(" escape '\\' or email ilike $").append(n).append(" escape '\\')");
            args.addString("%" + escapeLike(filter.search()) + "%");
            n++;
        }
        if (filter.tag() != null) {
            sql.append(" and tags @> array[$").append(n).append("]::text[]");
            args.addString(filter.tag());
            n++;
        }
        if (filter.createdAfter() != null) {
            sql.append(" and created_at > $").append(n);
            args.addOffsetDateTime(filter.createdAfter());
            n++;
        }
        if (filter.job() != null || filter.stageId() != null || filter.stageName() != null) {
            // one application must satisfy job and stage together; a stage means an active application there
            sql.append(" and exists (select 1 from applications a join stages s on s.id = a.stage_id "
                    + "where a.organization_id = candidates.organization_id and a.candidate_id = candidates.id");
            if (filter.job() != null) {
                sql.append(" and a.job_id = $").append(n++);
                args.addString(filter.job());
            }
            if (filter.stageId() != null) {
                sql.append(" and a.status = 'active' and a.stage_id = $").append(n++);
                args.addString(filter.stageId());
            }
            if (filter.stageName() != null) {
                sql.append(" and a.status = 'active' and lower(s.name) = lower($").append(n++).append(")");
                args.addString(filter.stageName());
            }
            sql.append(")");
        }
        w.sql = sql.toString();
        w.args = args;
        w.next = n;
        return w;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<Candidate> mapAll(RowSet<Row> rows) {
        List<Candidate> out = new ArrayList<>(rows.size());
        for (var it = rows.iterator(); it.hasNext(); ) {
            out.add(map(it.next()));
        }
        return out;
    }

    private static Candidate map(Row r) {
        return new Candidate(r.getString("id"), r.getString("organization_id"), r.getString("name"), r.getString("email"),
                r.getString("phone"), Arrays.asList(r.getArrayOfStrings("tags")), r.getOffsetDateTime("created_at"),
                r.getOffsetDateTime("updated_at"));
    }
}
