package io.recruitsuite.candidate.agents;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.candidate.persistence.ScopedHql;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Interview agents, always within one organization. */
@ApplicationScoped
@WithSession
public class InterviewAgentRepository extends OrganizationScopedRepository<InterviewAgent> {

    public InterviewAgentRepository() {
        super(InterviewAgent.class);
    }

    public Uni<List<InterviewAgent>> page(String organizationId, int offset, int limit) {
        return list(organizationId, null, Keyset.ORDER, null, offset, limit);
    }

    public Uni<List<InterviewAgent>> after(String organizationId, Cursor cursor, int limit) {
        return list(organizationId, Keyset.after(null, cursor), Keyset.ORDER, Keyset.bind(null, cursor), 0, limit);
    }

    public Uni<Long> count(String organizationId) {
        return count(organizationId, null, null);
    }

    public Uni<Boolean> deleteById(String organizationId, String id) {
        return delete(organizationId, "id = :id", Parameters.with("id", id)).map(deleted -> deleted > 0);
    }

    /** Whether an interview (scheduled or not) names the agent: its history keeps the link. */
    public Uni<Boolean> inUse(String organizationId, String id) {
        return ScopedHql.single("select i.id from Interview i" + ScopedHql.where("i", "i.agentId = :id"), String.class, organizationId,
                Parameters.with("id", id)).map(found -> found != null);
    }
}
