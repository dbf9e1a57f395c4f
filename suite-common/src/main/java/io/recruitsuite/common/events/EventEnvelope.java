package io.recruitsuite.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A domain event as it travels on Kafka and, reduced to its public fields, to webhook receivers:
 * {@code {id, type, timestamp, organizationId, data}} plus the schema version of {@code data}.
 * Consumers deduplicate by {@code id}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        String id,
        String type,
        String timestamp,
        String organizationId,
        Integer schemaVersion,
        JsonNode data) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static EventEnvelope create(String type, String organizationId, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, format(Instant.now()), organizationId,
                CURRENT_SCHEMA_VERSION, data);
    }

    /** ISO-8601 in UTC with milliseconds, as the webhook documentation shows: 2026-02-28T14:30:00.000Z. */
    public static String format(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
