package io.recruitsuite.candidate.interviews;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.recruitsuite.common.persistence.OrganizationScopedRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Scorecards, always within one organization. Not paged: an interview has one per interviewer. */
@ApplicationScoped
@WithSession
public class ScorecardRepository extends OrganizationScopedRepository<Scorecard> {

    public ScorecardRepository() {
        super(Scorecard.class);
    }

    public Uni<List<Scorecard>> ofInterview(String organizationId, String interviewId) {
        return list(organizationId, "interviewId = :id", "submittedAt, id", Parameters.with("id", interviewId));
    }

    public Uni<List<Scorecard>> ofApplication(String organizationId, String applicationId) {
        return list(organizationId, "applicationId = :id", "submittedAt, id", Parameters.with("id", applicationId));
    }

    /** The interviewer's scorecard of the interview (the interviewer in any case), or null. */
    public Uni<Scorecard> of(String organizationId, String interviewId, String interviewer) {
        return single(organizationId, "interviewId = :id and lower(interviewer) = lower(:who)",
                Parameters.with("id", interviewId).and("who", interviewer));
    }
}
