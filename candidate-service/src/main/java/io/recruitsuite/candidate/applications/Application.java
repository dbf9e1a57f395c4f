package io.recruitsuite.candidate.applications;

import io.recruitsuite.common.persistence.OrganizationOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A candidate applying to a job: where in the job's pipeline they are, and whether they are still in it.
 * Read through record-style accessors; changed only by {@link #moveTo} and {@link #reject}.
 */
@Entity
@Table(name = "applications")
public class Application implements OrganizationOwned {

    @Id
    private String id;
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "candidate_id")
    private String candidateId;
    @Column(name = "job_id")
    private String jobId;
    @Column(name = "stage_id")
    private String stageId;
    @Convert(converter = ApplicationStatus.Column.class)
    private ApplicationStatus status;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "rejected_at")
    private OffsetDateTime rejectedAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Application() {
    }

    public Application(String id, String organizationId, String candidateId, String jobId, String stageId, ApplicationStatus status,
                       String rejectionReason, OffsetDateTime rejectedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.candidateId = candidateId;
        this.jobId = jobId;
        this.stageId = stageId;
        this.status = status;
        this.rejectionReason = rejectionReason;
        this.rejectedAt = rejectedAt;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public void moveTo(String stageId, OffsetDateTime at) {
        this.stageId = stageId;
        this.updatedAt = at;
    }

    public void reject(String reason, OffsetDateTime at) {
        this.status = ApplicationStatus.REJECTED;
        this.rejectionReason = reason;
        this.rejectedAt = at;
        this.updatedAt = at;
    }

    public String id() {
        return id;
    }

    @Override
    public String organizationId() {
        return organizationId;
    }

    public String candidateId() {
        return candidateId;
    }

    public String jobId() {
        return jobId;
    }

    public String stageId() {
        return stageId;
    }

    public ApplicationStatus status() {
        return status;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public OffsetDateTime rejectedAt() {
        return rejectedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
