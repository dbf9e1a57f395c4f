package io.recruitsuite.candidate.workflow;

import io.recruitsuite.candidate.applications.ApplicationRepository;
import io.recruitsuite.candidate.candidates.CandidateRepository;
import io.recruitsuite.candidate.prospects.ProspectRepository;
import io.recruitsuite.common.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resolves who a workflow record is about, inside the caller's transaction. The candidate and the prospect are locked,
 * as a note locks its candidate, so a record cannot land on a person being erased (the erasure would then fail on the
 * foreign key, or the record outlive the person).
 */
@ApplicationScoped
public class Subjects {

    @Inject
    CandidateRepository candidates;
    @Inject
    ApplicationRepository applications;
    @Inject
    ProspectRepository prospects;

    /** Ids already checked for shape; an application implies its candidate and job, and a candidate given with it must match. */
    public Uni<Subject> resolve(String organizationId, String candidateId, String applicationId, String prospectId) {
        Uni<Subject> base = applicationId == null
                ? Uni.createFrom().item(new Subject(candidateId, null, null, null))
                : applications.findById(organizationId, applicationId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Application"))
                .map(a -> {
                    if (candidateId != null && !candidateId.equals(a.candidateId())) {
                        throw ApiException.validation("candidateId: is not the candidate of applicationId");
                    }
                    return new Subject(a.candidateId(), a.id(), a.jobId(), null);
                });
        return base
                .call(s -> s.candidateId() == null ? Uni.createFrom().voidItem()
                        : candidates.findByIdForUpdate(organizationId, s.candidateId())
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Candidate")))
                .call(s -> prospectId == null ? Uni.createFrom().voidItem()
                        : prospects.findByIdForUpdate(organizationId, prospectId)
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Prospect")))
                .map(s -> new Subject(s.candidateId(), s.applicationId(), s.jobId(), prospectId));
    }
}
