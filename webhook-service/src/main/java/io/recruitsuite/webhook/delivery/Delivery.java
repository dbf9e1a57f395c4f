package io.recruitsuite.webhook.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event for one endpoint in the queue; {@code leaseToken} is set while a replica is sending it,
 * {@code traceParent} continues the trace of the change that caused the event.
 */
public record Delivery(
        String id,
        String organizationId,
        String endpointId,
        UUID eventId,
        String eventType,
        String payload,
        DeliveryStatus status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        Integer lastStatus,
        OffsetDateTime createdAt,
        OffsetDateTime deliveredAt,
        UUID leaseToken,
        String traceParent) {
}
