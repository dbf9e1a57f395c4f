package io.recruitsuite.candidate.applications;

import java.time.OffsetDateTime;

/** A candidate applying to a job: where in the job's pipeline they are, and whether they are still in it. */
public record Application(
        String id,
        String organizationId,
        String candidateId,
        String jobId,
        String stageId,
        ApplicationStatus status,
        String rejectionReason,
        OffsetDateTime rejectedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
