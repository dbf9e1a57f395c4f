package io.recruitsuite.candidate.assessments;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A test sent to an application through the integrator's assessment provider; the provider's integration records its
 * progress (sent, started, completed, expired) and the result (score 0 to 100, passed, report link) through the API.
 */
@Entity
@Table(name = "assessments")
public class Assessment implements OrganizationOwned {

    public static final String COMPLETED = "completed";

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "application_id")
    private String applicationId;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "job_id")
    private String jobId;
    private String name;
    private String provider;
    @Column(name = "due_at")
    private OffsetDateTime dueAt;
    private String status;
    private Integer score;
    private Boolean passed;
    @Column(name = "report_url")
    private String reportUrl;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Assessment() {
    }

    public Assessment(String id, String organizationId, String applicationId, String candidateId, String jobId, State state,
                      OffsetDateTime createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.applicationId = applicationId;
        this.candidateId = candidateId;
        this.jobId = jobId;
        this.createdAt = createdAt;
        change(state, createdAt);
    }

    /** Everything the API may set after creation. */
    public record State(String name, String provider, OffsetDateTime dueAt, String status, Integer score, Boolean passed, String reportUrl) {
    }

    public State state() {
        return new State(name, provider, dueAt, status, score, passed, reportUrl);
    }

    /** Completing stamps the time; the rules ({@link AssessmentService}) decide which changes are allowed. */
    public void change(State s, OffsetDateTime at) {
        if (COMPLETED.equals(s.status()) && !COMPLETED.equals(status)) {
            this.completedAt = at;
        }
        this.name = s.name();
        this.provider = s.provider();
        this.dueAt = s.dueAt();
        this.status = s.status();
        this.score = s.score();
        this.passed = s.passed();
        this.reportUrl = s.reportUrl();
        this.updatedAt = at;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String applicationId() {
        return applicationId;
    }

    public String candidateId() {
        return candidateId;
    }

    public String jobId() {
        return jobId;
    }

    public String name() {
        return name;
    }

    public String provider() {
        return provider;
    }

    public OffsetDateTime dueAt() {
        return dueAt;
    }

    public String status() {
        return status;
    }

    public Integer score() {
        return score;
    }

    public Boolean passed() {
        return passed;
    }

    public String reportUrl() {
        return reportUrl;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
