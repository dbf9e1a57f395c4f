package io.recruitsuite.candidate.tasks;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Tasks, always within one organization. */
@ApplicationScoped
@WithSession
public class TaskRepository extends OrganizationScopedRepository<Task> {

    /** List filters, each optional: the assignee (exact), the status, due strictly before an instant, the candidate. */
    public record Filter(String assignee, String status, OffsetDateTime dueBefore, String candidateId) {
    }

    public TaskRepository() {
        super(Task.class);
    }

    public Uni<Boolean> deleteById(String organizationId, String id) {
        return delete(organizationId, "id = :id", Parameters.with("id", id)).map(deleted -> deleted > 0);
    }

    public Uni<List<Task>> page(String organizationId, Filter filter, int offset, int limit) {
        Condition c = condition(filter);
        return list(organizationId, c.where(), Keyset.ORDER, c.parameters(), offset, limit);
    }

    public Uni<List<Task>> after(String organizationId, Filter filter, Cursor cursor, int limit) {
        Condition c = condition(filter);
        return list(organizationId, Keyset.and(c.where(), Keyset.after(null, cursor)), Keyset.ORDER, Keyset.bind(c.parameters(), cursor),
                0, limit);
    }

    public Uni<Long> count(String organizationId, Filter filter) {
        Condition c = condition(filter);
        return count(organizationId, c.where(), c.parameters());
    }

    private record Condition(String where, Parameters parameters) {
    }

    private static Condition condition(Filter f) {
        List<String> and = new ArrayList<>();
        Parameters p = new Parameters();
        if (f.assignee() != null) {
            and.add("assignee = :assignee");
            p.and("assignee", f.assignee());
        }
        if (f.status() != null) {
            and.add("status = :status");
            p.and("status", f.status());
        }
        if (f.dueBefore() != null) {
            and.add("dueAt < :dueBefore");
            p.and("dueBefore", f.dueBefore());
        }
        if (f.candidateId() != null) {
            and.add("candidateId = :candidateId");
            p.and("candidateId", f.candidateId());
        }
        return new Condition(and.isEmpty() ? null : String.join(" and ", and), p);
    }
}
