package io.recruitsuite.candidate.applications;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
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
}
