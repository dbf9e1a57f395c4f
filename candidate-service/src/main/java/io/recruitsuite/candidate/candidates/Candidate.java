package io.recruitsuite.candidate.candidates;

import java.time.OffsetDateTime;
import java.util.List;

public record Candidate(
        String id,
        String organizationId,
        String name,
        String email,
        String phone,
        List<String> tags,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
