package io.recruitsuite.candidate.candidates;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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
}
