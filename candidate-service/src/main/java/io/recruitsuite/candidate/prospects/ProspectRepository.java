package io.recruitsuite.candidate.prospects;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.candidate.paging.Cursor;
import io.recruitsuite.candidate.paging.Keyset;
import io.recruitsuite.candidate.persistence.LikePattern;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Prospects, always within one organization. */
@ApplicationScoped
@WithSession
public class ProspectRepository extends OrganizationScopedRepository<Prospect> {

    /** List filters: free text over name and email, and whether the prospect became a candidate. */
    public record Filter(String search, Boolean converted) {
    }

    public ProspectRepository() {
        super(Prospect.class);
    }

    public Uni<Boolean> deleteById(String organizationId, String id) {
        return delete(organizationId, "id = :id", Parameters.with("id", id)).map(deleted -> deleted > 0);
    }

    public Uni<List<Prospect>> page(String organizationId, Filter filter, int offset, int limit) {
        Condition c = condition(filter);
        return list(organizationId, c.where(), Keyset.ORDER, c.parameters(), offset, limit);
    }

    public Uni<List<Prospect>> after(String organizationId, Filter filter, Cursor cursor, int limit) {
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

    private static Condition condition(Filter filter) {
        List<String> and = new ArrayList<>();
        Parameters p = new Parameters();
        if (filter.search() != null) {
            // '!' escapes the pattern characters, as in the candidate search
            and.add("(name ilike :search escape '!' or email ilike :search escape '!')");
            p.and("search", LikePattern.containing(filter.search()));
        }
        if (filter.converted() != null) {
            and.add(filter.converted() ? "candidateId is not null" : "candidateId is null");
        }
        return new Condition(and.isEmpty() ? null : String.join(" and ", and), p);
    }
}
