package io.recruitsuite.webhook.endpoints;

import java.time.OffsetDateTime;
import java.util.List;

public record Endpoint(
        String id,
        String organizationId,
        String url,
        String description,
        List<String> events,
        EndpointStatus status,
        byte[] secret,
        byte[] previousSecret,
        OffsetDateTime previousSecretUntil,
        int consecutiveFailures,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
