package io.recruitsuite.candidate.candidates;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.recruitsuite.candidate.paging.Cursor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filtered candidate list, in native SQL in the caller's session: the tag filter is the array containment
 * {@code tags @> array[…]} that the GIN index on {@code tags} serves, and the pipeline filters are one
 * {@code exists} over applications and stages; the statements are the ones the list ran before Panache, so plans,
 * order (created_at desc, id desc) and keyset cursors stay as they were. Rows come back as {@link Candidate} entities.
 * Every statement starts with the organization.
 */
@ApplicationScoped
@WithSession
public class CandidateQueries {

    static final String COLUMNS = "id, organization_id, name, email, phone, tags, created_at, updated_at";
    static final String ORDER = " order by created_at desc, id desc";

    /** One page in (created_at desc, id desc) order, by offset. */
    public Uni<List<Candidate>> page(String organizationId, CandidateFilter filter, int offset, int limit) {
        Condition where = where(organizationId, filter);
        where.args.put("limit", limit);
        where.args.put("offset", offset);
        return list("select " + COLUMNS + " from candidates " + where.sql + ORDER + " limit :limit offset :offset", where.args);
    }

    /** Up to {@code limit} rows after {@code cursor} (exclusive); inserts elsewhere do not shift them. */
    public Uni<List<Candidate>> after(String organizationId, CandidateFilter filter, Cursor cursor, int limit) {
        Condition where = where(organizationId, filter);
        String sql = "select " + COLUMNS + " from candidates " + where.sql;
        if (cursor != null) {
            sql += " and (created_at, id) < (:cursorCreatedAt, cast(:cursorId as text))";
            where.args.put("cursorCreatedAt", cursor.createdAt());
            where.args.put("cursorId", cursor.id());
        }
        where.args.put("limit", limit);
        return list(sql + ORDER + " limit :limit", where.args);
    }

    public Uni<Long> count(String organizationId, CandidateFilter filter) {
        Condition where = where(organizationId, filter);
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("select count(*) from candidates " + where.sql, Long.class), where.args)
                .getSingleResult());
    }

    private static Uni<List<Candidate>> list(String sql, Map<String, Object> args) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery(sql, Candidate.class), args).getResultList());
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Map<String, Object> args) {
        args.forEach(query::setParameter);
        return query;
    }

    private record Condition(String sql, Map<String, Object> args) {
    }

    private static Condition where(String organizationId, CandidateFilter filter) {
        StringBuilder sql = new StringBuilder("where organization_id = cast(:organizationId as text)");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("organizationId", organizationId);
        if (filter.search() != null) {
            // backslash is PostgreSQL's default escape character of like patterns (escapeLike)
            sql.append(" and (name ilike cast(:search as text) or email ilike cast(:search as text))");
            args.put("search", "%" + escapeLike(filter.search()) + "%");
        }
        if (filter.tag() != null) {
            sql.append(" and tags @> array[cast(:tag as text)]");
            args.put("tag", filter.tag());
        }
        if (filter.createdAfter() != null) {
            sql.append(" and created_at > :createdAfter");
            args.put("createdAfter", filter.createdAfter());
        }
        if (filter.job() != null || filter.stageId() != null || filter.stageName() != null) {
            // one application must satisfy job and stage together; a stage means an active application there
            sql.append(" and exists (select 1 from applications a join stages s on s.id = a.stage_id "
                    + "where a.organization_id = candidates.organization_id and a.candidate_id = candidates.id");
            if (filter.job() != null) {
                sql.append(" and a.job_id = cast(:job as text)");
                args.put("job", filter.job());
            }
            if (filter.stageId() != null) {
                sql.append(" and a.status = 'active' and a.stage_id = cast(:stageId as text)");
                args.put("stageId", filter.stageId());
            }
            if (filter.stageName() != null) {
                sql.append(" and a.status = 'active' and lower(s.name) = lower(cast(:stageName as text))");
                args.put("stageName", filter.stageName());
            }
            sql.append(")");
        }
        return new Condition(sql.toString(), args);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
