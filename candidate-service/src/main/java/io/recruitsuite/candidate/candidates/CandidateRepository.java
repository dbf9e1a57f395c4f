package io.recruitsuite.candidate.candidates;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.applications.ApplicationStatus;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Candidates, always read and written within one organization. */
@ApplicationScoped
@WithSession
public class CandidateRepository extends OrganizationScopedRepository<Candidate> {

    public CandidateRepository() {
        super(Candidate.class);
    }

    /** Deletes the candidate; the database removes its documents, notes and applications with it. */
    public Uni<Boolean> deleteById(String organizationId, String id) {
        return delete(organizationId, "id = :id", Parameters.with("id", id)).map(deleted -> deleted > 0);
    }

    /** One page in (createdAt desc, id desc) order, by offset. */
    public Uni<List<Candidate>> page(String organizationId, CandidateFilter filter, int offset, int limit) {
        Condition c = condition(filter);
        return list(organizationId, c.where(), Keyset.ORDER, c.parameters(), offset, limit);
    }

    /** Up to {@code limit} rows after {@code cursor} (exclusive); inserts elsewhere do not shift them. */
    public Uni<List<Candidate>> after(String organizationId, CandidateFilter filter, Cursor cursor, int limit) {
        Condition c = condition(filter);
        return list(organizationId, Keyset.and(c.where(), Keyset.after(null, cursor)), Keyset.ORDER, Keyset.bind(c.parameters(), cursor),
                0, limit);
    }

    public Uni<Long> count(String organizationId, CandidateFilter filter) {
        Condition c = condition(filter);
        return count(organizationId, c.where(), c.parameters());
    }

    private record Condition(String where, Parameters parameters) {
    }

    private static Condition condition(CandidateFilter filter) {
        List<String> and = new ArrayList<>();
        Parameters p = new Parameters();
        if (filter.search() != null) {
            // '!' escapes the pattern characters (escapeLike): HQL's like without escape renders escape '' (no escape at all)
            and.add("(name ilike :search escape '!' or email ilike :search escape '!')");
            p.and("search", "%" + escapeLike(filter.search()) + "%");
        }
        if (filter.tag() != null) {
            // the containment the GIN index on tags serves, with the element typed as the column's (text; HQL's array_contains casts to varchar)
            and.add("cast(sql('? @> array[cast(? as text)]', tags, :tag) as Boolean)");
            p.and("tag", filter.tag());
        }
        if (filter.createdAfter() != null) {
            and.add("createdAt > :createdAfter");
            p.and("createdAfter", filter.createdAfter());
        }
        if (filter.job() != null || filter.stageId() != null || filter.stageName() != null) {
            // one application must satisfy job and stage together; a stage means an active application there
            StringBuilder pipeline = new StringBuilder("id in (select a.candidateId from Application a join Stage s on s.id = a.stageId "
                    + "where a.organizationId = :organizationId");
            if (filter.job() != null) {
                pipeline.append(" and a.jobId = :job");
                p.and("job", filter.job());
            }
            if (filter.stageId() != null || filter.stageName() != null) {
                pipeline.append(" and a.status = :active");
                p.and("active", ApplicationStatus.ACTIVE);
            }
            if (filter.stageId() != null) {
                pipeline.append(" and a.stageId = :stageId");
                p.and("stageId", filter.stageId());
            }
            if (filter.stageName() != null) {
                pipeline.append(" and lower(s.name) = lower(:stageName)");
                p.and("stageName", filter.stageName());
            }
            and.add(pipeline.append(")").toString());
        }
        return new Condition(and.isEmpty() ? null : String.join(" and ", and), p);
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
