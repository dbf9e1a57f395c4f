package io.recruitsuite.candidate.jobs;

import java.time.OffsetDateTime;

public record Job(
        String id,
        String organizationId,
        String title,
        String description,
        String department,
        String location,
        String employmentType,
        JobStatus status,
        OffsetDateTime publishedAt,
        OffsetDateTime closedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
