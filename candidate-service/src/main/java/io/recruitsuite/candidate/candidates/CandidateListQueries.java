package io.recruitsuite.candidate.candidates;

import io.recruitsuite.candidate.applications.ApplicationStatus;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.persistence.LikePattern;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The candidate list's statements (a page, by offset or after a cursor, and its count) in SQL on the reactive pool,
 * without a Hibernate session: the list is the API's most frequent read, and Hibernate Reactive's session, query
 * and result machinery took a quarter of its CPU (docs/performance.md). The rows are read, never changed, so no
 * persistence context is needed; writes keep going through the entity. Every statement is scoped to one
 * organization by its first parameter.
 */
@ApplicationScoped
public class CandidateListQueries {

    static final String COLUMNS = "id, organization_id, name, first_name, last_name, email, phone, tags, created_at, updated_at";
    static final String ORDER = " order by created_at desc, id desc";

    @Inject
    Pool pool;

    /** One page in (createdAt desc, id desc) order, by offset. */
    public Uni<List<Candidate>> page(String organizationId, CandidateFilter filter, int offset, int limit) {
        Statement s = Statement.where(organizationId, filter);
        String sql = "select " + COLUMNS + " from candidates where " + s.where() + ORDER
                + " offset " + s.bind(offset) + " limit " + s.bind(limit);
        return rows(sql, s);
    }

    /** Up to {@code limit} rows after {@code cursor} (exclusive); inserts elsewhere do not shift them. */
    public Uni<List<Candidate>> after(String organizationId, CandidateFilter filter, Cursor cursor, int limit) {
        Statement s = Statement.where(organizationId, filter);
        if (cursor != null) {
            s.and("(created_at, id) < (" + s.bind(cursor.createdAt()) + ", " + s.bind(cursor.id()) + ")");
        }
        String sql = "select " + COLUMNS + " from candidates where " + s.where() + ORDER + " limit " + s.bind(limit);
        return rows(sql, s);
    }

    public Uni<Long> count(String organizationId, CandidateFilter filter) {
        Statement s = Statement.where(organizationId, filter);
        return pool.preparedQuery("select count(*) from candidates where " + s.where()).execute(s.parameters())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<List<Candidate>> rows(String sql, Statement s) {
        return pool.preparedQuery(sql).execute(s.parameters()).map(CandidateListQueries::candidates);
    }

    private static List<Candidate> candidates(RowSet<Row> rows) {
        List<Candidate> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Candidate(r.getString("id"), r.getString("organization_id"), r.getString("name"), r.getString("first_name"),
                    r.getString("last_name"), r.getString("email"), r.getString("phone"), List.of(r.getArrayOfStrings("tags")),
                    r.getOffsetDateTime("created_at"), r.getOffsetDateTime("updated_at")));
        }
        return out;
    }

    /** A where clause and its positional parameters, the organization always first. */
    static final class Statement {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        static Statement where(String organizationId, CandidateFilter filter) {
            Statement s = new Statement();
            s.and("organization_id = " + s.bind(organizationId));
            if (filter.search() != null) {
                // '!' escapes the pattern characters, as in the other lists' filters
                String pattern = s.bind(LikePattern.containing(filter.search()));
                s.and("(name ilike " + pattern + " escape '!' or email ilike " + pattern + " escape '!')");
            }
            if (filter.tag() != null) {
                // the containment the GIN index on tags serves
                s.and("tags @> array[" + s.bind(filter.tag()) + "::text]");
            }
            if (filter.createdAfter() != null) {
                s.and("created_at > " + s.bind(filter.createdAfter()));
            }
            if (filter.job() != null || filter.stageId() != null || filter.stageName() != null) {
                // one application must satisfy job and stage together; a stage means an active application there
                StringBuilder pipeline = new StringBuilder("id in (select a.candidate_id from applications a join stages st on st.id = a.stage_id "
                        + "where a.organization_id = $1");
                if (filter.job() != null) {
                    pipeline.append(" and a.job_id = ").append(s.bind(filter.job()));
                }
                if (filter.stageId() != null || filter.stageName() != null) {
                    pipeline.append(" and a.status = ").append(s.bind(ApplicationStatus.ACTIVE.wire()));
                }
                if (filter.stageId() != null) {
                    pipeline.append(" and a.stage_id = ").append(s.bind(filter.stageId()));
                }
                if (filter.stageName() != null) {
                    pipeline.append(" and lower(st.name) = lower(").append(s.bind(filter.stageName())).append(")");
                }
                s.and(pipeline.append(")").toString());
            }
            return s;
        }

        void and(String condition) {
            conditions.add(condition);
        }

        /** The placeholder of a new parameter. */
        String bind(Object value) {
            values.add(value);
            return "$" + values.size();
        }

        String where() {
            return String.join(" and ", conditions);
        }

        Tuple parameters() {
            return Tuple.from(values);
        }
    }
}
