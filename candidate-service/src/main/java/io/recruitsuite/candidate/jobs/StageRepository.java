package io.recruitsuite.candidate.jobs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stages of jobs' pipelines, always within one organization. */
@ApplicationScoped
@WithSession
public class StageRepository extends OrganizationScopedRepository<Stage> {

    public StageRepository() {
        super(Stage.class);
    }

    /** The stages of each job, in pipeline order. */
    public Uni<Map<String, List<Stage>>> stagesOf(String organizationId, List<String> jobIds) {
        return list(organizationId, "jobId in :jobIds", "jobId, position", Parameters.with("jobIds", jobIds))
                .map(stages -> {
                    Map<String, List<Stage>> out = new HashMap<>();
                    for (Stage s : stages) {
                        out.computeIfAbsent(s.jobId(), k -> new ArrayList<>()).add(s);
                    }
                    return out;
                });
    }

    /** Stores a new job's stages (one batch with the session's statement batching). */
    public Uni<List<Stage>> persistAll(List<Stage> stages) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Stage s : stages) {
            chain = chain.chain(() -> persist(s).replaceWithVoid());
        }
        return chain.replaceWith(stages);
    }
}
